import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { adminKubeconfigPath, mergeKubeconfig, setKubeconfigServer } from '../apiserver/certs/kubeconfig.ts';
import { certificateFiles, certificatesDir } from '../apiserver/certs/pki.ts';

export interface KubeconfigCommandOptions {
  readonly dataDir: string;
  /** Write into ~/.kube/config (or $KUBECONFIG's first file) instead of printing. */
  readonly merge: boolean;
  /** Point the kubeconfig at this URL instead of the one the server wrote (e.g. https://HOST:6443). */
  readonly server?: string;
}

/** Where the command writes; tests capture it. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * `kubets kubeconfig [--merge] [--server URL]`: prints the admin kubeconfig the server wrote to
 * DATA/kubeconfig.yaml, or merges it into the user's kubeconfig as context `kubets` and makes
 * that the current context. Returns the exit code.
 */
export async function runKubeconfig(options: KubeconfigCommandOptions, output: CommandOutput = processOutput): Promise<number> {
  const path = adminKubeconfigPath(options.dataDir);
  let kubeconfig: string;
  try {
    kubeconfig = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      output.err(`kubets: ${options.dataDir} has no kubeconfig yet (${path}): run kubets server or kubets up first\n`);
    } else {
      output.err(`kubets: cannot read ${path}: ${(error as Error).message}\n`);
    }
    return 1;
  }
  try {
    if (options.server !== undefined) {
      kubeconfig = setKubeconfigServer(kubeconfig, options.server);
      const warning = await uncoveredHostWarning(options.dataDir, options.server);
      if (warning) output.err(`kubets: warning: ${warning}\n`);
    }
    if (!options.merge) {
      output.out(kubeconfig);
      return 0;
    }
    const result = await mergeKubeconfig(kubeconfig);
    const how = result.created ? 'Created' : result.replaced.length > 0 ? 'Updated' : 'Added';
    const previous = result.previousContext !== undefined && result.previousContext !== result.context ? ` (was "${result.previousContext}")` : '';
    output.out(`${how} context "${result.context}" (cluster and user "${result.context}") in ${result.path}; current-context is now "${result.context}"${previous}\n`);
    return 0;
  } catch (error) {
    output.err(`kubets: ${(error as Error).message}\n`);
    return 1;
  }
}

/** A warning when the serving certificate in the data directory does not name the server's host. */
async function uncoveredHostWarning(dataDir: string, server: string): Promise<string | undefined> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(await readFile(certificateFiles(certificatesDir(dataDir), 'serving').certFile));
  } catch {
    return undefined;
  }
  const host = new URL(server).hostname.replace(/^\[(.*)\]$/, '$1');
  const covered = isIP(host) !== 0 ? cert.checkIP(host) : cert.checkHost(host, { subject: 'never' });
  if (covered !== undefined) return undefined;
  return `the API server's certificate does not cover ${host}, so kubectl will reject it; start the server with that name or address added to its certificate`;
}
