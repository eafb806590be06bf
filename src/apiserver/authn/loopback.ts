// The server's own control loops hand their requests to the API in memory
// (loopback-transport.ts; DESIGN.md: "an in-memory transport may skip the socket, but never
// the authn/authz/admission/validation pipeline"). As upstream's loopback client, they
// present a random per-process bearer token that names an admin identity; it is accepted
// only on the in-memory path, never over the network.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
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
