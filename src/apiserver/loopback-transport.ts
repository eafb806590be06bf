// The loopback transport: the server's own control loops hand their requests straight to
// its request pipeline, without HTTP/2 framing, a stream or a socket (DESIGN.md: "an
// in-memory transport may skip the socket, but never the authn/authz/admission/validation
// pipeline"). Each request becomes an in-memory request and response with the surface the
// handlers use (http.ts) and goes through the server's handle() as a network request does,
// authentication (the loopback token, authn/loopback.ts) included.
import { EventEmitter } from 'node:events';
import type { Request, Response } from './http.ts';

// The client's InProcessTransport (src/client/transport.ts), restated: the apiserver may
// not import the client, nor the client the apiserver; src/cli hands one to the other.

/** A request: the path includes its query; header names are lower case. */
export interface LoopbackRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Told the answer in this order, each time in a later microtask than the server wrote it: response, data or events..., close (once). */
export interface LoopbackListener {
  response(status: number, headers: Readonly<Record<string, string | string[]>>): void;
  data(chunk: Buffer): void;
  /** A watch event whose object is the server's cached one (read-only); without it, the event comes as a JSON line to data(). */
  event?(type: string, object: object): void;
  close(error?: Error): void;
}

/** A watch event handed over as an object. */
interface ObjectEvent {
  readonly type: string;
  readonly object: object;
}

export interface LoopbackExchange {
  /** The client goes away: the request emits 'close' (a watch ends) and what the server writes from then on is dropped. */
  cancel(): void;
}

export class LoopbackTransport {
  private readonly handle: (req: Request, res: Response) => void;
  /** Exchanges whose response the server has not ended yet. */
  private readonly open = new Set<InMemoryExchange>();
  private closed = false;

  /** `handle` runs the whole pipeline for one request, as for one from the network. */
  constructor(handle: (req: Request, res: Response) => void) {
    this.handle = handle;
  }

  /** Runs one request (a client's InProcessTransport). */
  readonly connect = (request: LoopbackRequest, listener: LoopbackListener): LoopbackExchange => {
    const exchange = new InMemoryExchange(request, listener, () => this.open.delete(exchange));
    if (this.closed) {
      exchange.refuse(new Error('the API server is closed'));
      return exchange;
    }
    this.open.add(exchange);
    // The request has only the surface handlers use (see InMemoryRequest), not an IncomingMessage's.
    this.handle(exchange.req as unknown as Request, exchange.res);
    return exchange;
  };

  /** Requests and watches the server is still answering. */
  get openExchanges(): number {
    return this.open.size;
  }

  /** Refuses every request from now on (those under way go on). */
  close(): void {
    this.closed = true;
  }
}

/**
 * One request and its answer. What the server writes reaches the client in a microtask,
 * together with everything else it wrote meanwhile: a handler never runs client code
 * inside its own write, and the client never runs server code inside its send or cancel.
 *
 * No backpressure: the chunks of a watch wait here until that microtask and then in the
 * client's event queue, however slowly it consumes them (the HTTP/2 loopback had only its
 * flow-control windows, and the client read its streams into the same unbounded queue;
 * informers buffer the same way).
 */
class InMemoryExchange implements LoopbackExchange {
  readonly req: InMemoryRequest;
  readonly res: InMemoryResponse;
  private readonly listener: LoopbackListener;
  private readonly serverDone: () => void;
  // Written by the server, not yet delivered to the client:
  private head: { status: number; headers: Record<string, string | string[]> } | undefined;
  private chunks: Array<Buffer | ObjectEvent> = [];
  /** The client is to be told the exchange is over (with this error, if any). */
  private ending: { error?: Error } | undefined;
  private scheduled = false;
  private cancelled = false;
  private closed = false;

  constructor(request: LoopbackRequest, listener: LoopbackListener, serverDone: () => void) {
    this.req = new InMemoryRequest(request);
    this.res = new InMemoryResponse(this);
    this.listener = listener;
    this.serverDone = serverDone;
  }

  respond(status: number, headers: Record<string, string | string[]>): void {
    if (this.cancelled) return;
    this.head = { status, headers };
    this.schedule();
  }

  /** A chunk the client owns (the response copied it), or a watch event. */
  push(chunk: Buffer | ObjectEvent): void {
    if (this.cancelled) return;
    this.chunks.push(chunk);
    this.schedule();
  }

  /** The server ended its response. */
  end(): void {
    this.serverDone();
    this.ending ??= {};
    this.schedule();
  }

  refuse(error: Error): void {
    this.cancelled = true;
    this.ending = { error };
    this.schedule();
  }

  cancel(): void {
    if (this.cancelled || this.closed) return;
    this.cancelled = true;
    this.head = undefined;
    this.chunks = [];
    this.ending ??= {};
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    queueMicrotask(() => this.deliver());
  }

  private deliver(): void {
    this.scheduled = false;
    if (this.closed) return;
    const { head, chunks, ending } = this;
    this.head = undefined;
    this.chunks = [];
    if (head) this.listener.response(head.status, head.headers);
    for (const chunk of chunks) {
      if (Buffer.isBuffer(chunk)) this.listener.data(chunk);
      else if (this.listener.event) this.listener.event(chunk.type, chunk.object);
      else this.listener.data(Buffer.from(`${JSON.stringify(chunk)}\n`));
    }
    if (!ending) return;
    this.closed = true;
    this.listener.close(ending.error);
    // As a stream's request does once it closes: on a cancel, before the server ended its answer.
    this.req.close();
  }
}

/**
 * What handlers use of a request (http.ts, authn, watch-handler.ts): method, url, headers,
 * and the body as a stream for readBody() (data, end, close; readableEnded; destroy()).
 * The body comes in one chunk, a microtask after the first 'data' listener; 'close'
 * comes when the exchange is over (for a watch, when the client cancels it). There is
 * no `stream` and no `socket`: server.ts tells HTTP/2 requests by `'stream' in req`.
 */
class InMemoryRequest extends EventEmitter {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readableEnded: boolean;
  destroyed = false;
  private body: Buffer | undefined;
  private closeEmitted = false;

  constructor(request: LoopbackRequest) {
    super();
    this.method = request.method;
    this.url = request.path;
    this.headers = { ...request.headers };
    this.readableEnded = request.body === undefined;
    if (request.body === undefined) return;
    this.body = Buffer.from(request.body);
    const onListener = (event: string | symbol) => {
      if (event !== 'data') return;
      this.off('newListener', onListener);
      queueMicrotask(() => this.flow());
    };
    this.on('newListener', onListener);
  }

  private flow(): void {
    const body = this.body!;
    this.body = undefined;
    if (this.destroyed) return;
    if (body.length > 0) this.emit('data', body);
    if (this.destroyed) return;
    this.readableEnded = true;
    this.emit('end');
  }

  /** Stops the body (readBody past its limit); the answer still reaches the client. */
  destroy(): this {
    if (!this.destroyed) {
      this.destroyed = true;
      queueMicrotask(() => this.close());
    }
    return this;
  }

  close(): void {
    if (this.closeEmitted) return;
    this.closeEmitted = true;
    this.destroyed = true;
    this.emit('close');
  }
}

const headersSent = () => Object.assign(new Error('Cannot set headers after they are sent to the client'), { code: 'ERR_HTTP_HEADERS_SENT' });

/**
 * The Response of http.ts: writes go to the exchange as copies, so neither side can change
 * the other's bytes. No cork(): what one tick writes reaches the client together anyway.
 */
class InMemoryResponse implements Response {
  statusCode = 200;
  headersSent = false;
  private readonly exchange: InMemoryExchange;
  private readonly headers: Record<string, string | string[]> = {};
  private ended = false;

  constructor(exchange: InMemoryExchange) {
    this.exchange = exchange;
  }

  setHeader(name: string, value: string | string[]): this {
    if (this.headersSent) throw headersSent();
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    return this.headers[name.toLowerCase()];
  }

  writeHead(code: number, headers?: Record<string, string | string[]>): this {
    if (this.headersSent) throw headersSent();
    this.statusCode = code;
    if (headers) for (const [name, value] of Object.entries(headers)) this.headers[name.toLowerCase()] = value;
    this.headersSent = true;
    const sent: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(this.headers)) sent[name] = Array.isArray(value) ? [...value] : value;
    this.exchange.respond(code, sent);
    return this;
  }

  flushHeaders(): void {
    if (!this.headersSent) this.writeHead(this.statusCode);
  }

  write(chunk: string | Buffer): boolean {
    if (this.ended) return false;
    this.flushHeaders();
    if (chunk.length > 0) this.exchange.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    return true;
  }

  /**
   * Watch events go to the in-process client as the objects themselves: it neither
   * encodes nor parses them, and its informers hold the cache's objects instead of copies.
   * Both sides treat them as read-only (DESIGN.md rule 5).
   */
  writeEvent(type: string, object: object): void {
    if (this.ended) return;
    this.flushHeaders();
    this.exchange.push({ type, object });
  }

  end(chunk?: string | Buffer): this {
    if (this.ended) return this;
    if (chunk !== undefined) this.write(chunk);
    else this.flushHeaders();
    this.ended = true;
    this.exchange.end();
    return this;
  }
}
