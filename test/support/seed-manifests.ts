// The YAML manifests in the seed tutorials (../shared/seeds/*.txt), for tests that
// replay them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Obj = Record<string, unknown>;

/** The YAML manifests in a tutorial's text: blocks of YAML lines starting at apiVersion or kind. */
export function manifestsIn(text: string): { line: number; object: Obj }[] {
  const lines = text.split('\n');
  const yamlLine = (l: string) => /^(\s+\S|[A-Za-z][\w.-]*:(\s|$)|- )/.test(l);
  const out: { line: number; object: Obj }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^(apiVersion|kind):\s*\S/.test(lines[i]!)) continue;
    let end = i;
    while (end < lines.length && yamlLine(lines[end]!)) end++;
    // Tutorials elide parts with "..." or "<same as above>": drop those lines.
    const source = lines
      .slice(i, end)
      .filter((l) => !/^\s*(\.\.\.|<.*>)\s*$/.test(l))
      .join('\n');
    try {
      const object: unknown = parse(source);
      if (typeof object === 'object' && object !== null && !Array.isArray(object)) out.push({ line: i + 1, object: object as Obj });
    } catch {
      // not a manifest after all
    }
    i = end - 1;
  }
  return out;
}


export const seedsDir = new URL('../../../shared/seeds/', import.meta.url);

/**
 * Every manifest in every seed, named by file and line; empty when shared/ is absent.
 * A template the tutorial elides ("<template is the same as above>") is the previous
 * one of the same kind, as the reader is told.
 */
export function seedManifests(): Array<{ name: string; object: Obj }> {
  if (!existsSync(seedsDir)) return [];
  const lastTemplate = new Map<string, unknown>();
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => manifestsIn(readFileSync(new URL(f, seedsDir), 'utf8')).map(({ line, object }) => ({ name: `${f}:${line}`, object })))
    .map(({ name, object }) => {
      const spec = object.spec as Obj | undefined;
      const kind = String(object.kind);
      if (spec && 'template' in spec && (spec.template === null || typeof spec.template !== 'object')) {
        if (lastTemplate.has(kind)) spec.template = structuredClone(lastTemplate.get(kind));
      } else if (spec?.template) {
        lastTemplate.set(kind, spec.template);
      }
      return { name, object };
    });
}
