/**
 * Container image references as upstream's defaulting reads them
 * (pkg/util/parsers.ParseImageName over github.com/distribution/reference's
 * ParseNormalizedNamed): only the tag matters here, to pick the default
 * imagePullPolicy.
 */

const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const domainLabel = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainName = `${domainLabel}(?:\\.${domainLabel})*`;
const ipv6Host = '\\[[a-fA-F0-9:]+\\]';
const domain = `(?:${domainName}|${ipv6Host})(?::[0-9]+)?`;
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const referencePattern = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const bareIdentifier = /^[a-f0-9]{64}$/;

const maxNameLength = 255;
/** Hex lengths of the digest algorithms upstream's binaries register. */
const digestHexLength: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

const defaultDomain = 'docker.io';

/** Splits off the registry the way Docker's "familiar" names are normalized. */
function splitDomain(image: string): [string, string] {
  const slash = image.indexOf('/');
  if (slash < 0) return [defaultDomain, `library/${image}`];
  const first = image.slice(0, slash);
  const rest = image.slice(slash + 1);
  let host: string;
  let remote: string;
  if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
    [host, remote] = [first === 'index.docker.io' ? defaultDomain : first, rest];
  } else {
    [host, remote] = [defaultDomain, image];
  }
  if (host === defaultDomain && !remote.includes('/')) remote = `library/${remote}`;
  return [host, remote];
}

function validDigest(value: string): boolean {
  const colon = value.indexOf(':');
  const length = digestHexLength[value.slice(0, colon)];
  return length !== undefined && new RegExp(`^[a-f0-9]{${length}}$`).test(value.slice(colon + 1));
}

export interface ImageReference {
  /** The tag; `latest` when the reference has neither a tag nor a digest. */
  readonly tag: string;
  /** The digest (`sha256:...`), or ''. */
  readonly digest: string;
}

/** Parses an image reference; undefined when upstream's parser rejects it. */
export function parseImageReference(image: string): ImageReference | undefined {
  if (bareIdentifier.test(image)) return undefined;
  const [host, remainder] = splitDomain(image);
  const colon = remainder.indexOf(':');
  const repository = colon < 0 ? remainder : remainder.slice(0, colon);
  if (repository.toLowerCase() !== repository) return undefined;
  const match = referencePattern.exec(`${host}/${remainder}`);
  if (!match) return undefined;
  if (match[1]!.length > maxNameLength) return undefined;
  const digestValue = match[3] ?? '';
  if (digestValue !== '' && !validDigest(digestValue)) return undefined;
  const tagValue = match[2] ?? '';
  return { tag: tagValue === '' && digestValue === '' ? 'latest' : tagValue, digest: digestValue };
}

/** Upstream's default pull policy: Always for `:latest` (or no tag and no digest), else IfNotPresent. */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  const ref = typeof image === 'string' ? parseImageReference(image) : undefined;
  return ref?.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
