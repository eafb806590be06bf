// The server's own control loops reach the API over an in-memory HTTP/2 connection
// (DESIGN.md: "an in-memory transport may skip the socket, but never the authn/authz/
// admission/validation pipeline"). As upstream's loopback client, they present a random
// per-process bearer token that names an admin identity; it is accepted only on the
// in-memory path, never over the network.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Duplex } from 'node:stream';
import type { Request } from '../http.ts';
import type { UserInfo } from './authenticate.ts';

/** Upstream's loopback identity: system:apiserver in system:masters. */
export const loopbackUser: UserInfo = { name: 'system:apiserver', uid: randomUUID(), groups: ['system:masters', 'system:authenticated'] };

export interface LoopbackAuthenticator {
  readonly token: string;
  /** The loopback user for the loopback token, else undefined (a bad or missing credential). */
  authenticate(req: Request): UserInfo | undefined;
}

export function createLoopbackAuthenticator(): LoopbackAuthenticator {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  return {
    token,
    authenticate(req) {
      const header = Buffer.from(String(req.headers.authorization ?? ''));
      return header.length === expected.length && timingSafeEqual(header, expected) ? loopbackUser : undefined;
    },
  };
}

/**
 * Two connected in-memory streams. A write completes at once and reaches the other side
 * on the next tick, together with every other write of this tick (one chunk for the
 * peer's HTTP/2 session to parse, not one per frame). Unlike stream.duplexPair(), whose
 * write waits for the peer to read, it cannot deadlock two HTTP/2 sessions writing to
 * each other; HTTP/2 flow control bounds what is in flight.
 */
export function memoryPipe(): [Duplex, Duplex] {
  const a = new PipeEnd();
  const b = new PipeEnd();
  a.peer = b;
  b.peer = a;
  return [a, b];
}

class PipeEnd extends Duplex {
  peer!: PipeEnd;
  private pending: Buffer[] = [];
  private ended = false;

  override _read(): void {}

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.send(chunk);
    callback();
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void): void {
    for (const { chunk } of chunks) this.send(chunk);
    callback();
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.ended = true;
    if (this.pending.length === 0) process.nextTick(() => this.deliver());
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    process.nextTick(() => this.peer.destroy());
    callback(error);
  }

  private send(chunk: Buffer): void {
    if (this.pending.push(chunk) === 1) process.nextTick(() => this.deliver());
  }

  private deliver(): void {
    const chunks = this.pending;
    this.pending = [];
    if (chunks.length > 0 && !this.peer.destroyed) this.peer.push(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    if (this.ended && !this.peer.destroyed) this.peer.push(null);
  }
}
