import { readFileSync } from 'node:fs';

/** The Kubernetes minor this build speaks; kubectl's dispatcher picks kubectl 1.<minor> from it. */
export const kubernetesVersion = { major: '1', minor: '33', patch: '0' } as const;

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The kubets release, from package.json. */
export const kubetsVersion: string = packageJson.version;

/** The gitVersion reported by `/version` and `kubets version`, e.g. v1.33.0-kubets.0.1.0. */
export const gitVersion = `v${kubernetesVersion.major}.${kubernetesVersion.minor}.${kubernetesVersion.patch}-kubets.${kubetsVersion}`;
