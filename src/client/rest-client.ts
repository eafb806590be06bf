// The REST client: every component's only way to the cluster (DESIGN.md, "Processes").
// Requests and watches go over a transport (transport.ts): one HTTP/2 connection per
// server, or in the API server's own process straight to its request pipeline.
import { StringDecoder } from 'node:string_decoder';
import type { Status } from 'kubernetes-types/meta/v1.d.ts';
import type { ClientConfig } from './config.ts';
import { ApiStatusError } from './errors.ts';
import { transportFor, type Exchange, type ResponseListener, type Transport } from './transport.ts';

export interface RequestOptions {
  readonly body?: unknown;
  readonly contentType?: string;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Abandon the request after this long without a word from the server (default 60 s; 0: never). */
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

export function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export class RestClient implements Disposable {
  readonly config: ClientConfig;
  private readonly transport: Transport;
  private readonly exchanges = new Set<Exchange>();
  private closed = false;

  constructor(config: ClientConfig) {
    this.config = config;
    this.transport = transportFor(config);
  }

  private send(method: string, path: string, options: RequestOptions, listener: ResponseListener): Exchange {
    if (this.closed) throw new Error('the client is closed');
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.config.userAgent ?? 'kubets' };
    if (this.config.token) headers.authorization = `Bearer ${this.config.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const request = { method, path: withQuery(path, options.query), headers, ...(body !== undefined ? { body } : {}) };
    const exchange = this.transport.send(request, {
      response: (status, responseHeaders) => listener.response(status, responseHeaders),
      data: (chunk) => listener.data(chunk),
      ...(listener.event ? { event: listener.event } : {}),
      close: (error) => {
        this.exchanges.delete(exchange);
        listener.close(error);
      },
    });
    this.exchanges.add(exchange);
    return exchange;
  }

  /** Sends one request and returns the parsed JSON body; a non-2xx answer throws ApiStatusError. */
  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let code = 0;
      const chunks: Buffer[] = [];
      const timeoutMs = options.timeoutMs ?? 60_000;
      let exchange: Exchange | undefined;
      // Reset by each word from the server; unref'd as an HTTP/2 stream's timeout is.
      const timer =
        timeoutMs > 0
          ? setTimeout(() => {
              reject(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`));
              exchange?.cancel();
            }, timeoutMs).unref()
          : undefined;
      try {
        exchange = this.send(method, path, options, {
          response: (status) => {
            code = status;
            timer?.refresh();
          },
          data: (chunk) => {
            chunks.push(chunk);
            timer?.refresh();
          },
          close: (error) => {
            clearTimeout(timer);
            if (error) return reject(error);
            if (code === 0) return reject(new Error(`${method} ${path}: the connection closed before an answer`));
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = undefined;
            }
            if (code >= 200 && code < 300) resolve(body as T);
            else reject(new ApiStatusError(code, statusOf(code, body, text)));
          },
        });
      } catch (error) {
        clearTimeout(timer);
        reject(error as Error);
      }
    });
  }

  /** Opens a watch (the path's query must include watch=1 or use a /watch/ path). */
  watch<T>(path: string, options: RequestOptions = {}): WatchStream<T> {
    let code = 0;
    let failure: Error | undefined;
    const queue: Array<WatchEvent<T>> = [];
    let ended = false;
    let wake: (() => void) | undefined;
    const decoder = new StringDecoder('utf8');
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
    const exchange = this.send('GET', path, options, {
      response: (status) => (code = status),
      data: (chunk) => {
        if (code !== 200) {
          errorText += decoder.write(chunk);
          return;
        }
        buffered += decoder.write(chunk);
        parseLines();
      },
      event: (type, object) => {
        queue.push({ type, object } as WatchEvent<T>);
        notify();
      },
      close: (error) => {
        if (error) failure = error;
        if (code !== 200 && code !== 0) {
          errorText += decoder.end();
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
      },
    });
    let cancelled = false;
    const close = () => {
      cancelled = true;
      exchange.cancel();
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

  /** Cancels every open request and watch, and closes the connection. */
  close(): void {
    this.closed = true;
    for (const exchange of this.exchanges) exchange.cancel();
    this.transport.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}

function statusOf(code: number, body: unknown, text: string): Status {
  if (body && typeof body === 'object' && (body as Status).kind === 'Status') return body as Status;
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message: text.trim() || `the server answered ${code}` };
}
