// The REST client: every component's only way to the cluster (DESIGN.md, "Processes").
// Requests and watches go over a transport (transport.ts): one HTTP/2 connection per
// server, or in the API server's own process straight to its request pipeline.
import type { Status } from 'kubernetes-types/meta/v1.d.ts';
import type { ClientConfig } from './config.ts';
import { ApiStatusError } from './errors.ts';
import { JsonLineDecoder } from './json-lines.ts';
import { transportFor, type Exchange, type ResponseListener, type Transport, type TransportRequest } from './transport.ts';

export interface RequestOptions {
  readonly body?: unknown;
  readonly contentType?: string;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Abandon the request after this long without a word from the server (default 60 s; 0: never). */
  readonly timeoutMs?: number;
  /**
   * Resolve to undefined instead of parsing a successful answer's body, for a write whose
   * result the caller does not use (a pod's whole object after a status patch); a failure
   * still carries the server's Status.
   */
  readonly discardResult?: boolean;
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
  let params: URLSearchParams | undefined;
  for (const key in query) {
    const value = query[key];
    if (value !== undefined) (params ??= new URLSearchParams()).set(key, String(value));
  }
  const text = params?.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export class RestClient implements Disposable {
  readonly config: ClientConfig;
  private readonly transport: Transport;
  private readonly exchanges = new Set<Exchange>();
  private closed = false;
  /** Request headers, made once: without a body, and by content type with one (transports only read them). */
  private readonly headers: Readonly<Record<string, string>>;
  private readonly headersWithBody = new Map<string, Readonly<Record<string, string>>>();

  constructor(config: ClientConfig) {
    this.config = config;
    this.transport = transportFor(config);
    this.headers = { accept: 'application/json', 'user-agent': config.userAgent ?? 'kubets', ...(config.token ? { authorization: `Bearer ${config.token}` } : {}) };
  }

  private headersFor(contentType: string): Readonly<Record<string, string>> {
    let headers = this.headersWithBody.get(contentType);
    if (!headers) this.headersWithBody.set(contentType, (headers = { ...this.headers, 'content-type': contentType }));
    return headers;
  }

  /** Opens an exchange, tracked until its listener's close takes it out of `exchanges`. */
  private send(method: string, path: string, options: RequestOptions, listener: ResponseListener): Exchange {
    if (this.closed) throw new Error('the client is closed');
    const url = withQuery(path, options.query);
    let request: TransportRequest;
    if (options.body === undefined) request = { method, path: url, headers: this.headers };
    else {
      const body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      request = { method, path: url, headers: this.headersFor(options.contentType ?? 'application/json'), body };
    }
    const exchange = this.transport.send(request, listener);
    this.exchanges.add(exchange);
    return exchange;
  }

  /** Sends one request and returns the parsed JSON body; a non-2xx answer throws ApiStatusError. */
  request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const listener = new RequestListener(this.exchanges, method, path, options, resolve as (body: unknown) => void, reject);
      try {
        listener.exchange = this.send(method, path, options, listener);
      } catch (error) {
        listener.fail(error as Error);
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
    const lines = new JsonLineDecoder();
    const errorChunks: Buffer[] = [];
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    const push = (event: unknown) => queue.push(event as WatchEvent<T>);
    const exchange = this.send('GET', path, options, {
      response: (status) => (code = status),
      data: (chunk) => {
        if (code !== 200) {
          errorChunks.push(chunk);
          return;
        }
        lines.write(chunk, push);
        notify();
      },
      event: (type, object) => {
        queue.push({ type, object } as WatchEvent<T>);
        notify();
      },
      close: (error) => {
        this.exchanges.delete(exchange);
        if (error) failure = error;
        if (code !== 200 && code !== 0) {
          const text = Buffer.concat(errorChunks).toString('utf8');
          failure = new ApiStatusError(code, statusOf(code, parseOrUndefined(text), text));
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

/**
 * One request's answer, collected: a class rather than closures, as every request makes
 * one. The body is parsed at the end, unless the caller discards a successful one.
 */
class RequestListener implements ResponseListener {
  exchange: Exchange | undefined;
  private code = 0;
  private readonly chunks: Buffer[] = [];
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly exchanges: Set<Exchange>;
  private readonly method: string;
  private readonly path: string;
  private readonly discard: boolean;
  private readonly resolve: (body: unknown) => void;
  private readonly reject: (error: Error) => void;

  constructor(exchanges: Set<Exchange>, method: string, path: string, options: RequestOptions, resolve: (body: unknown) => void, reject: (error: Error) => void) {
    this.exchanges = exchanges;
    this.method = method;
    this.path = path;
    this.discard = options.discardResult === true;
    this.resolve = resolve;
    this.reject = reject;
    const timeoutMs = options.timeoutMs ?? 60_000;
    // Reset by each word from the server; unref'd as an HTTP/2 stream's timeout is.
    if (timeoutMs > 0)
      this.timer = setTimeout(() => {
        reject(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`));
        this.exchange?.cancel();
      }, timeoutMs).unref();
  }

  response(status: number): void {
    this.code = status;
    this.timer?.refresh();
  }

  data(chunk: Buffer): void {
    if (!(this.discard && this.code >= 200 && this.code < 300)) this.chunks.push(chunk);
    this.timer?.refresh();
  }

  close(error?: Error): void {
    if (this.exchange) this.exchanges.delete(this.exchange);
    if (error) return this.fail(error);
    clearTimeout(this.timer);
    const code = this.code;
    if (code === 0) return this.reject(new Error(`${this.method} ${this.path}: the connection closed before an answer`));
    if (this.discard && code >= 200 && code < 300) return this.resolve(undefined);
    const text = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    const body = text ? parseOrUndefined(text) : undefined;
    if (code >= 200 && code < 300) this.resolve(body);
    else this.reject(new ApiStatusError(code, statusOf(code, body, text)));
  }

  fail(error: Error): void {
    clearTimeout(this.timer);
    this.reject(error);
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function statusOf(code: number, body: unknown, text: string): Status {
  if (body && typeof body === 'object' && (body as Status).kind === 'Status') return body as Status;
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message: text.trim() || `the server answered ${code}` };
}
