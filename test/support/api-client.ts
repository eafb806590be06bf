// Raw HTTPS access to a test server as the admin, for tests that check the wire.
import type { IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TestServer } from './test-server.ts';

export interface Reply<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: T;
}

export interface WatchStream {
  /** Every event received so far, parsed. */
  readonly events: Array<{ type: string; object: Record<string, unknown> }>;
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  until(count: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

export class ApiClient {
  private readonly cluster: TestServer;

  constructor(cluster: TestServer) {
    this.cluster = cluster;
  }

  private options(method: string, headers: Record<string, string>) {
    const { ca, admin } = this.cluster.certs;
    return { method, ca: ca.certPem, cert: admin.certPem, key: admin.keyPem, headers: { 'content-type': 'application/json', ...headers } };
  }

  send<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(`${this.cluster.url}${path}`, this.options(method, headers), (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          const parsed = text.startsWith('{') ? (JSON.parse(text) as T) : ({ text } as T);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
    });
  }

  watch(path: string): WatchStream {
    const events: WatchStream['events'] = [];
    let wake: () => void = () => {};
    let endedResolve: () => void = () => {};
    const ended = new Promise<void>((resolve) => (endedResolve = resolve));
    let buffered = '';
    const req = httpsRequest(`${this.cluster.url}${path}`, this.options('GET', {}), (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let newline;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buffered.slice(0, newline)) as WatchStream['events'][number]);
          buffered = buffered.slice(newline + 1);
        }
        wake();
      });
      res.on('end', () => {
        endedResolve();
        wake();
      });
    });
    req.on('error', () => endedResolve());
    req.end();
    return {
      events,
      ended,
      async until(count, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        while (events.length < count) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} watch events; have ${JSON.stringify(events.map((e) => e.type))}`);
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 50);
          });
        }
      },
      close: () => req.destroy(),
    };
  }
}

