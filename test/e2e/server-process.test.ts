// `kubets server` as users run it: a real process that writes its kubeconfig, serves
// kubectl, keeps its data across restarts, and stops cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Kubectl } from '../support/kubectl.ts';

const kubets = fileURLToPath(new URL('../../bin/kubets.js', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

async function startServer(dataDir: string, port: number): Promise<Running> {
  const child = spawn(process.execPath, [kubets, 'server', '--data-dir', dataDir, '--secure-port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!output.includes('API server ready')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`kubets server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, output: () => output, exited };
}

describe('kubets server process', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kubets-server-process-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, serves kubectl with the kubeconfig it wrote, stops on SIGTERM, and restarts with its data', async () => {
    const port = await freePort();
    const first = await startServer(dataDir, port);
    assert.match(first.output(), /certificates: ca \(created\), serving \(created\), admin \(created\)/);
    const kubeconfig = join(dataDir, 'kubeconfig.yaml');
    assert.match(readFileSync(kubeconfig, 'utf8'), new RegExp(`server: https://127\\.0\\.0\\.1:${port}`));
    const kubectl = new Kubectl(kubeconfig, 'dispatcher');
    assert.equal(await kubectl.ok(['create', 'namespace', 'kept']), 'namespace/kept created\n');

    // An open watch ends cleanly when the server stops.
    const watching = kubectl.run(['get', 'ns', '-w']);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, first.output());
    assert.match(first.output(), /SIGTERM: shutting down\n.*stopped/s);
    const watched = await watching;
    assert.match(watched.stdout, /^NAME\s+STATUS\s+AGE\n/);

    const second = await startServer(dataDir, port);
    try {
      assert.match(second.output(), /certificates reused/);
      const names = await kubectl.ok(['get', 'ns', '-o', 'name']);
      assert.match(names, /^namespace\/kept$/m);
      const printed = await new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [kubets, 'kubeconfig', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.on('exit', () => resolve(out));
      });
      assert.equal(printed, readFileSync(kubeconfig, 'utf8'));
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('says clearly when the port is taken', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const port = (blocker.address() as { port: number }).port;
    const child = spawn(process.execPath, [kubets, 'server', '--data-dir', dataDir, '--secure-port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    blocker.close();
    assert.equal(code, 1);
    assert.match(output, /kubets: cannot start the API server: .*EADDRINUSE/);
  });
});
