// Request and response plumbing shared by every handler; works the same over HTTP/1.1
// and HTTP/2 (Node's compatibility API).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { ApiError, errors, toApiError, type Status } from './status.ts';

export type Request = IncomingMessage | Http2ServerRequest;

/** What handlers use of a response; both HTTP/1.1 and HTTP/2 compat responses have it. */
export interface Response {
  statusCode: number;
  readonly headersSent: boolean;
  writeHead(code: number, headers?: Record<string, string | string[]>): unknown;
  setHeader(name: string, value: string | string[]): unknown;
  getHeader(name: string): unknown;
  write(chunk: string | Buffer): boolean;
  end(chunk?: string | Buffer): unknown;
  flushHeaders?(): void;
  /**
   * A watch event of a read-only object, for a client in this process (the loopback):
   * handed over as it is, not encoded. Networked responses have no such method.
   */
  writeEvent?(type: string, object: object): void;
  /** Batches the writes in between into one (writev). */
  cork?(): void;
  uncork?(): void;
}

/** Narrows Node's two response types to the shape handlers use. */
export const asResponse = (res: ServerResponse | Http2ServerResponse): Response => res as unknown as Response;

/** kube-apiserver's request body limit. */
export const maxBodyBytes = 3 * 1024 * 1024;

export const tableContentType = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/**
 * The request body, refused with 413 past `limit`. Read with plain stream events (an
 * async iterator costs more than the small bodies most writes carry).
 */
export function readBody(req: Request, limit = maxBodyBytes): Promise<Buffer> {
  const tooLarge = () => errors.requestEntityTooLarge(`Request entity too large: limit is ${limit}`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.reject(tooLarge());
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.destroy();
      reject(tooLarge());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    // Closed before its end: the client went away mid-body.
    const onClose = () => {
      stop();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Adds upstream-style `Warning: 299 - "..."` headers. */
export function addWarnings(res: Response, warnings: readonly string[]): void {
  if (warnings.length === 0 || res.headersSent) return;
  const existing = res.getHeader('warning');
  const values = [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), ...warnings.map((w) => `299 - ${JSON.stringify(w)}`)];
  res.setHeader('warning', values);
}

/** Sends JSON: a value, or its text or bytes already encoded. */
export function sendJson(res: Response, code: number, body: unknown, contentType = 'application/json'): void {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(code, { 'content-type': contentType, 'cache-control': 'no-cache, private' });
  res.end(text);
}

/** Sends JSON given as pieces of bytes, written in one batch. */
export function sendJsonPieces(res: Response, code: number, pieces: readonly Buffer[]): void {
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-cache, private' });
  res.cork?.();
  for (const piece of pieces) res.write(piece);
  res.uncork?.();
  res.end();
}

export function sendText(res: Response, code: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(code, { 'content-type': contentType, 'cache-control': 'no-cache, private', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

export function sendStatus(res: Response, status: Status): void {
  sendJson(res, status.code, status);
}

/** Answers any thrown error as a metav1.Status (errors are always JSON, as upstream). */
export function sendError(res: Response, error: unknown): void {
  const apiError = error instanceof ApiError ? error : toApiError(error);
  if (apiError.code >= 500 && !(error instanceof ApiError)) console.error('kubets apiserver:', error);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendStatus(res, apiError.toStatus());
}

export function successStatus(details?: Status['details']): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) status.details = details;
  return status;
}

/** The media type of a request body, without parameters. */
export function mediaType(req: Request): string {
  return String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether the client asks for a meta.k8s.io Table (kubectl get). */
export function wantsTable(req: Request): boolean {
  const accept = String(req.headers.accept ?? '');
  return /as=Table/.test(accept) && /g=meta\.k8s\.io/.test(accept);
}
