// The REST client: every component's only way to the cluster (DESIGN.md, "Processes").
// One HTTP/2 connection per server carries all requests and watches; it is reopened
// on the next request after the server closes it.
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import type { Status } from 'kubernetes-types/meta/v1.d.ts';
import type { ClientConfig } from './config.ts';
import { ApiStatusError } from './errors.ts';

export interface RequestOptions {
  readonly body?: unknown;
  readonly contentType?: string;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Abandon the request after this long (default 60 s). */
  readonly timeoutMs?: number;
}

export interface WatchEvent<T> {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: T;
}

/** An open watch: iterate its events; they end when the server closes the stream or close() is called. */
export interface WatchStream<T> extends AsyncIterable<WatchEvent<T>> {
  close(): void;
}

const streamWindowBytes = 4 << 20;
const connectionWindowBytes = 1 << 30;

const { HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS, HTTP2_HEADER_CONTENT_TYPE } = constants;

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export class RestClient implements Disposable {
  readonly config: ClientConfig;
  private session: ClientHttp2Session | undefined;
  private readonly openStreams = new Set<ClientHttp2Stream>();
  private closed = false;

  constructor(config: ClientConfig) {
    this.config = config;
  }

  private connection(): ClientHttp2Session {
    if (this.closed) throw new Error('the client is closed');
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const { caPem, certPem, keyPem, insecure, transport } = this.config;
    // Large flow-control windows, as client-go's (4 MiB a stream, 1 GiB the connection):
    // many watches share this one connection, and 64 KiB windows would pace them all.
    const settings = { initialWindowSize: streamWindowBytes };
    const session = transport
      ? // In the server's own process: plain HTTP/2 over an in-memory pipe, no TLS, no socket.
        connect('http://loopback', { settings, createConnection: () => transport() })
      : connect(this.config.server, {
          settings,
          ...(caPem ? { ca: caPem } : {}),
          ...(certPem ? { cert: certPem } : {}),
          ...(keyPem ? { key: keyPem } : {}),
          ...(insecure ? { rejectUnauthorized: false } : {}),
        });
    session.once('connect', () => session.setLocalWindowSize(connectionWindowBytes));
    // A dropped connection fails its open streams; the next request reconnects.
    session.on('error', () => {});
    session.on('goaway', () => session.close());
    session.on('close', () => {
      if (this.session === session) this.session = undefined;
    });
    this.session = session;
    return session;
  }

  private open(method: string, path: string, options: RequestOptions, accept = 'application/json'): ClientHttp2Stream {
    const headers: Record<string, string> = {
      [HTTP2_HEADER_METHOD]: method,
      [HTTP2_HEADER_PATH]: withQuery(path, options.query),
      accept,
      'user-agent': this.config.userAgent ?? 'kubets',
    };
    if (this.config.token) headers.authorization = `Bearer ${this.config.token}`;
    let payload: string | undefined;
    if (options.body !== undefined) {
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers[HTTP2_HEADER_CONTENT_TYPE] = options.contentType ?? 'application/json';
    }
    const stream = this.connection().request(headers, { endStream: payload === undefined });
    this.openStreams.add(stream);
    stream.on('close', () => this.openStreams.delete(stream));
    if (payload !== undefined) stream.end(payload);
    return stream;
  }

  /** Sends one request and returns the parsed JSON body; a non-2xx answer throws ApiStatusError. */
  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let stream: ClientHttp2Stream;
      try {
        stream = this.open(method, path, options);
      } catch (error) {
        reject(error as Error);
        return;
      }
      let code = 0;
      const chunks: Buffer[] = [];
      const timeoutMs = options.timeoutMs ?? 60_000;
      stream.setTimeout(timeoutMs, () => {
        reject(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`));
        stream.close(constants.NGHTTP2_CANCEL);
      });
      stream.on('response', (headers: IncomingHttpHeaders) => (code = Number(headers[HTTP2_HEADER_STATUS])));
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('close', () => {
        if (code === 0) {
          reject(new Error(`${method} ${path}: the connection closed before an answer`));
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = undefined;
        }
        if (code >= 200 && code < 300) resolve(body as T);
        else reject(new ApiStatusError(code, statusOf(code, body, text)));
      });
    });
  }

  /** Opens a watch (the path's query must include watch=1 or use a /watch/ path). */
  watch<T>(path: string, options: RequestOptions = {}): WatchStream<T> {
    const stream = this.open('GET', path, options);
    let code = 0;
    let failure: Error | undefined;
    const queue: Array<WatchEvent<T>> = [];
    let ended = false;
    let wake: (() => void) | undefined;
    let buffered = '';
    let errorText = '';
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const parseLines = () => {
      let start = 0;
      let newline: number;
      while ((newline = buffered.indexOf('\n', start)) >= 0) {
        const line = buffered.slice(start, newline);
        start = newline + 1;
        if (line.trim()) queue.push(JSON.parse(line) as WatchEvent<T>);
      }
      buffered = buffered.slice(start);
      notify();
    };
    stream.setEncoding('utf8');
    stream.on('response', (headers: IncomingHttpHeaders) => {
      code = Number(headers[HTTP2_HEADER_STATUS]);
      // Data can come in before the response event (both in one read): it is held until now.
      if (code !== 200) {
        errorText = buffered;
        buffered = '';
      } else if (buffered) parseLines();
    });
    stream.on('data', (chunk: string) => {
      if (code !== 200 && code !== 0) {
        errorText += chunk;
        return;
      }
      buffered += chunk;
      if (code === 200) parseLines();
    });
    stream.on('error', (error: Error) => (failure = error));
    stream.on('close', () => {
      if (code !== 200 && code !== 0) {
        let body: unknown;
        try {
          body = JSON.parse(errorText);
        } catch {
          body = undefined;
        }
        failure = new ApiStatusError(code, statusOf(code, body, errorText));
      }
      ended = true;
      notify();
    });
    let cancelled = false;
    const close = () => {
      cancelled = true;
      if (!stream.closed) stream.close(constants.NGHTTP2_CANCEL);
    };
    return {
      close,
      async *[Symbol.asyncIterator]() {
        try {
          for (;;) {
            const event = queue.shift();
            if (event) {
              yield event;
              continue;
            }
            if (ended) {
              if (failure && !cancelled) throw failure;
              return;
            }
            await new Promise<void>((resolve) => (wake = resolve));
          }
        } finally {
          close();
        }
      },
    };
  }

  /** Closes every stream and the connection. */
  close(): void {
    this.closed = true;
    for (const stream of this.openStreams) stream.close(constants.NGHTTP2_CANCEL);
    this.session?.close();
    this.session = undefined;
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

function statusOf(code: number, body: unknown, text: string): Status {
  if (body && typeof body === 'object' && (body as Status).kind === 'Status') return body as Status;
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message: text.trim() || `the server answered ${code}` };
}
