// Where and how to reach the API server: read from a kubeconfig as kubectl does
// (current context, inline *-data or file paths relative to the kubeconfig).
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import type { InProcessTransport } from './transport.ts';

export interface ClientConfig {
  /** https://host:port */
  readonly server: string;
  readonly caPem?: string;
  readonly certPem?: string;
  readonly keyPem?: string;
  readonly token?: string;
  /** Sent as User-Agent; names the component in audit and events. */
  readonly userAgent?: string;
  /** Skip server certificate checks (kubeconfig insecure-skip-tls-verify). */
  readonly insecure?: boolean;
  /**
   * In the API server's own process: hands each request straight to its request pipeline
   * (ApiServer.loopback()) instead of HTTP/2 over TLS and a socket; `server` is then only a name.
   */
  readonly transport?: InProcessTransport;
}

interface NamedEntry<T> {
  name: string;
  [key: string]: unknown;
  value?: T;
}

interface KubeconfigFile {
  'current-context'?: string;
  clusters?: Array<NamedEntry<never> & { cluster?: Record<string, unknown> }>;
  users?: Array<NamedEntry<never> & { user?: Record<string, unknown> }>;
  contexts?: Array<NamedEntry<never> & { context?: { cluster?: string; user?: string } }>;
}

/** The kubeconfig kubectl would use: $KUBECONFIG's first file, else ~/.kube/config. */
export function defaultKubeconfigPath(): string {
  const fromEnv = process.env.KUBECONFIG?.split(delimiter).find((p) => p.length > 0);
  return fromEnv ?? join(homedir(), '.kube', 'config');
}

/** Reads a kubeconfig file and resolves its current (or the named) context to a ClientConfig. */
export async function loadKubeconfig(path: string = defaultKubeconfigPath(), contextName?: string): Promise<ClientConfig> {
  const text = await readFile(path, 'utf8');
  const file = (parse(text) ?? {}) as KubeconfigFile;
  const wanted = contextName ?? file['current-context'];
  if (!wanted) throw new Error(`${path}: no current-context`);
  const context = file.contexts?.find((c) => c.name === wanted)?.context;
  if (!context) throw new Error(`${path}: context "${wanted}" not found`);
  const cluster = file.clusters?.find((c) => c.name === context.cluster)?.cluster;
  if (!cluster || typeof cluster.server !== 'string') throw new Error(`${path}: cluster "${context.cluster}" not found or has no server`);
  const user = file.users?.find((u) => u.name === context.user)?.user ?? {};
  const base = dirname(path);
  const caPem = await dataOrFile(cluster, 'certificate-authority', base);
  const certPem = await dataOrFile(user, 'client-certificate', base);
  const keyPem = await dataOrFile(user, 'client-key', base);
  const token = typeof user.token === 'string' ? user.token : typeof user.tokenFile === 'string' ? (await readFile(resolvePath(base, user.tokenFile), 'utf8')).trim() : undefined;
  return {
    server: cluster.server,
    ...(caPem ? { caPem } : {}),
    ...(certPem ? { certPem } : {}),
    ...(keyPem ? { keyPem } : {}),
    ...(token ? { token } : {}),
    ...(cluster['insecure-skip-tls-verify'] === true ? { insecure: true } : {}),
  };
}

const resolvePath = (base: string, path: string) => (isAbsolute(path) ? path : join(base, path));

async function dataOrFile(section: Record<string, unknown>, field: string, base: string): Promise<string | undefined> {
  const data = section[`${field}-data`];
  if (typeof data === 'string') return Buffer.from(data, 'base64').toString('utf8');
  const file = section[field];
  if (typeof file === 'string') return readFile(resolvePath(base, file), 'utf8');
  return undefined;
}
