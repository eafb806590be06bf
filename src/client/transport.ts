// How the REST client reaches a server: over the network, one HTTP/2 connection per
// server; in the API server's own process, by handing each request to the server
// directly (an InProcessTransport, ApiServer.loopback()). Both carry the same exchanges.
import { connect, constants, type ClientHttp2Session } from 'node:http2';
import type { ClientConfig } from './config.ts';

/** One request: the path includes its query; header names are lower case. */
export interface TransportRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * What a transport reports of one exchange, in this order: response, data (any number
 * of times), close (exactly once, last). Never called from within the send that opens
 * the exchange, nor from within the server's own writes.
 */
export interface ResponseListener {
  response(status: number, headers: Readonly<Record<string, string | string[] | undefined>>): void;
  /** A piece of the body; the listener owns it. */
  data(chunk: Buffer): void;
  /**
   * A watch event from a server in this process, with the server's cached object itself
   * (read-only; never to be changed). Listeners without it get the event as a JSON line.
   */
  event?(type: string, object: unknown): void;
  /**
   * The exchange is over: the body ended, it was cancelled, or the connection failed
   * (error). Without a response before it, the server never answered.
   */
  close(error?: Error): void;
}

export interface Exchange {
  /** Abandons the exchange as an HTTP/2 stream reset does: the server sees the client go away; close() follows. */
  cancel(): void;
}

/**
 * In the API server's own process: hands a request to the server, which runs its whole
 * pipeline (authentication included) and reports the answer to the listener.
 */
export type InProcessTransport = (request: TransportRequest, listener: ResponseListener) => Exchange;

export interface Transport {
  send(request: TransportRequest, listener: ResponseListener): Exchange;
  /** Closes the connection, if any (open exchanges are cancelled by the caller). */
  close(): void;
}

/** The transport for a configuration: in-process if it has one, else HTTP/2 to `server`. */
export function transportFor(config: ClientConfig): Transport {
  const inProcess = config.transport;
  return inProcess ? { send: inProcess, close: () => {} } : new Http2Transport(config);
}

const streamWindowBytes = 4 << 20;
const connectionWindowBytes = 1 << 30;

const { HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS, NGHTTP2_CANCEL } = constants;

/** One HTTP/2 connection carries every exchange; it is reopened on the next request after the server closes it. */
class Http2Transport implements Transport {
  private readonly config: ClientConfig;
  private session: ClientHttp2Session | undefined;

  constructor(config: ClientConfig) {
    this.config = config;
  }

  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const { caPem, certPem, keyPem, insecure } = this.config;
    // Large flow-control windows, as client-go's (4 MiB a stream, 1 GiB the connection):
    // many watches share this one connection, and 64 KiB windows would pace them all.
    const session = connect(this.config.server, {
      settings: { initialWindowSize: streamWindowBytes },
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

  send(request: TransportRequest, listener: ResponseListener): Exchange {
    const headers = { [HTTP2_HEADER_METHOD]: request.method, [HTTP2_HEADER_PATH]: request.path, ...request.headers };
    const stream = this.connection().request(headers, { endStream: request.body === undefined });
    let answered = false;
    // Data can come in before the response event (both in one read): it is held until then.
    let early: Buffer[] | undefined;
    let failure: Error | undefined;
    stream.on('response', (responseHeaders) => {
      answered = true;
      listener.response(Number(responseHeaders[HTTP2_HEADER_STATUS]), responseHeaders);
      if (early) for (const chunk of early) listener.data(chunk);
      early = undefined;
    });
    stream.on('data', (chunk: Buffer) => (answered ? listener.data(chunk) : (early ??= []).push(chunk)));
    stream.on('error', (error: Error) => (failure ??= error));
    stream.on('close', () => listener.close(failure));
    if (request.body !== undefined) stream.end(request.body);
    return {
      cancel: () => {
        if (!stream.closed) stream.close(NGHTTP2_CANCEL);
      },
    };
  }

  close(): void {
    this.session?.close();
    this.session = undefined;
  }
}
