#!/usr/bin/env node
// Launcher: kubets needs Node 24+ (type stripping, node:sqlite). The project
// depends on the `node` package, so re-run under that binary when an older
// system Node started us.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24) {
  // Cache compiled (and type-stripped) modules between runs: halves start-up time.
  (await import('node:module')).enableCompileCache?.();
  await import('../src/cli/main.ts');
} else {
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(local)) {
    console.error(`kubets needs Node.js 24 or newer (this is ${process.version}); run "npm ci" in the kubets folder first.`);
    process.exit(1);
  }
  const child = spawn(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
