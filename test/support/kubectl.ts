// Runs the real kubectl binaries installed on the machine: the dispatcher on PATH, or a
// given minor version directly (kubectl.1.27 ... kubectl.1.33 beside its real path).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const dispatcher = execFileSync('sh', ['-c', 'readlink -f "$(command -v kubectl)"'], { encoding: 'utf8' }).trim();
const binDir = dirname(dispatcher);

/** 'dispatcher' runs `kubectl` from PATH; '1.31' runs kubectl.1.31. */
export type KubectlVersion = 'dispatcher' | `1.${number}`;

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface KubectlOptions {
  readonly version?: KubectlVersion;
  readonly input?: string;
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
}

/** A kubectl bound to one kubeconfig, with its own HOME so caches never leak between tests. */
export class Kubectl {
  readonly kubeconfig: string;
  readonly home: string;
  readonly defaultVersion: KubectlVersion;

  constructor(kubeconfig: string, defaultVersion: KubectlVersion = '1.33') {
    this.kubeconfig = kubeconfig;
    this.defaultVersion = defaultVersion;
    this.home = mkdtempSync(join(tmpdir(), 'kubets-kubectl-home-'));
  }

  run(args: readonly string[], options: KubectlOptions = {}): Promise<KubectlResult> {
    const version = options.version ?? this.defaultVersion;
    const binary = version === 'dispatcher' ? 'kubectl' : join(binDir, `kubectl.${version}`);
    return new Promise((resolve) => {
      const child = execFile(
        binary,
        ['--kubeconfig', this.kubeconfig, ...args],
        { env: { PATH: process.env.PATH ?? '', HOME: this.home, ...options.env }, timeout: options.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
      if (options.input !== undefined) child.stdin!.end(options.input);
      else child.stdin!.end();
    });
  }

  /** Runs kubectl and fails with its stderr unless it exits 0; returns stdout. */
  async ok(args: readonly string[], options: KubectlOptions = {}): Promise<string> {
    const result = await this.run(args, options);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
    return result.stdout;
  }
}
