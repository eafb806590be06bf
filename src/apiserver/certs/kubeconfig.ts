// The admin kubeconfig: built from the cluster certificates, written to DATA/kubeconfig.yaml,
// and merged on request into the user's own kubeconfig (~/.kube/config or $KUBECONFIG's first file).
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Document, isMap, isSeq, parse, parseDocument, stringify } from 'yaml';
import { writeFileAtomic, type CertificateAndKey } from './pki.ts';

export const defaultServer = 'https://127.0.0.1:6443';
/** The cluster and context name, in DATA/kubeconfig.yaml and in a merged kubeconfig. */
export const kubeconfigName = 'kubets';
export const adminUserName = 'kubets-admin';

/** kubectl's own layout: sequences not indented under their key, no folded lines. */
const yamlOptions = { indentSeq: false, lineWidth: 0 } as const;

export interface KubeconfigParts {
  /** The API server URL, e.g. https://127.0.0.1:6443. */
  readonly server: string;
  readonly caCertPem: string;
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
  readonly clusterName?: string;
  readonly userName?: string;
  readonly contextName?: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A kubeconfig (YAML) with one cluster, one user with a client certificate, and one context, which is current. */
export function buildKubeconfig(parts: KubeconfigParts): string {
  const cluster = parts.clusterName ?? kubeconfigName;
  const user = parts.userName ?? adminUserName;
  const context = parts.contextName ?? kubeconfigName;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: cluster, cluster: { server: checkedServer(parts.server), 'certificate-authority-data': base64(parts.caCertPem) } }],
    users: [{ name: user, user: { 'client-certificate-data': base64(parts.clientCertPem), 'client-key-data': base64(parts.clientKeyPem) } }],
    contexts: [{ name: context, context: { cluster, user } }],
    'current-context': context,
    preferences: {},
  };
  return stringify(config, yamlOptions);
}

/** The admin kubeconfig for a cluster's certificates (CA and admin client certificate). */
export function buildAdminKubeconfig(certs: { readonly ca: Pick<CertificateAndKey, 'certPem'>; readonly admin: Pick<CertificateAndKey, 'certPem' | 'keyPem'> }, server: string = defaultServer): string {
  return buildKubeconfig({ server, caCertPem: certs.ca.certPem, clientCertPem: certs.admin.certPem, clientKeyPem: certs.admin.keyPem });
}

/** Where a data directory keeps its admin kubeconfig. */
export function adminKubeconfigPath(dataDir: string): string {
  return join(dataDir, 'kubeconfig.yaml');
}

/** Writes the admin kubeconfig to DATA/kubeconfig.yaml (mode 0600) and returns its path. */
export async function writeAdminKubeconfig(
  dataDir: string,
  certs: Parameters<typeof buildAdminKubeconfig>[0],
  server: string = defaultServer,
): Promise<string> {
  const path = adminKubeconfigPath(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, buildAdminKubeconfig(certs, server), 0o600);
  return path;
}

/** The kubeconfig file kubectl would change: $KUBECONFIG's first path, else ~/.kube/config. */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((path) => path !== '');
  return first ?? join(homedir(), '.kube', 'config');
}

/** Returns a kubeconfig with the current context's cluster pointing at `server`; everything else unchanged. */
export function setKubeconfigServer(kubeconfig: string, server: string): string {
  const doc = parseKubeconfig(kubeconfig, 'the kubeconfig');
  const { clusterName } = currentEntries(doc.toJS() as unknown, 'the kubeconfig');
  const clusters = doc.get('clusters');
  const entry = isSeq(clusters) ? clusters.items.find((item) => isMap(item) && item.get('name') === clusterName) : undefined;
  if (!isMap(entry)) throw new Error(`the kubeconfig has no cluster named ${JSON.stringify(clusterName)}`);
  entry.setIn(['cluster', 'server'], checkedServer(server));
  return doc.toString(yamlOptions);
}

export interface MergeOptions {
  /** The file to change; default `defaultKubeconfigPath()`. */
  readonly target?: string;
  /** The name of the cluster, user and context written there; default `kubets`. */
  readonly name?: string;
}

export interface MergeResult {
  readonly path: string;
  readonly context: string;
  /** True when the file did not exist before. */
  readonly created: boolean;
  /** Which of cluster, user and context already existed under that name and were replaced. */
  readonly replaced: readonly ('cluster' | 'user' | 'context')[];
  readonly previousContext: string | undefined;
}

/**
 * Copies the current context of `source` (a kubeconfig, e.g. DATA/kubeconfig.yaml) into the
 * target kubeconfig as a cluster, user and context all named `name` (added, or replacing the
 * entries of that name), and makes it the current context. Everything else in the target is
 * kept, comments included. Creates the file (mode 0600) if absent; refuses to touch a file it
 * cannot parse. The write is atomic and goes through symlinks to the real file.
 */
export async function mergeKubeconfig(source: string, options: MergeOptions = {}): Promise<MergeResult> {
  const name = options.name ?? kubeconfigName;
  const { cluster, user } = currentEntries(parse(source) as unknown, 'the kubeconfig to merge');
  let path = options.target ?? defaultKubeconfigPath();
  let text: string | undefined;
  let mode = 0o600;
  try {
    path = await realpath(path);
    text = await readFile(path, 'utf8');
    mode = (await stat(path)).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const doc = parseKubeconfig(text ?? '', path);
  if (doc.contents === null) doc.contents = doc.createNode({ apiVersion: 'v1', kind: 'Config', preferences: {} });
  if (!doc.has('apiVersion')) doc.set('apiVersion', 'v1');
  if (!doc.has('kind')) doc.set('kind', 'Config');
  const previous = doc.get('current-context');
  const replaced: MergeResult['replaced'][number][] = [];
  const entries = [
    ['clusters', 'cluster', cluster],
    ['users', 'user', user],
    ['contexts', 'context', { cluster: name, user: name }],
  ] as const;
  for (const [key, field, value] of entries) {
    let list = doc.get(key);
    if (list === null || list === undefined) {
      list = doc.createNode([]);
      doc.set(key, list);
    }
    if (!isSeq(list)) throw new Error(`${path}: "${key}" is not a list; fix or move the file, then retry`);
    const node = doc.createNode({ name, [field]: value });
    const index = list.items.findIndex((item) => isMap(item) && item.get('name') === name);
    if (index >= 0) {
      list.items[index] = node;
      replaced.push(field);
    } else {
      list.items.push(node);
    }
  }
  doc.set('current-context', name);
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, doc.toString(yamlOptions), mode);
  return { path, context: name, created: text === undefined, replaced, previousContext: typeof previous === 'string' && previous !== '' ? previous : undefined };
}

function parseKubeconfig(text: string, where: string): Document {
  const doc = parseDocument(text);
  const problem = doc.errors[0];
  if (problem) throw new Error(`${where} is not valid YAML: ${problem.message}`);
  if (doc.contents !== null && !isMap(doc.contents)) throw new Error(`${where} is not a kubeconfig (its top level is not a mapping)`);
  return doc;
}

interface CurrentEntries {
  readonly clusterName: string;
  readonly cluster: unknown;
  readonly user: unknown;
}

/** The cluster and user of a kubeconfig's current context. */
function currentEntries(config: unknown, what: string): CurrentEntries {
  const root = (config ?? {}) as Record<string, unknown>;
  const named = (key: string, wanted: unknown) => (Array.isArray(root[key]) ? (root[key] as Record<string, unknown>[]) : []).find((entry) => entry?.name === wanted);
  const contextName = root['current-context'];
  const context = named('contexts', contextName)?.context as Record<string, unknown> | undefined;
  if (typeof contextName !== 'string' || !context) throw new Error(`${what} has no current context`);
  const cluster = named('clusters', context.cluster)?.cluster;
  const user = named('users', context.user)?.user;
  if (!cluster || typeof context.cluster !== 'string') throw new Error(`${what}: context ${contextName} names no known cluster`);
  if (!user) throw new Error(`${what}: context ${contextName} names no known user`);
  return { clusterName: context.cluster, cluster, user };
}

function checkedServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new Error(`invalid server URL ${JSON.stringify(server)}: expected e.g. ${defaultServer}`);
  }
  if (url.protocol !== 'https:') throw new Error(`invalid server URL ${JSON.stringify(server)}: the API server is served over https`);
  return server;
}
