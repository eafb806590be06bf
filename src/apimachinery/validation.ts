/**
 * Upstream's name, label and format checks (k8s.io/apimachinery/pkg/util/validation), the
 * ObjectMeta rules (pkg/api/validation) and the meta/v1 checks (pkg/apis/meta/v1/validation),
 * as of Kubernetes 1.33, with upstream's message strings.
 *
 * The `is*` checks return a list of messages (empty when valid) that callers wrap in field
 * errors; the `validate*` functions return field errors.
 */
import {
  type FieldError,
  FieldPath,
  childPath,
  forbidden,
  invalid,
  notSupported,
  required,
  tooLong,
  duplicate,
  withOrigin,
} from './field.ts';
import { GoRepr, byteLength, goQuote, goStringSlice, isGoPrintable, sortGoStrings } from './go-format.ts';
import {
  cidrToString,
  ipToString,
  isIPv4Mapped,
  parseAddrStrict,
  parseCIDRSloppy,
  parseIPSloppy,
  parsePrefixStrict,
  prefixIsMasked,
} from './ip.ts';

export { FieldPath } from './field.ts';
export type { FieldError, FieldErrorType, FieldErrorList, StatusCause } from './field.ts';
export {
  aggregateMessage,
  causeReason,
  errorBody,
  formatFieldError,
  invalidMessage,
  statusCause,
} from './field.ts';

// ---------------------------------------------------------------------------------------
// Message helpers

/** `must be no more than N characters` (upstream counts bytes but says characters). */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** A regex failure message with optional examples, in upstream's exact wording. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) s += ' or ';
    s += `'${ex}', `;
  });
  return `${s}regex used for validation is '${fmt}')`;
}

export function emptyError(): string {
  return 'must be non-empty';
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const prefixEach = (msgs: string[], prefix: string) => msgs.map((m) => prefix + m);

// ---------------------------------------------------------------------------------------
// Qualified names and label values

const qnameCharFmt = '[A-Za-z0-9]';
const qnameExtCharFmt = '[-A-Za-z0-9_.]';
const qualifiedNameFmt = `(${qnameCharFmt}${qnameExtCharFmt}*)?${qnameCharFmt}`;
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameMaxLength = 63;
const qualifiedNameRegexp = new RegExp(`^${qualifiedNameFmt}$`);

/**
 * A "qualified name" (label and annotation keys, finalizers, condition types): an optional
 * DNS subdomain prefix and '/', then a name of at most 63 characters.
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  switch (parts.length) {
    case 1:
      name = parts[0]!;
      break;
    case 2: {
      const prefix = parts[0]!;
      name = parts[1]!;
      if (prefix.length === 0) {
        errs.push(`prefix part ${emptyError()}`);
      } else {
        const msgs = isDNS1123Subdomain(prefix);
        if (msgs.length !== 0) errs.push(...prefixEach(msgs, 'prefix part '));
      }
      break;
    }
    default:
      return [
        `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ];
  }
  if (name.length === 0) {
    errs.push(`name part ${emptyError()}`);
  } else if (byteLength(name) > qualifiedNameMaxLength) {
    errs.push(`name part ${maxLenError(qualifiedNameMaxLength)}`);
  }
  if (!qualifiedNameRegexp.test(name)) {
    errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
}

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const labelValueMaxLength = 63;
const labelValueRegexp = new RegExp(`^${labelValueFmt}$`);

/** A label value: empty, or at most 63 characters of [-A-Za-z0-9_.] starting and ending alphanumeric. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > labelValueMaxLength) errs.push(maxLenError(labelValueMaxLength));
  if (!labelValueRegexp.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
}

// ---------------------------------------------------------------------------------------
// DNS names

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123LabelErrMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const dns1123LabelMaxLength = 63;
const dns1123LabelRegexp = new RegExp(`^${dns1123LabelFmt}$`);

const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrorMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const dns1123SubdomainMaxLength = 253;
const dns1123SubdomainRegexp = new RegExp(`^${dns1123SubdomainFmt}$`);

const dns1123LabelFmtWithUnderscore = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmtWithUnderscore = `${dns1123LabelFmtWithUnderscore}(\\.${dns1123LabelFmtWithUnderscore})*`;
const dns1123SubdomainErrorMsgFG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
const dns1123SubdomainRegexpWithUnderscore = new RegExp(`^${dns1123SubdomainFmtWithUnderscore}$`);

/** An RFC 1123 label: at most 63 characters of [-a-z0-9], starting and ending alphanumeric. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > dns1123LabelMaxLength) errs.push(maxLenError(dns1123LabelMaxLength));
  if (!dns1123LabelRegexp.test(value)) {
    if (dns1123SubdomainRegexp.test(value)) {
      errs.push('must not contain dots');
    } else {
      errs.push(regexError(dns1123LabelErrMsg, dns1123LabelFmt, 'my-name', '123-abc'));
    }
  }
  return errs;
}

/** An RFC 1123 subdomain: dot-separated labels, at most 253 characters. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > dns1123SubdomainMaxLength) errs.push(maxLenError(dns1123SubdomainMaxLength));
  if (!dns1123SubdomainRegexp.test(value)) errs.push(regexError(dns1123SubdomainErrorMsg, dns1123SubdomainFmt, 'example.com'));
  return errs;
}

/** A subdomain whose labels may also contain '_' (the message shows the plain regex, as upstream 1.33 does). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > dns1123SubdomainMaxLength) errs.push(maxLenError(dns1123SubdomainMaxLength));
  if (!dns1123SubdomainRegexpWithUnderscore.test(value)) {
    errs.push(regexError(dns1123SubdomainErrorMsgFG, dns1123SubdomainFmt, 'example.com'));
  }
  return errs;
}

const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const dns1035LabelErrMsg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const dns1035LabelMaxLength = 63;
const dns1035LabelRegexp = new RegExp(`^${dns1035LabelFmt}$`);

/** An RFC 1035 label (Service names): like an RFC 1123 label but starting with a letter. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > dns1035LabelMaxLength) errs.push(maxLenError(dns1035LabelMaxLength));
  if (!dns1035LabelRegexp.test(value)) errs.push(regexError(dns1035LabelErrMsg, dns1035LabelFmt, 'my-name', 'abc-123'));
  return errs;
}

const wildcardDNS1123SubdomainFmt = `\\*\\.${dns1123SubdomainFmt}`;
const wildcardDNS1123SubdomainErrMsg =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const wildcardDNS1123SubdomainRegexp = new RegExp(`^${wildcardDNS1123SubdomainFmt}$`);

/** A wildcard subdomain such as `*.example.com`. */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > dns1123SubdomainMaxLength) errs.push(maxLenError(dns1123SubdomainMaxLength));
  if (!wildcardDNS1123SubdomainRegexp.test(value)) {
    errs.push(regexError(wildcardDNS1123SubdomainErrMsg, wildcardDNS1123SubdomainFmt, '*.example.com'));
  }
  return errs;
}

/** A subdomain with at least three dot-separated segments (field errors). */
export function isFullyQualifiedName(path: FieldPath | undefined, name: string): FieldError[] {
  if (name.length === 0) return [required(path, '')];
  const errs = isDNS1123Subdomain(name);
  if (errs.length > 0) return [invalid(path, name, errs.join(','))];
  if (name.split('.').length < 3) return [invalid(path, name, 'should be a domain with at least three segments separated by dots')];
  return [];
}

/** A domain of at least two segments; a trailing dot is allowed (field errors). */
export function isFullyQualifiedDomainName(path: FieldPath | undefined, name: string): FieldError[] {
  if (name.length === 0) return [required(path, '')];
  if (name.endsWith('.')) name = name.slice(0, -1);
  const errs = isDNS1123Subdomain(name);
  if (errs.length > 0) return [invalid(path, name, errs.join(','))];
  if (name.split('.').length < 2) return [invalid(path, name, 'should be a domain with at least two segments separated by dots')];
  for (const label of name.split('.')) {
    const labelErrs = isDNS1123Label(label);
    if (labelErrs.length > 0) return [invalid(path, label, labelErrs.join(','))];
  }
  return [];
}

const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathRegexp = new RegExp(`^${httpPathFmt}$`);

/** A domain-prefixed path such as `acme.io/foo` (field errors). */
export function isDomainPrefixedPath(path: FieldPath | undefined, dpPath: string): FieldError[] {
  if (dpPath.length === 0) return [required(path, '')];
  const slash = dpPath.indexOf('/');
  const host = slash < 0 ? dpPath : dpPath.slice(0, slash);
  const rest = slash < 0 ? undefined : dpPath.slice(slash + 1);
  if (rest === undefined || host.length === 0 || rest.length === 0) {
    return [invalid(path, dpPath, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errs: FieldError[] = isDNS1123Subdomain(host).map((m) => invalid(path, host, m));
  if (!httpPathRegexp.test(rest)) errs.push(invalid(path, rest, regexError('Invalid path', httpPathFmt)));
  return errs;
}

// ---------------------------------------------------------------------------------------
// Identifiers, ports, percentages, headers, environment variables, config keys

const cIdentifierFmt = '[A-Za-z_][A-Za-z0-9_]*';
const identifierErrMsg = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
const cIdentifierRegexp = new RegExp(`^${cIdentifierFmt}$`);

/** A C identifier (format only, no length limit). */
export function isCIdentifier(value: string): string[] {
  if (!cIdentifierRegexp.test(value)) return [regexError(identifierErrMsg, cIdentifierFmt, 'my_name', 'MY_NAME', 'MyName')];
  return [];
}

/** A non-zero port number, 1 to 65535. */
export function isValidPortNum(port: number): string[] {
  if (port >= 1 && port <= 65535) return [];
  return [inclusiveRangeError(1, 65535)];
}

/** `min <= value <= max`. */
export function isInRange(value: number, min: number, max: number): string[] {
  if (value >= min && value <= max) return [];
  return [inclusiveRangeError(min, max)];
}

const maxID = 2147483647;

/** A Unix GID, 0 to 2^31-1. */
export function isValidGroupID(gid: number | bigint): string[] {
  return gid >= 0 && gid <= maxID ? [] : [inclusiveRangeError(0, maxID)];
}

/** A Unix UID, 0 to 2^31-1. */
export function isValidUserID(uid: number | bigint): string[] {
  return uid >= 0 && uid <= maxID ? [] : [inclusiveRangeError(0, maxID)];
}

const portNameCharsetRegex = /^[-a-z0-9]+$/;
const portNameOneLetterRegexp = /[a-z]/;

/** An IANA service name: at most 15 of [-a-z0-9], at least one letter, no leading, trailing or double '-'. */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!portNameCharsetRegex.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!portNameOneLetterRegexp.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

const percentFmt = '[0-9]+%';
const percentErrMsg = "a valid percent string must be a numeric string followed by an ending '%'";
const percentRegexp = new RegExp(`^${percentFmt}$`);

/** A percentage such as `25%`. */
export function isValidPercent(percent: string): string[] {
  if (!percentRegexp.test(percent)) return [regexError(percentErrMsg, percentFmt, '1%', '93%')];
  return [];
}

const httpHeaderNameFmt = '[-A-Za-z0-9]+';
const httpHeaderNameErrMsg = "a valid HTTP header must consist of alphanumeric characters or '-'";
const httpHeaderNameRegexp = new RegExp(`^${httpHeaderNameFmt}$`);

/** An HTTP header name (alphanumerics and '-'). */
export function isHTTPHeaderName(value: string): string[] {
  if (!httpHeaderNameRegexp.test(value)) return [regexError(httpHeaderNameErrMsg, httpHeaderNameFmt, 'X-Header-Name')];
  return [];
}

const envVarNameFmt = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const envVarNameFmtErrMsg =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
const relaxedEnvVarNameFmtErrMsg = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const envVarNameRegexp = new RegExp(`^${envVarNameFmt}$`);

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** An environment variable name (the strict rule). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!envVarNameRegexp.test(value)) errs.push(regexError(envVarNameFmtErrMsg, envVarNameFmt, 'my.env-name', 'MY_ENV.NAME', 'MyEnvName1'));
  errs.push(...hasChDirPrefix(value));
  return errs;
}

/** An environment variable name under RelaxedEnvironmentVariableValidation: printable ASCII but '='. */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7f || !isGoPrintable(cp) || ch === '=') {
      errs.push(relaxedEnvVarNameFmtErrMsg);
      break;
    }
  }
  return errs;
}

const configMapKeyFmt = '[-._a-zA-Z0-9]+';
const configMapKeyErrMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const configMapKeyRegexp = new RegExp(`^${configMapKeyFmt}$`);

/** A key of a ConfigMap or Secret. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > dns1123SubdomainMaxLength) errs.push(maxLenError(dns1123SubdomainMaxLength));
  if (!configMapKeyRegexp.test(value)) errs.push(regexError(configMapKeyErrMsg, configMapKeyFmt, 'key.name', 'KEY_NAME', 'key-name'));
  errs.push(...hasChDirPrefix(value));
  return errs;
}

// ---------------------------------------------------------------------------------------
// IP addresses and CIDRs (field errors, as upstream)

function parseIPChecked(path: FieldPath | undefined, value: string, strict: boolean): { ip?: Uint8Array; errs: FieldError[] } {
  const ip = parseIPSloppy(value);
  if (!ip) return { errs: [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')] };
  const errs: FieldError[] = [];
  if (strict) {
    const addr = parseAddrStrict(value);
    if (!addr) errs.push(invalid(path, value, 'must not have leading 0s'));
    else if (!addr.v4 && isIPv4Mapped(addr.bytes)) errs.push(invalid(path, value, 'must not be an IPv4-mapped IPv6 address'));
  }
  return { ip: ip.bytes, errs };
}

/** An IP address under current rules: strict syntax, not IPv4-mapped, in canonical form. */
export function isValidIP(path: FieldPath | undefined, value: string): FieldError[] {
  const { ip, errs } = parseIPChecked(path, value, true);
  if (errs.length > 0 || !ip) return withOrigin(errs, 'format=ip-strict');
  const canonical = ipToString(ip);
  if (value !== canonical) errs.push(invalid(path, value, `must be in canonical form (${goQuote(canonical)})`));
  return withOrigin(errs, 'format=ip-strict');
}

/** An IP address for fields that predate strict validation; `validOldIPs` are accepted as is. */
export function isValidIPForLegacyField(
  path: FieldPath | undefined,
  value: string,
  strictValidation: boolean,
  validOldIPs: readonly string[] = [],
): FieldError[] {
  if (validOldIPs.includes(value)) return [];
  return withOrigin(parseIPChecked(path, value, strictValidation).errs, 'format=ip-sloppy');
}

function parseCIDRChecked(path: FieldPath | undefined, value: string, strict: boolean) {
  const cidr = parseCIDRSloppy(value);
  if (!cidr) return { errs: [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')] };
  const errs: FieldError[] = [];
  if (strict) {
    const prefix = parsePrefixStrict(value);
    if (!prefix) errs.push(invalid(path, value, 'must not have leading 0s in IP or prefix length'));
    else if (!prefix.ip.v4 && isIPv4Mapped(prefix.ip.bytes)) errs.push(invalid(path, value, 'must not have an IPv4-mapped IPv6 address'));
    else if (!prefixIsMasked(prefix)) errs.push(invalid(path, value, 'must not have bits set beyond the prefix length'));
  }
  return { cidr, errs };
}

/** A subnet CIDR (no bits set past the prefix) under current rules, in canonical form. */
export function isValidCIDR(path: FieldPath | undefined, value: string): FieldError[] {
  const { cidr, errs } = parseCIDRChecked(path, value, true);
  if (errs.length > 0 || !cidr) return errs;
  const canonical = cidrToString(cidr);
  if (value !== canonical) errs.push(invalid(path, value, `must be in canonical form (${goQuote(canonical)})`));
  return errs;
}

/** A CIDR for fields that predate strict validation; `validOldCIDRs` are accepted as is. */
export function isValidCIDRForLegacyField(
  path: FieldPath | undefined,
  value: string,
  strictValidation: boolean,
  validOldCIDRs: readonly string[] = [],
): FieldError[] {
  if (validOldCIDRs.includes(value)) return [];
  return parseCIDRChecked(path, value, strictValidation).errs;
}

/** An "ifaddr"-style CIDR (`192.168.1.5/24`) in canonical form. */
export function isValidInterfaceAddress(path: FieldPath | undefined, value: string): FieldError[] {
  const cidr = parseCIDRSloppy(value);
  if (!cidr) return [invalid(path, value, 'must be a valid address in CIDR form, (e.g. 10.9.8.7/24 or 2001:db8::1/64)')];
  let maskSize = cidr.prefixLength;
  if (isIPv4Mapped(cidr.ip.bytes) && maskSize > 32) maskSize -= 96;
  const canonical = `${ipToString(cidr.ip.bytes)}/${maskSize}`;
  if (value !== canonical) return [invalid(path, value, `must be in canonical form (${goQuote(canonical)})`)];
  return [];
}

/**
 * Warnings for an IP accepted by {@link isValidIPForLegacyField} but written in a
 * non-standard form (leading zeros, IPv4-mapped, non-canonical IPv6).
 */
export function getWarningsForIP(path: FieldPath | undefined, value: string): string[] {
  const ip = parseIPSloppy(value);
  if (!ip) return [];
  const p = path ? path.toString() : '<nil>';
  const addr = parseAddrStrict(value);
  if (!addr || (!addr.v4 && isIPv4Mapped(addr.bytes))) {
    return [`${p}: non-standard IP address ${goQuote(value)} will be considered invalid in a future Kubernetes release: use ${goQuote(ipToString(ip.bytes))}`];
  }
  if (!addr.v4) {
    const canonical = ipToString(addr.bytes);
    if (canonical !== value) return [`${p}: IPv6 address ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(canonical)})`];
  }
  return [];
}

/**
 * Warnings for a CIDR accepted by {@link isValidCIDRForLegacyField} but ambiguous (bits set
 * past the prefix) or written in a non-standard form.
 */
export function getWarningsForCIDR(path: FieldPath | undefined, value: string): string[] {
  const cidr = parseCIDRSloppy(value);
  if (!cidr) return [];
  const p = path ? path.toString() : '<nil>';
  const warnings: string[] = [];
  const ipBytes = cidr.bits === 32 ? cidr.ip.bytes.subarray(12) : cidr.ip.bytes;
  if (!ipBytes.every((b, i) => b === cidr.network[i])) {
    const single = `${ipToString(cidr.ip.bytes)}/${cidr.bits}`;
    warnings.push(`${p}: CIDR value ${goQuote(value)} is ambiguous in this context (should be ${goQuote(cidrToString(cidr))} or ${goQuote(single)}?)`);
  }
  const prefix = parsePrefixStrict(value);
  if (!prefix || (!prefix.ip.v4 && isIPv4Mapped(prefix.ip.bytes))) {
    warnings.push(`${p}: non-standard CIDR value ${goQuote(value)} will be considered invalid in a future Kubernetes release: use ${goQuote(cidrToString(cidr))}`);
  }
  if (warnings.length === 0 && prefix && !prefix.ip.v4) {
    const canonical = `${ipToString(prefix.ip.bytes)}/${prefix.prefixLength}`;
    if (canonical !== value) {
      warnings.push(`${p}: IPv6 CIDR value ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(canonical)})`);
    }
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------
// Names of objects

/** Checks an object name; `prefix` is true for generateName, where a suffix will follow. */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/** Upstream's maskTrailingDash: it replaces the last two characters with 'a' when the name ends in '-'. */
function maskTrailingDash(name: string): string {
  if (name.length > 1 && name.endsWith('-')) return `${name.slice(0, -2)}a`;
  return name;
}

/** Names that must be DNS subdomains (most resources). */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** Names that must be RFC 1123 labels. */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** Names that must be RFC 1035 labels (Services). */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
/** Namespace names are RFC 1123 labels. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;
/** ServiceAccount names are DNS subdomains. */
export const validateServiceAccountName: ValidateNameFunc = nameIsDNSSubdomain;

/** A name usable as one path segment of a URL or storage key. */
export function isValidPathSegmentName(name: string): string[] {
  for (const bad of ['.', '..']) if (name === bad) return [`may not be '${bad}'`];
  return isValidPathSegmentPrefix(name);
}

/** A prefix of such a name (no check for '.' or '..'). */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  for (const bad of ['/', '%']) if (name.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

/** The name check the generic registry runs for every resource. */
export const validatePathSegmentName: ValidateNameFunc = (name, prefix) =>
  prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);

// ---------------------------------------------------------------------------------------
// ObjectMeta

export const fieldImmutableErrorMsg = 'field is immutable';
export const isNegativeErrorMsg = 'must be greater than or equal to 0';
/** The limit on the total size of an object's annotation keys and values, in bytes. */
export const totalAnnotationSizeLimitB = 256 * (1 << 10);

export const finalizerOrphanDependents = 'orphan';
export const finalizerDeleteDependents = 'foregroundDeletion';

export interface OwnerReferenceLike {
  apiVersion?: string;
  kind?: string;
  name?: string;
  uid?: string;
  controller?: boolean | null;
  blockOwnerDeletion?: boolean | null;
}

export interface ManagedFieldsEntryLike {
  manager?: string;
  operation?: string;
  apiVersion?: string;
  time?: string | null;
  fieldsType?: string;
  subresource?: string;
  fieldsV1?: unknown;
}

/** The parts of metav1.ObjectMeta that validation reads (JSON field names). */
export interface ObjectMetaLike {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string | null;
  deletionTimestamp?: string | null;
  deletionGracePeriodSeconds?: number | null;
  labels?: Readonly<Record<string, string>> | null;
  annotations?: Readonly<Record<string, string>> | null;
  ownerReferences?: readonly OwnerReferenceLike[] | null;
  finalizers?: readonly string[] | null;
  managedFields?: readonly ManagedFieldsEntryLike[] | null;
}

/** `value >= 0`. */
export function validateNonnegativeField(value: number, path: FieldPath): FieldError[] {
  if (value < 0) return [{ ...invalid(path, value, isNegativeErrorMsg), origin: 'minimum' }];
  return [];
}

/** A label key. */
export function validateLabelName(labelName: string, path: FieldPath): FieldError[] {
  return isQualifiedName(labelName).map((msg) => ({ ...invalid(path, labelName, msg), origin: 'labelKey' }));
}

/** Label keys and values (errors carry the map's path, not a per-key one, as upstream). */
export function validateLabels(labels: Readonly<Record<string, string>> | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/** The annotations' total size in bytes, or an error message when over the limit. */
export function validateAnnotationsSize(annotations: Readonly<Record<string, string>> | null | undefined): string | undefined {
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) total += byteLength(k) + byteLength(v);
  if (total > totalAnnotationSizeLimitB) return `annotations size ${total} is larger than limit ${totalAnnotationSizeLimitB}`;
  return undefined;
}

/** Annotation keys (qualified names, any case) and the total size limit. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
  }
  if (validateAnnotationsSize(annotations) !== undefined) errs.push(tooLong(path, '', totalAnnotationSizeLimitB));
  return errs;
}

/** Upstream's schema.ParseGroupVersion, lenient: an unparseable value gives empty group and version. */
function groupVersionOf(apiVersion: string): { group: string; version: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const slashes = apiVersion.split('/').length - 1;
  if (slashes === 0) return { group: '', version: apiVersion };
  if (slashes === 1) {
    const i = apiVersion.indexOf('/');
    return { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
  }
  return { group: '', version: '' };
}

const goBoolPointer = (v: boolean | null | undefined) => (v === null || v === undefined ? '(*bool)(nil)' : '(*bool)(0xc000012345)');

/** Go's %#v of a metav1.OwnerReference (a set pointer prints as a placeholder address). */
export function goOwnerReference(ref: OwnerReferenceLike): GoRepr {
  return new GoRepr(
    `v1.OwnerReference{APIVersion:${goQuote(ref.apiVersion ?? '')}, Kind:${goQuote(ref.kind ?? '')}, Name:${goQuote(ref.name ?? '')}, ` +
      `UID:${goQuote(ref.uid ?? '')}, Controller:${goBoolPointer(ref.controller)}, BlockOwnerDeletion:${goBoolPointer(ref.blockOwnerDeletion)}}`,
  );
}

const bannedOwners = new Set(['/v1, Kind=Event']);

function validateOwnerReference(ref: OwnerReferenceLike, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = ref.apiVersion ?? '';
  const kind = ref.kind ?? '';
  const gv = groupVersionOf(apiVersion);
  if (gv.version.length === 0) errs.push(invalid(path.child('apiVersion'), apiVersion, 'version must not be empty'));
  if (kind.length === 0) errs.push(invalid(path.child('kind'), kind, 'kind must not be empty'));
  if ((ref.name ?? '').length === 0) errs.push(invalid(path.child('name'), ref.name ?? '', 'name must not be empty'));
  if ((ref.uid ?? '').length === 0) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'uid must not be empty'));
  const gvk = `${gv.group}/${gv.version}, Kind=${kind}`;
  if (bannedOwners.has(gvk)) errs.push(invalid(path, goOwnerReference(ref), `${gvk} is disallowed from being an owner`));
  return errs;
}

/** Each reference's required fields, banned owner kinds, and at most one controller. */
export function validateOwnerReferences(refs: readonly OwnerReferenceLike[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller === true) {
      const current = `${ref.kind ?? ''}/${ref.name ?? ''}`;
      if (firstController !== '') {
        const all = new GoRepr(`[]v1.OwnerReference{${(refs ?? []).map((r) => goOwnerReference(r).text).join(', ')}}`);
        errs.push(
          invalid(path, all, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`),
        );
      } else {
        firstController = current;
      }
    }
  }
  return errs;
}

/** A finalizer name: a qualified name. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(path, name, msg));
}

/** Finalizer names, and not both `orphan` and `foregroundDeletion`. */
export function validateFinalizers(finalizers: readonly string[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let orphan = false;
  let foreground = false;
  for (const f of finalizers ?? []) {
    errs.push(...validateFinalizerName(f, path));
    if (f === finalizerOrphanDependents) orphan = true;
    if (f === finalizerDeleteDependents) foreground = true;
  }
  if (orphan && foreground) {
    errs.push(
      invalid(path, goStringSlice(finalizers ?? []), `finalizer ${finalizerOrphanDependents} and ${finalizerDeleteDependents} cannot be both set`),
    );
  }
  return errs;
}

const standardFinalizers = new Set(['kubernetes', finalizerOrphanDependents, finalizerDeleteDependents]);

/**
 * The extra rule the core API group (and most built-in types) applies to each finalizer:
 * a name without '/' must be one of the standard finalizers. Errors use `path[i]`.
 */
export function validateKubeFinalizerNames(finalizers: readonly string[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (finalizers ?? []).forEach((f, i) => {
    if (f.split('/').length === 1 && !standardFinalizers.has(f)) {
      errs.push(invalid(path.index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** No finalizer may be added once the object is being deleted. */
export function validateNoNewFinalizers(newFinalizers: readonly string[] | null | undefined, oldFinalizers: readonly string[] | null | undefined, path: FieldPath): FieldError[] {
  const old = new Set(oldFinalizers ?? []);
  const extra = sortGoStrings([...new Set((newFinalizers ?? []).filter((f) => !old.has(f)))]);
  if (extra.length === 0) return [];
  return [forbidden(path, `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra).text}`)];
}

/** The value unchanged, else `Invalid value: <new>: field is immutable`. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, path: FieldPath, equal: (a: unknown, b: unknown) => boolean = deepEqual): FieldError[] {
  if (!equal(oldVal, newVal)) return [invalid(path, newVal, fieldImmutableErrorMsg)];
  return [];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Go's time.Time String() of an RFC 3339 timestamp, in UTC (the server's zone here), e.g.
 * `2026-01-01 00:00:00 +0000 UTC`; `0001-01-01 00:00:00 +0000 UTC` for a missing one.
 */
export function goTimeString(rfc3339: string | null | undefined): string {
  if (!rfc3339) return '0001-01-01 00:00:00 +0000 UTC';
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const frac = iso.slice(20, 23).replace(/0+$/, '');
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${frac ? `.${frac}` : ''} +0000 UTC`;
}

const sameInstant = (a: unknown, b: unknown) => {
  const ta = typeof a === 'string' && a !== '' ? Date.parse(a) : undefined;
  const tb = typeof b === 'string' && b !== '' ? Date.parse(b) : undefined;
  return ta === tb || (Number.isNaN(ta) && Number.isNaN(tb) && a === b);
};

/** The managed fields entries' operation, fieldsType, manager and subresource. */
export function validateManagedFields(entries: readonly ManagedFieldsEntryLike[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (entries ?? []).forEach((entry, i) => {
    const p = path.index(i);
    const operation = entry.operation ?? '';
    if (operation !== 'Apply' && operation !== 'Update') {
      errs.push(invalid(p.child('operation'), new GoRepr(goQuote(operation)), 'must be `Apply` or `Update`'));
    }
    const fieldsType = entry.fieldsType ?? '';
    if (fieldsType.length > 0 && fieldsType !== 'FieldsV1') errs.push(invalid(p.child('fieldsType'), fieldsType, 'must be `FieldsV1`'));
    errs.push(...validateFieldManager(entry.manager ?? '', p.child('manager')));
    if (byteLength(entry.subresource ?? '') > maxSubresourceNameLength) {
      errs.push(tooLong(p.child('subresource'), '', maxSubresourceNameLength));
    }
  });
  return errs;
}

/**
 * An object's metadata on create (upstream ValidateObjectMetaAccessor): generateName and
 * name through `nameFn`, namespace required or forbidden, generation, labels, annotations,
 * ownerReferences, finalizers, managedFields. Expects name generation to have happened.
 */
export function validateObjectMeta(meta: ObjectMetaLike, requiresNamespace: boolean, nameFn: ValidateNameFunc, path: FieldPath = FieldPath.root('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  if (generateName.length !== 0) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(path.child('generateName'), generateName, msg));
  }
  const name = meta.name ?? '';
  if (name.length === 0) {
    errs.push(required(path.child('name'), 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name, false)) errs.push(invalid(path.child('name'), name, msg));
  }
  const namespace = meta.namespace ?? '';
  if (requiresNamespace) {
    if (namespace.length === 0) {
      errs.push(required(path.child('namespace'), ''));
    } else {
      for (const msg of validateNamespaceName(namespace, false)) errs.push(invalid(path.child('namespace'), namespace, msg));
    }
  } else if (namespace.length !== 0) {
    errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(meta.generation ?? 0, path.child('generation')));
  errs.push(...validateLabels(meta.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
  errs.push(...validateManagedFields(meta.managedFields, path.child('managedFields')));
  return errs;
}

const goInt64Pointer = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
const goTimePointer = (v: string | null | undefined) => (v ? new GoRepr(goTimeString(v)) : null);

/**
 * An object's metadata on update (upstream ValidateObjectMetaAccessorUpdate): no new
 * finalizers while deleting, resourceVersion present, generation not decreasing, the
 * immutable fields unchanged, and labels, annotations, ownerReferences and managedFields.
 */
export function validateObjectMetaUpdate(newMeta: ObjectMetaLike, oldMeta: ObjectMetaLike, path: FieldPath = FieldPath.root('metadata')): FieldError[] {
  const errs: FieldError[] = [];
  if (oldMeta.deletionTimestamp) {
    errs.push(...validateNoNewFinalizers(newMeta.finalizers, oldMeta.finalizers, path.child('finalizers')));
  }
  if ((newMeta.resourceVersion ?? '').length === 0) {
    errs.push(invalid(path.child('resourceVersion'), newMeta.resourceVersion ?? '', 'must be specified for an update'));
  }
  if ((newMeta.generation ?? 0) < (oldMeta.generation ?? 0)) {
    errs.push(invalid(path.child('generation'), newMeta.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...validateImmutableField(newMeta.name ?? '', oldMeta.name ?? '', path.child('name')));
  errs.push(...validateImmutableField(newMeta.namespace ?? '', oldMeta.namespace ?? '', path.child('namespace')));
  errs.push(...validateImmutableField(newMeta.uid ?? '', oldMeta.uid ?? '', path.child('uid')));
  if (!sameInstant(newMeta.creationTimestamp ?? '', oldMeta.creationTimestamp ?? '')) {
    errs.push(invalid(path.child('creationTimestamp'), new GoRepr(goTimeString(newMeta.creationTimestamp)), fieldImmutableErrorMsg));
  }
  if (!sameInstant(newMeta.deletionTimestamp ?? '', oldMeta.deletionTimestamp ?? '')) {
    errs.push(invalid(path.child('deletionTimestamp'), goTimePointer(newMeta.deletionTimestamp), fieldImmutableErrorMsg));
  }
  errs.push(
    ...validateImmutableField(goInt64Pointer(newMeta.deletionGracePeriodSeconds), goInt64Pointer(oldMeta.deletionGracePeriodSeconds), path.child('deletionGracePeriodSeconds')),
  );
  errs.push(...validateLabels(newMeta.labels, path.child('labels')));
  errs.push(...validateAnnotations(newMeta.annotations, path.child('annotations')));
  errs.push(...validateOwnerReferences(newMeta.ownerReferences, path.child('ownerReferences')));
  errs.push(...validateManagedFields(newMeta.managedFields, path.child('managedFields')));
  return errs;
}

// ---------------------------------------------------------------------------------------
// meta/v1: label selectors, options, conditions

export interface LabelSelectorRequirementLike {
  key: string;
  operator: string;
  values?: readonly string[] | null;
}

export interface LabelSelectorLike {
  matchLabels?: Readonly<Record<string, string>> | null;
  matchExpressions?: readonly LabelSelectorRequirementLike[] | null;
}

export interface LabelSelectorValidationOptions {
  /** Accept invalid label values in expressions (for existing objects that have them). */
  allowInvalidLabelValueInSelector?: boolean;
  /** Accept operators that are not In, NotIn, Exists or DoesNotExist. */
  allowUnknownOperatorInRequirement?: boolean;
}

/** True when some expression value is not a valid label value. */
export function labelSelectorHasInvalidLabelValue(ps: LabelSelectorLike | null | undefined): boolean {
  for (const e of ps?.matchExpressions ?? []) for (const v of e.values ?? []) if (isValidLabelValue(v).length > 0) return true;
  return false;
}

/** A metav1.LabelSelector in an object (e.g. a Deployment's spec.selector). */
export function validateLabelSelector(ps: LabelSelectorLike | null | undefined, opts: LabelSelectorValidationOptions, path: FieldPath): FieldError[] {
  if (!ps) return [];
  const errs = validateLabels(ps.matchLabels, path.child('matchLabels'));
  (ps.matchExpressions ?? []).forEach((expr, i) => errs.push(...validateLabelSelectorRequirement(expr, opts, path.child('matchExpressions').index(i))));
  return errs;
}

export function validateLabelSelectorRequirement(sr: LabelSelectorRequirementLike, opts: LabelSelectorValidationOptions, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) {
        errs.push(invalid(path.child('operator'), new GoRepr(goQuote(sr.operator)), 'not a valid selector operator'));
      }
  }
  errs.push(...validateLabelName(sr.key, path.child('key')));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const msg of isValidLabelValue(v)) errs.push(invalid(path.child('values').index(i), v, msg));
    });
  }
  return errs;
}

export interface FieldSelectorRequirementLike {
  key: string;
  operator: string;
  values?: readonly string[] | null;
}

/** A metav1.FieldSelectorRequirement (as in SubjectAccessReview). */
export function validateFieldSelectorRequirement(req: FieldSelectorRequirementLike, opts: { allowUnknownOperatorInRequirement?: boolean }, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (req.key.length === 0) errs.push(required(path.child('key'), 'must be specified'));
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) {
        errs.push(invalid(path.child('operator'), new GoRepr(goQuote(req.operator)), 'not a valid selector operator'));
      }
  }
  return errs;
}

export const fieldManagerMaxLength = 128;
export const maxSubresourceNameLength = 256;

const goCodePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** A field manager name: at most 128 bytes, printable characters only. */
export function validateFieldManager(fieldManager: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (byteLength(fieldManager) > fieldManagerMaxLength) errs.push(tooLong(path, '', fieldManagerMaxLength));
  let offset = 0;
  for (const ch of fieldManager) {
    const cp = ch.codePointAt(0)!;
    if (!isGoPrintable(cp)) errs.push(invalid(path, fieldManager, `invalid character ${goCodePoint(cp)} (at position ${offset})`));
    offset += byteLength(ch);
  }
  return errs;
}

/** The dryRun query parameter: only `All`. */
export function validateDryRun(path: FieldPath, dryRun: readonly string[] | null | undefined): FieldError[] {
  const values = dryRun ?? [];
  if (values.every((v) => v === 'All')) return [];
  return [notSupported(path, goStringSlice(dryRun), ['All'])];
}

/** The fieldValidation query parameter: '', Ignore, Warn or Strict. */
export function validateFieldValidation(path: FieldPath, fieldValidation: string): FieldError[] {
  if (['', 'Ignore', 'Strict', 'Warn'].includes(fieldValidation)) return [];
  return [notSupported(path, fieldValidation, ['', 'Ignore', 'Strict', 'Warn'])];
}

export interface WriteOptionsLike {
  fieldManager?: string;
  dryRun?: readonly string[] | null;
  fieldValidation?: string;
}

/** CreateOptions and UpdateOptions. */
export function validateCreateOptions(options: WriteOptionsLike): FieldError[] {
  return [
    ...validateFieldManager(options.fieldManager ?? '', FieldPath.root('fieldManager')),
    ...validateDryRun(FieldPath.root('dryRun'), options.dryRun),
    ...validateFieldValidation(FieldPath.root('fieldValidation'), options.fieldValidation ?? ''),
  ];
}

export const validateUpdateOptions = validateCreateOptions;

/** PatchOptions: apply patches need a field manager; `force` only for apply. */
export function validatePatchOptions(options: WriteOptionsLike & { force?: boolean | null }, isApply: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (isApply) {
    if ((options.fieldManager ?? '') === '') errs.push(required(FieldPath.root('fieldManager'), 'is required for apply patch'));
  } else if (options.force !== undefined && options.force !== null) {
    errs.push(forbidden(FieldPath.root('force'), 'may not be specified for non-apply patch'));
  }
  errs.push(...validateCreateOptions(options));
  return errs;
}

export interface DeleteOptionsLike {
  orphanDependents?: boolean | null;
  propagationPolicy?: string | null;
  dryRun?: readonly string[] | null;
  gracePeriodSeconds?: number | null;
  preconditions?: unknown;
  ignoreStoreReadErrorWithClusterBreakingPotential?: boolean | null;
}

/** DeleteOptions: propagation policy, dry run, and the unsafe-delete flag's conflicts. */
export function validateDeleteOptions(options: DeleteOptionsLike): FieldError[] {
  const errs: FieldError[] = [];
  const policy = options.propagationPolicy;
  const hasPolicy = policy !== undefined && policy !== null;
  if (options.orphanDependents !== undefined && options.orphanDependents !== null && hasPolicy) {
    errs.push(invalid(FieldPath.root('propagationPolicy'), new GoRepr(goQuote(policy)), 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (hasPolicy && policy !== 'Foreground' && policy !== 'Background' && policy !== 'Orphan') {
    errs.push(notSupported(FieldPath.root('propagationPolicy'), new GoRepr(goQuote(policy)), ['Foreground', 'Background', 'Orphan', 'nil']));
  }
  errs.push(...validateDryRun(FieldPath.root('dryRun'), options.dryRun));
  if (options.ignoreStoreReadErrorWithClusterBreakingPotential === true) {
    const p = FieldPath.root('ignoreStoreReadErrorWithClusterBreakingPotential');
    if ((options.dryRun ?? []).length > 0) errs.push(invalid(p, true, 'cannot be set together with .dryRun'));
    if (hasPolicy) errs.push(invalid(p, true, 'cannot be set together with .propagationPolicy'));
    if (options.orphanDependents !== undefined && options.orphanDependents !== null) errs.push(invalid(p, true, 'cannot be set together with .orphanDependents'));
    if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds !== null) errs.push(invalid(p, true, 'cannot be set together with .gracePeriodSeconds'));
    if (options.preconditions !== undefined && options.preconditions !== null) errs.push(invalid(p, true, 'cannot be set together with .preconditions'));
  }
  return errs;
}

/** TableOptions' includeObject. */
export function validateTableOptions(includeObject: string): FieldError[] {
  if (['Metadata', 'None', 'Object', ''].includes(includeObject)) return [];
  return [invalid(FieldPath.root('includeObject'), new GoRepr(goQuote(includeObject)), "must be 'Metadata', 'Object', 'None', or empty")];
}

export interface ConditionLike {
  type: string;
  status: string;
  observedGeneration?: number;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

const conditionReasonFmt = '[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?';
const conditionReasonErrMsg =
  "a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_'";
const conditionReasonRegexp = new RegExp(`^${conditionReasonFmt}$`);

/** A list of metav1.Condition: types unique, each valid. */
export function validateConditions(conditions: readonly ConditionLike[] | null | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (conditions ?? []).forEach((c, i) => {
    if (seen.has(c.type)) errs.push(duplicate(path.index(i).child('type'), c.type));
    else seen.add(c.type);
    errs.push(...validateCondition(c, path.index(i)));
  });
  return errs;
}

/** One metav1.Condition. */
export function validateCondition(c: ConditionLike, path: FieldPath): FieldError[] {
  const errs = validateLabelName(c.type, path.child('type'));
  if (!['False', 'True', 'Unknown'].includes(c.status)) errs.push(notSupported(path.child('status'), new GoRepr(goQuote(c.status)), ['False', 'True', 'Unknown']));
  if ((c.observedGeneration ?? 0) < 0) errs.push(invalid(path.child('observedGeneration'), c.observedGeneration, 'must be greater than or equal to zero'));
  if (!c.lastTransitionTime) errs.push(required(path.child('lastTransitionTime'), 'must be set'));
  const reason = c.reason ?? '';
  if (reason.length === 0) {
    errs.push(required(path.child('reason'), 'must be set'));
  } else {
    if (!conditionReasonRegexp.test(reason)) {
      errs.push(invalid(path.child('reason'), reason, regexError(conditionReasonErrMsg, conditionReasonFmt, 'my_name', 'MY_NAME', 'MyName', 'ReasonA,ReasonB', 'ReasonA:ReasonB')));
    }
    if (byteLength(reason) > 1024) errs.push(tooLong(path.child('reason'), '', 1024));
  }
  if (byteLength(c.message ?? '') > 32 * 1024) errs.push(tooLong(path.child('message'), '', 32 * 1024));
  return errs;
}

/** Field path helper re-exported for callers that hold an optional parent path. */
export { childPath };
