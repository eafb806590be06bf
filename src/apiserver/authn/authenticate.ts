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

export function createAuthenticator(tokens: TokenFile | undefined): Authenticator {
  return {
    authenticate(req) {
      const header = req.headers.authorization;
      if (header !== undefined) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(String(header));
        const user = match && tokens?.lookup(match[1]!);
        if (!user) return undefined;
        return { name: user.name, uid: user.uid, groups: withAuthenticated(user.groups) };
      }
      const identity = identityFromTLSSocket(req.socket as TLSSocket);
      if (identity) return { name: identity.name, groups: withAuthenticated(identity.groups) };
      return anonymousUser;
    },
  };
}

const withAuthenticated = (groups: readonly string[]) => (groups.includes('system:authenticated') ? [...groups] : [...groups, 'system:authenticated']);
