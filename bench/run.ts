// `npm run bench -- <area>...`: runs the named benchmark scripts (all when none is named).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const areas = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('lib')).map((f) => f.slice(0, -3));
const wanted = process.argv.slice(2);
for (const area of wanted) {
  if (!areas.includes(area)) {
    console.error(`unknown benchmark "${area}"; available: ${areas.join(', ')}`);
    process.exit(2);
  }
}
for (const area of wanted.length > 0 ? wanted : areas) {
  const result = spawnSync(process.execPath, [`${dir}${area}.ts`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
