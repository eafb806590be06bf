// Who is asking: a verified client certificate (CN user, O groups) or a bearer token
// from the token file, as kube-apiserver's authenticators; otherwise anonymous.
import type { TLSSocket } from 'node:tls';
import { identityFromTLSSocket } from '../certs/pki.ts';
import type { Request } from '../http.ts';
import type { TokenFile } from './token-file.ts';

export interface UserInfo {
  readonly name: string;
  readonly uid?: string;
  readonly groups: readonly string[];
}

export const anonymousUser: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };

/** Paths anyone may read, as upstream's system:public-info-viewer role allows. */
const publicPaths = ['/healthz', '/livez', '/readyz', '/version'];

export function isPublicPath(path: string): boolean {
  return publicPaths.some((p) => path === p || path.startsWith(`${p}/`));
}

export interface Authenticator {
  /** The user, `anonymousUser` when no credential was sent, or undefined for a bad credential. */
  authenticate(req: Request): UserInfo | undefined;
}

/** The TLS connection under a request (HTTP/2 requests share their session's). */
function tlsSocketOf(req: Request): TLSSocket {
  const session = 'stream' in req ? req.stream.session : undefined;
  return (session?.socket ?? req.socket) as TLSSocket;
}

export function createAuthenticator(tokens: TokenFile | undefined): Authenticator {
  // A connection's certificate never changes, and reading it is costly: once per connection.
  const certificateUsers = new WeakMap<TLSSocket, UserInfo | null>();
  const certificateUser = (socket: TLSSocket): UserInfo | null => {
    let user = certificateUsers.get(socket);
    if (user === undefined) {
      const identity = identityFromTLSSocket(socket);
      user = identity ? { name: identity.name, groups: withAuthenticated(identity.groups) } : null;
      certificateUsers.set(socket, user);
    }
    return user;
  };
  return {
    authenticate(req) {
      const header = req.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(String(header));
        const user = match && tokens?.lookup(match[1]!);
        if (!user) return undefined;
        return { name: user.name, uid: user.uid, groups: withAuthenticated(user.groups) };
      }
      return certificateUser(tlsSocketOf(req)) ?? anonymousUser;
    },
  };
}

const withAuthenticated = (groups: readonly string[]) => (groups.includes('system:authenticated') ? [...groups] : [...groups, 'system:authenticated']);
