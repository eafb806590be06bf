// Imports flow one way (DESIGN.md, rule 11): apimachinery <- api <- storage <- apiserver;
// controllers, scheduler, agent and sim reach the cluster only through the client.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src', import.meta.url));

/** For each layer (a folder under src/), the layers it may import. Files directly in src/ are shared by all. */
const allowed: Record<string, string[]> = {
  apimachinery: [],
  api: ['apimachinery'],
  storage: ['apimachinery', 'api'],
  apiserver: ['apimachinery', 'api', 'storage'],
  client: ['apimachinery', 'api'],
  controllers: ['apimachinery', 'api', 'client'],
  scheduler: ['apimachinery', 'api', 'client'],
  agent: ['apimachinery', 'api', 'client'],
  sim: ['apimachinery', 'api', 'client'],
  cli: ['*'],
};

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith('.ts')) yield path;
  }
}

const layerOf = (file: string) => {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0]! : '';
};

export function layeringViolations(): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = layerOf(file);
    if (from === '' || from === 'cli') continue;
    const rules = allowed[from];
    if (!rules) {
      violations.push(`${relative(src, file)}: folder src/${from} has no layering rule; add it to test/layering.test.ts`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
      const target = resolve(dirname(file), match[1]!);
      if (!target.startsWith(src + sep)) continue;
      const to = layerOf(target);
      if (to === '' || to === from || rules.includes(to)) continue;
      violations.push(`${relative(src, file)} (${from}) imports ${relative(src, target)} (${to})`);
    }
  }
  return violations;
}

it('keeps imports flowing one way between layers', () => {
  assert.deepEqual(layeringViolations(), []);
});
