import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldPath, aggregateMessage, formatFieldError } from './field.ts';
import {
  getWarningsForCIDR,
  getWarningsForIP,
  goTimeString,
  isCIdentifier,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDNS1123SubdomainWithUnderscore,
  isDomainPrefixedPath,
  isEnvVarName,
  isFullyQualifiedDomainName,
  isFullyQualifiedName,
  isHTTPHeaderName,
  isInRange,
  isQualifiedName,
  isRelaxedEnvVarName,
  isValidCIDR,
  isValidCIDRForLegacyField,
  isValidGroupID,
  isValidIP,
  isValidIPForLegacyField,
  isValidInterfaceAddress,
  isValidLabelValue,
  isValidPathSegmentName,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  isWildcardDNS1123Subdomain,
  labelSelectorHasInvalidLabelValue,
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  totalAnnotationSizeLimitB,
  validateAnnotations,
  validateConditions,
  validateCreateOptions,
  validateDeleteOptions,
  validateDryRun,
  validateFieldManager,
  validateFieldSelectorRequirement,
  validateFieldValidation,
  validateFinalizers,
  validateKubeFinalizerNames,
  validateLabelSelector,
  validateLabels,
  validateManagedFields,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateOwnerReferences,
  validatePatchOptions,
  validatePathSegmentName,
  validateTableOptions,
} from './validation.ts';

const r = (c: string, n: number) => c.repeat(n);
const messages = (errs: Parameters<typeof formatFieldError>[0][]) => errs.map(formatFieldError);

const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Msg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const namePartMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

function expectAllValid(check: (v: string) => string[], values: string[]) {
  for (const v of values) assert.deepEqual(check(v), [], `expected ${JSON.stringify(v)} to be valid`);
}
function expectAllInvalid(check: (v: string) => string[], values: string[]) {
  for (const v of values) assert.notDeepEqual(check(v), [], `expected ${JSON.stringify(v)} to be invalid`);
}

describe('DNS names', () => {
  it('IsDNS1123Label', () => {
    expectAllValid(isDNS1123Label, ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', r('a', 63)]);
    expectAllInvalid(isDNS1123Label, [
      '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2',
      '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', r('a', 64),
    ]);
    assert.deepEqual(isDNS1123Label('My_Name'), [labelMsg]);
    assert.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
    assert.deepEqual(isDNS1123Label(r('a', 64)), ['must be no more than 63 characters']);
    assert.deepEqual(isDNS1123Label(`${r('a', 64)}-`), ['must be no more than 63 characters', labelMsg]);
  });

  it('IsDNS1123Subdomain', () => {
    expectAllValid(isDNS1123Subdomain, [
      'a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2', 'a.a', 'ab.a', 'abc.a', 'a1.a',
      'a-1.a', 'a--1--2--b.a', 'a.1', 'ab.1', 'abc.1', 'a1.1', 'a-1.1', 'a--1--2--b.1', '0.a', '01.a', '012.a', '1a.a', '1-a.a',
      '0.1', '01.1', '012.1', '1a.1', '1-a.1', '1--a--b--2.1', 'a.b.c.d.e', 'aa.bb.cc.dd.ee', '1.2.3.4.5', '11.22.33.44.55', r('a', 253),
    ]);
    expectAllInvalid(isDNS1123Subdomain, [
      '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_', '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.',
      '.a', 'a..b', '1.', '.1', '1..2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', 'A.a', 'aB.a', 'ab.A', 'A1.a', 'a1.A', 'A.1',
      'aB.1', 'A1.1', '1A.1', '0.A', '01.A', '012.A', '1A.a', '1a.A', 'A.B.C.D.E', 'AA.BB.CC.DD.EE', 'a.B.c.d.e', 'aa.bB.cc.dd.ee',
      'a@b', 'a,b', 'a_b', 'a;b', 'a:b', 'a%b', 'a?b', 'a$b', r('a', 254),
    ]);
    assert.deepEqual(isDNS1123Subdomain('Bad_Name'), [subdomainMsg]);
    assert.deepEqual(isDNS1123Subdomain(r('a', 254)), ['must be no more than 253 characters']);
    // Lengths are counted in bytes, as Go's len() does.
    assert.deepEqual(isDNS1123Subdomain(r('ā', 127)), ['must be no more than 253 characters', subdomainMsg]);
  });

  it('IsDNS1123SubdomainWithUnderscore shows the plain regex, as 1.33 does', () => {
    assert.deepEqual(isDNS1123SubdomainWithUnderscore('_foo.bar'), []);
    assert.deepEqual(isDNS1123SubdomainWithUnderscore('A'), [
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('IsDNS1035Label', () => {
    expectAllValid(isDNS1035Label, ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', r('a', 63)]);
    expectAllInvalid(isDNS1035Label, [
      '0', '01', '012', '1a', '1-a', '1--a--b--2', '', 'A', 'ABC', 'aBc', 'A1', 'A-1', '1-A', '-', 'a-', '-a', '1-', '-1', '_', 'a_',
      '_a', 'a_b', '1_', '_1', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', r('a', 64),
    ]);
    assert.deepEqual(isDNS1035Label('1a'), [dns1035Msg]);
  });

  it('IsWildcardDNS1123Subdomain', () => {
    expectAllValid(isWildcardDNS1123Subdomain, ['*.example.com', '*.bar.com', '*.foo.bar.com']);
    expectAllInvalid(isWildcardDNS1123Subdomain, ['*.*.bar.com', '*.foo.*.com', '*bar.com', 'f*.bar.com', '*']);
    assert.deepEqual(isWildcardDNS1123Subdomain('*'), [
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it('IsFullyQualifiedName and IsFullyQualifiedDomainName', () => {
    const p = FieldPath.root('');
    for (const v of ['dev.k8s.io', 'foo.example.com', 'this.is.a.really.long.fqdn', 'bbc.co.uk', '10.0.0.1', 'hyphens-are-good.k8s.io', `${r('a', 246)}.k8s.io`]) {
      assert.deepEqual(isFullyQualifiedName(p, v), [], v);
    }
    for (const v of ['...', 'dev.k8s.io.', '.io', 'Dev.k8s.io', 'k8s.io', '*.example.com', 'underscores_are_bad.k8s.io', 'foo@bar.example.com', 'http://foo.example.com', `${r('a', 247)}.k8s.io`]) {
      assert.notDeepEqual(isFullyQualifiedName(p, v), [], v);
    }
    assert.deepEqual(messages(isFullyQualifiedName(FieldPath.root('spec', 'group'), 'k8s.io')), [
      'spec.group: Invalid value: "k8s.io": should be a domain with at least three segments separated by dots',
    ]);
    assert.deepEqual(messages(isFullyQualifiedName(FieldPath.root('spec', 'group'), '')), ['spec.group: Required value']);
    for (const v of ['a.com', 'k8s.io', 'dev.k8s.io', 'dev.k8s.io.', 'bbc.co.uk', '10.0.0.1', `${r('a', 63)}.k8s.io`]) {
      assert.deepEqual(isFullyQualifiedDomainName(p, v), [], v);
    }
    for (const v of ['.', '...', '.io', 'com', '.com', 'Dev.k8s.io', '*.example.com', 'foo@bar.example.com', `${r('a', 64)}.k8s.io`]) {
      assert.notDeepEqual(isFullyQualifiedDomainName(p, v), [], v);
    }
    assert.deepEqual(messages(isFullyQualifiedDomainName(p, `${r('a', 64)}.k8s.io`)), [
      `[]: Invalid value: "${r('a', 64)}": must be no more than 63 characters`,
    ]);
  });

  it('IsDomainPrefixedPath', () => {
    const p = FieldPath.root('path');
    for (const v of ['a/b', 'a/b/c/d', 'a.com/foo', 'k8s.io/FOO/BAR', '10.0.0.1/foo', `k8s.io/${r('a', 240)}`]) assert.deepEqual(isDomainPrefixedPath(p, v), [], v);
    for (const v of ['.', '...', '/b', 'com', '.com', 'a.b.c.d/foo?a=b', 'a.b.c.d/foo#a', 'Dev.k8s.io', 'example.com/foo{}[]@^`', 'underscores_are_bad.k8s.io/foo']) {
      assert.notDeepEqual(isDomainPrefixedPath(p, v), [], v);
    }
    assert.deepEqual(messages(isDomainPrefixedPath(p, 'com')), ['path: Invalid value: "com": must be a domain-prefixed path (such as "acme.io/foo")']);
    assert.deepEqual(messages(isDomainPrefixedPath(p, 'a.b/foo?x')), [
      "path: Invalid value: \"foo?x\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')",
    ]);
  });
});

describe('qualified names and label values', () => {
  it('IsQualifiedName', () => {
    expectAllValid(isQualifiedName, [
      'simple', 'now-with-dashes', '1-starts-with-num', '1234', 'simple/simple', 'now-with-dashes/simple', 'now-with-dashes/now-with-dashes',
      'now.with.dots/simple', 'now-with.dashes-and.dots/simple', '1-num.2-num/3-num', '1234/5678', '1.2.3.4/5678', 'Uppercase_Is_OK_123',
      'example.com/Uppercase_Is_OK_123', 'requests.storage-foo', r('a', 63), `${r('a', 253)}/${r('b', 63)}`,
    ]);
    expectAllInvalid(isQualifiedName, [
      'nospecialchars%^=@', 'cantendwithadash-', '-cantstartwithadash-', 'only/one/slash', 'Example.com/abc', 'example_com/abc',
      'example.com/', '/simple', r('a', 64), `${r('a', 254)}/abc`,
    ]);
    assert.deepEqual(isQualifiedName('cantendwithadash-'), [namePartMsg]);
    assert.deepEqual(isQualifiedName('only/one/slash'), [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
    assert.deepEqual(isQualifiedName('example.com/'), ['name part must be non-empty', namePartMsg]);
    assert.deepEqual(isQualifiedName('/simple'), ['prefix part must be non-empty']);
    assert.deepEqual(isQualifiedName('Example.com/abc'), [`prefix part ${subdomainMsg}`]);
    assert.deepEqual(isQualifiedName(r('a', 64)), ['name part must be no more than 63 characters']);
    assert.deepEqual(isQualifiedName(`${r('a', 254)}/abc`), ['prefix part must be no more than 253 characters']);
  });

  it('IsValidLabelValue', () => {
    expectAllValid(isValidLabelValue, ['simple', 'now-with-dashes', '1-starts-with-num', 'end-with-num-1', '1234', r('a', 63), '', '123_-.BaR']);
    expectAllInvalid(isValidLabelValue, [
      'nospecialchars%^=@', 'Tama-nui-te-rā.is.Māori.sun', '\\backslashes\\are\\bad', '-starts-with-dash', 'ends-with-dash-',
      '.starts.with.dot', 'ends.with.dot.', r('a', 64),
    ]);
    assert.deepEqual(isValidLabelValue('bad,value'), [labelValueMsg]);
    assert.deepEqual(isValidLabelValue(r('a', 64)), ['must be no more than 63 characters']);
  });
});

describe('other formats', () => {
  it('IsCIdentifier', () => {
    expectAllValid(isCIdentifier, ['a', 'ab', 'abc', 'a1', '_a', 'a_', 'a_b', 'a_1', 'a__1__2__b', '__abc_123', 'A', 'AB', 'AbC', 'A1', '_A', 'A_', 'A_B', 'A_1', 'A__1__2__B', '__123_ABC']);
    expectAllInvalid(isCIdentifier, ['', '1', '123', '1a', '-', 'a-', '-a', '1-', '-1', '1_', '1_2', '.', 'a.', '.a', 'a.b', '1.', '.1', '1.2', ' ', 'a ', ' a', 'a b', '1 ', ' 1', '1 2', '#a#']);
    assert.deepEqual(isCIdentifier('1a'), [
      "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')",
    ]);
  });

  it('port numbers, ranges and IDs', () => {
    for (const v of [1, 2, 1000, 16384, 32768, 65535]) assert.deepEqual(isValidPortNum(v), []);
    for (const v of [0, -1, 65536, 100000]) assert.deepEqual(isValidPortNum(v), ['must be between 1 and 65535, inclusive']);
    assert.deepEqual(isInRange(1, 0, 10), []);
    assert.deepEqual(isInRange(25, 10, 25), []);
    assert.deepEqual(isInRange(5, -4, 2), ['must be between -4 and 2, inclusive']);
    for (const v of [0, 1, 1000, 65535, 2147483647]) {
      assert.deepEqual(isValidGroupID(v), []);
      assert.deepEqual(isValidUserID(v), []);
    }
    for (const v of [-1, -1003, 2147483648, 4147483647]) {
      assert.deepEqual(isValidGroupID(v), ['must be between 0 and 2147483647, inclusive']);
      assert.deepEqual(isValidUserID(v), ['must be between 0 and 2147483647, inclusive']);
    }
  });

  it('IsValidPortName', () => {
    expectAllValid(isValidPortName, ['telnet', 're-mail-ck', 'pop3', 'a', 'a-1', '1-a', 'a-1-b-2-c', '1-a-2-b-3']);
    expectAllInvalid(isValidPortName, ['longerthan15characters', '', r('a', 16), '12345', '1-2-3-4', '-begin', 'end-', 'two--hyphens', 'whois++']);
    assert.deepEqual(isValidPortName('longerthan15characters'), ['must be no more than 15 characters']);
    assert.deepEqual(isValidPortName(''), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
    assert.deepEqual(isValidPortName('12345'), ['must contain at least one letter (a-z)']);
    assert.deepEqual(isValidPortName('-begin'), ['must not begin or end with a hyphen']);
    assert.deepEqual(isValidPortName('two--hyphens'), ['must not contain consecutive hyphens']);
    assert.deepEqual(isValidPortName('HTTP'), ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']);
  });

  it('IsValidPercent', () => {
    expectAllValid(isValidPercent, ['0%', '00000%', '1%', '01%', '99%', '100%', '101%']);
    expectAllInvalid(isValidPercent, ['', '0', '100', '0.0%', '99.9%', 'hundred', ' 1%', '1% ', '-0%', '-1%', '+1%']);
    assert.deepEqual(isValidPercent('0'), ["a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"]);
  });

  it('IsHTTPHeaderName', () => {
    expectAllValid(isHTTPHeaderName, ['Accept-Encoding', 'Host', 'If-Modified-Since', 'X-Forwarded-For', 'a', '-a', 'a-', 'a--1--2--b', '--abc-123', 'A', 'A-1', '--123-ABC']);
    expectAllInvalid(isHTTPHeaderName, ['Host:', 'X-Forwarded-For:', 'X-@Home', '', '_', 'a_', '.', 'a.b', ' ', 'a b', '#a#', '^', ',', ';', '=', '<', '?', '@', '{']);
    assert.deepEqual(isHTTPHeaderName('Host:'), ["a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"]);
  });

  it('IsEnvVarName and IsRelaxedEnvVarName', () => {
    expectAllValid(isEnvVarName, ['A', 'ABC', 'AbC_123', '_123', '-', 'a.b', 'a-b', '.a', 'my.env-name']);
    const regexMsg =
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";
    assert.deepEqual(isEnvVarName('1ABC'), [regexMsg]);
    assert.deepEqual(isEnvVarName(''), [regexMsg]);
    assert.deepEqual(isEnvVarName('.'), ["must not be '.'"]);
    assert.deepEqual(isEnvVarName('..'), ["must not be '..'"]);
    assert.deepEqual(isEnvVarName('..a'), ["must not start with '..'"]);
    expectAllValid(isRelaxedEnvVarName, ['-', ':', '_', '+a', '>a', '<a', 'a.', 'a..', '*a', '%a', '?a', 'a:a', 'a_a', 'aAz', '~a', '|a', 'a0a', 'a9', '/a', 'a ', '#a', '0a', '0 a', "'a", '(a', '@a']);
    expectAllInvalid(isRelaxedEnvVarName, ['', '=', 'a=', '1=a', 'a=b', '#%=&&', '\u0001abc', '\u0082abc', 'Ç ç', 'Ä ä', 'Ñ ñ', 'Ø ø']);
    assert.deepEqual(isRelaxedEnvVarName(''), ['environment variable name must be non-empty']);
    assert.deepEqual(isRelaxedEnvVarName('a=b'), ["a valid environment variable name must consist only of printable ASCII characters other than '='"]);
  });

  it('IsConfigMapKey', () => {
    expectAllValid(isConfigMapKey, ['a', 'good', 'good-good', 'still.good', 'this.is.also.good', '.so.is.this', 'THIS_IS_GOOD', 'so_is_this_17']);
    expectAllInvalid(isConfigMapKey, ['.', '..', '..bad', 'b*d', 'bad!&bad']);
    assert.deepEqual(isConfigMapKey('b*d'), ["a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]);
    assert.deepEqual(isConfigMapKey('..bad'), ["must not start with '..'"]);
    assert.deepEqual(isConfigMapKey(r('a', 254)), ['must be no more than 253 characters']);
  });

  it('path segment names', () => {
    assert.deepEqual(isValidPathSegmentName('.'), ["may not be '.'"]);
    assert.deepEqual(isValidPathSegmentName('..'), ["may not be '..'"]);
    assert.deepEqual(isValidPathSegmentName('a/b%c'), ["may not contain '/'", "may not contain '%'"]);
    assert.deepEqual(isValidPathSegmentName('Any_Name.ok'), []);
    assert.deepEqual(validatePathSegmentName('..', true), []);
    assert.deepEqual(validatePathSegmentName('a/', true), ["may not contain '/'"]);
  });
});

describe('IP addresses', () => {
  const p = FieldPath.root('spec', 'clusterIP');
  const details = (errs: ReturnType<typeof isValidIP>) => errs.map((e) => e.detail);
  const cases: { in: string; err?: string; legacy?: string; legacyStrict?: string }[] = [
    { in: '1.2.3.4' },
    { in: '0.0.0.0' },
    { in: '255.255.255.255' },
    { in: '1234::abcd' },
    { in: '::' },
    { in: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' },
    { in: '0:0:0:0:0:0:0:0', err: 'must be in canonical form ("::")' },
    { in: '0001:002:03:4::', err: 'must be in canonical form ("1:2:3:4::")' },
    { in: '1234::ABCD', err: 'must be in canonical form ("1234::abcd")' },
    { in: '1.1.1.01', err: 'must not have leading 0s', legacyStrict: 'must not have leading 0s' },
    { in: '::ffff:1.1.1.1', err: 'must not be an IPv4-mapped IPv6 address', legacyStrict: 'must not be an IPv4-mapped IPv6 address' },
    ...['', 'aaaaaaa', 'myhost.mydomain', '1.2.3.0/24', '1.2.3.400', '-1.0.0.0', '2001:db8::10005', '1.2.3.4:80', '[2001:db8::1]', '[2001:db8::1]:80', 'example.com:80', '1234::abcd%eth0', '169.254.0.0%eth0'].map(
      (v) => {
        const m = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
        return { in: v, err: m, legacy: m, legacyStrict: m };
      },
    ),
  ];
  const bad = cases.filter((c) => c.legacyStrict).map((c) => c.in);

  for (const c of cases) {
    it(`checks ${JSON.stringify(c.in)}`, () => {
      assert.deepEqual(details(isValidIP(p, c.in)), c.err ? [c.err] : []);
      assert.deepEqual(details(isValidIPForLegacyField(p, c.in, false)), c.legacy ? [c.legacy] : []);
      assert.deepEqual(details(isValidIPForLegacyField(p, c.in, true)), c.legacyStrict ? [c.legacyStrict] : []);
      assert.deepEqual(isValidIPForLegacyField(p, c.in, true, bad), []);
    });
  }

  it('renders the full message and origin', () => {
    const [err] = isValidIP(p, '1.1.1.01');
    assert.equal(formatFieldError(err!), 'spec.clusterIP: Invalid value: "1.1.1.01": must not have leading 0s');
    assert.equal(err!.origin, 'format=ip-strict');
  });

  it('warns about non-standard IPs', () => {
    const wp = FieldPath.root('spec', 'clusterIPs').index(0);
    assert.deepEqual(getWarningsForIP(wp, '192.12.2.2'), []);
    assert.deepEqual(getWarningsForIP(wp, '2001:db8::2'), []);
    assert.deepEqual(getWarningsForIP(wp, '192.012.2.2'), [
      'spec.clusterIPs[0]: non-standard IP address "192.012.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    ]);
    assert.deepEqual(getWarningsForIP(wp, '::ffff:192.12.2.2'), [
      'spec.clusterIPs[0]: non-standard IP address "::ffff:192.12.2.2" will be considered invalid in a future Kubernetes release: use "192.12.2.2"',
    ]);
    assert.deepEqual(getWarningsForIP(FieldPath.root('spec', 'loadBalancerIP'), '2001:db8:0:0::2'), [
      'spec.loadBalancerIP: IPv6 address "2001:db8:0:0::2" should be in RFC 5952 canonical format ("2001:db8::2")',
    ]);
  });
});

describe('CIDRs', () => {
  const p = FieldPath.root('spec', 'podCIDR');
  const details = (errs: ReturnType<typeof isValidCIDR>) => errs.map((e) => e.detail);
  const invalidMsg = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';
  const cases: { in: string; err?: string; legacy?: string; legacyStrict?: string }[] = [
    { in: '1.0.0.0/8' },
    { in: '0.0.0.0/0' },
    { in: '1.1.1.1/32' },
    { in: '2001:4860:4860::/48' },
    { in: '::/0' },
    { in: '::1/128' },
    { in: '2a00:79e0:2:0::/64', err: 'must be in canonical form ("2a00:79e0:2::/64")' },
    { in: '2001:DB8::/64', err: 'must be in canonical form ("2001:db8::/64")' },
    { in: '1.1.01.0/24', err: 'must not have leading 0s in IP or prefix length', legacyStrict: 'must not have leading 0s in IP or prefix length' },
    { in: '::ffff:1.1.1.0/24', err: 'must not have an IPv4-mapped IPv6 address', legacyStrict: 'must not have an IPv4-mapped IPv6 address' },
    { in: '::ffff:1.1.1.0/120', err: 'must not have an IPv4-mapped IPv6 address', legacyStrict: 'must not have an IPv4-mapped IPv6 address' },
    { in: '1.2.3.4/24', err: 'must not have bits set beyond the prefix length', legacyStrict: 'must not have bits set beyond the prefix length' },
    { in: '2001:db8::1/64', err: 'must not have bits set beyond the prefix length', legacyStrict: 'must not have bits set beyond the prefix length' },
    { in: '192.168.0.0/016', err: 'must not have leading 0s in IP or prefix length', legacyStrict: 'must not have leading 0s in IP or prefix length' },
    ...['', 'aaaaaaa', '1.2.3.4', '192.168.0.1/healthz', '192.168.0.1/0/99', '192.168.0.0/-16', '192.168.0.0/+16', '1.2.3.0/33', '::/129'].map((v) => ({
      in: v,
      err: invalidMsg,
      legacy: invalidMsg,
      legacyStrict: invalidMsg,
    })),
  ];
  const bad = cases.filter((c) => c.legacyStrict).map((c) => c.in);

  for (const c of cases) {
    it(`checks ${JSON.stringify(c.in)}`, () => {
      assert.deepEqual(details(isValidCIDR(p, c.in)), c.err ? [c.err] : []);
      assert.deepEqual(details(isValidCIDRForLegacyField(p, c.in, false)), c.legacy ? [c.legacy] : []);
      assert.deepEqual(details(isValidCIDRForLegacyField(p, c.in, true)), c.legacyStrict ? [c.legacyStrict] : []);
      assert.deepEqual(isValidCIDRForLegacyField(p, c.in, true, bad), []);
    });
  }

  it('warns about non-standard CIDRs', () => {
    const wp = FieldPath.root('spec', 'loadBalancerSourceRanges').index(0);
    const pre = 'spec.loadBalancerSourceRanges[0]';
    assert.deepEqual(getWarningsForCIDR(wp, '192.12.2.0/24'), []);
    assert.deepEqual(getWarningsForCIDR(wp, '2001:db8::/64'), []);
    assert.deepEqual(getWarningsForCIDR(wp, '192.012.2.0/24'), [
      `${pre}: non-standard CIDR value "192.012.2.0/24" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(getWarningsForCIDR(wp, '192.12.2.0/024'), [
      `${pre}: non-standard CIDR value "192.12.2.0/024" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(getWarningsForCIDR(wp, '::ffff:192.12.2.0/120'), [
      `${pre}: non-standard CIDR value "::ffff:192.12.2.0/120" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(getWarningsForCIDR(wp, '192.12.2.8/24'), [
      `${pre}: CIDR value "192.12.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)`,
    ]);
    assert.deepEqual(getWarningsForCIDR(wp, '192.012.2.8/24'), [
      `${pre}: CIDR value "192.012.2.8/24" is ambiguous in this context (should be "192.12.2.0/24" or "192.12.2.8/32"?)`,
      `${pre}: non-standard CIDR value "192.012.2.8/24" will be considered invalid in a future Kubernetes release: use "192.12.2.0/24"`,
    ]);
    assert.deepEqual(getWarningsForCIDR(wp, '2001:db8:0:0::/64'), [
      `${pre}: IPv6 CIDR value "2001:db8:0:0::/64" should be in RFC 5952 canonical format ("2001:db8::/64")`,
    ]);
  });

  it('IsValidInterfaceAddress', () => {
    for (const v of ['1.2.3.4/24', '1.1.1.1/32', '2001:4860:4860::1/48', '::1/128']) assert.deepEqual(isValidInterfaceAddress(p, v), [], v);
    for (const v of ['', 'aaaaaaa', '1.2.3.4', '192.168.0.1/healthz', '192.168.0.1/0/99', '192.168.0.0/-16', '192.168.0.0/+16']) {
      assert.deepEqual(details(isValidInterfaceAddress(p, v)), ['must be a valid address in CIDR form, (e.g. 10.9.8.7/24 or 2001:db8::1/64)'], v);
    }
    assert.deepEqual(details(isValidInterfaceAddress(p, '2001:DB8::1/64')), ['must be in canonical form ("2001:db8::1/64")']);
    assert.deepEqual(details(isValidInterfaceAddress(p, '::ffff:1.1.1.1/120')), ['must be in canonical form ("1.1.1.1/24")']);
    assert.deepEqual(details(isValidInterfaceAddress(p, '1.1.1.01/24')), ['must be in canonical form ("1.1.1.1/24")']);
  });
});

describe('ObjectMeta', () => {
  const md = FieldPath.root('metadata');

  it('reports a bad name with the validator message, as kubectl shows it', () => {
    assert.deepEqual(messages(validateObjectMeta({ name: 'Bad_Name', namespace: 'default' }, true, nameIsDNSSubdomain)), [
      `metadata.name: Invalid value: "Bad_Name": ${subdomainMsg}`,
    ]);
    assert.deepEqual(messages(validateObjectMeta({}, false, nameIsDNSSubdomain)), ['metadata.name: Required value: name or generateName is required']);
    assert.deepEqual(messages(validateObjectMeta({ name: 'svc.x' }, false, nameIsDNS1035Label)), [
      `metadata.name: Invalid value: "svc.x": ${dns1035Msg}`,
    ]);
  });

  it('uses custom name validators for name and generateName', () => {
    const errs = validateObjectMeta({ name: 'test', generateName: 'foo' }, false, (s) => (s === 'test' ? [] : ['name-gen']), FieldPath.root('field'));
    assert.deepEqual(messages(errs), ['field.generateName: Invalid value: "foo": name-gen']);
  });

  it('allows a trailing dash in generateName', () => {
    assert.deepEqual(validateObjectMeta({ name: 'test', generateName: 'foo-' }, false, nameIsDNSSubdomain), []);
    assert.deepEqual(validateObjectMeta({ name: 'test', generateName: 'foo-' }, false, nameIsDNSLabel), []);
    assert.deepEqual(messages(validateObjectMeta({ name: 'test', generateName: 'Foo-' }, false, nameIsDNSSubdomain)), [
      `metadata.generateName: Invalid value: "Foo-": ${subdomainMsg}`,
    ]);
  });

  it('checks the namespace', () => {
    assert.deepEqual(messages(validateObjectMeta({ name: 'test', namespace: 'foo.bar' }, true, () => [], FieldPath.root('field'))), [
      'field.namespace: Invalid value: "foo.bar": must not contain dots',
    ]);
    const long = r('A', 64);
    assert.deepEqual(messages(validateObjectMeta({ name: 'test', namespace: long }, true, () => [])), [
      `metadata.namespace: Invalid value: "${long}": must be no more than 63 characters`,
      `metadata.namespace: Invalid value: "${long}": ${labelMsg}`,
    ]);
    assert.deepEqual(messages(validateObjectMeta({ name: 'test' }, true, () => [])), ['metadata.namespace: Required value']);
    assert.deepEqual(messages(validateObjectMeta({ name: 'test', namespace: 'ns' }, false, () => [])), ['metadata.namespace: Forbidden: not allowed on this type']);
  });

  it('checks generation, labels and annotations', () => {
    assert.deepEqual(messages(validateObjectMeta({ name: 'a', generation: -1 }, false, nameIsDNSSubdomain)), [
      'metadata.generation: Invalid value: -1: must be greater than or equal to 0',
    ]);
    assert.deepEqual(messages(validateObjectMeta({ name: 'a', labels: { 'bad key': 'bad value!' } }, false, nameIsDNSSubdomain)), [
      `metadata.labels: Invalid value: "bad key": ${namePartMsg}`,
      `metadata.labels: Invalid value: "bad value!": ${labelValueMsg}`,
    ]);
    assert.deepEqual(messages(validateObjectMeta({ name: 'a', annotations: { 'Only/One/Slash': 'x' } }, false, nameIsDNSSubdomain)), [
      `metadata.annotations: Invalid value: "Only/One/Slash": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ]);
  });

  it('ValidateLabels (upstream cases)', () => {
    const f = FieldPath.root('field');
    const good: Record<string, string>[] = [{ simple: 'bar' }, { 'now-with-dashes': 'bar' }, { '1.2.3.4/5678': 'bar' }, { UpperCaseAreOK123: 'bar' }, { goodvalue: '123_-.BaR' }];
    for (const labels of good) {
      assert.deepEqual(validateLabels(labels, f), []);
    }
    const bad: [Record<string, string>, string][] = [
      [{ 'nospecialchars^=@': 'bar' }, 'name part must consist of'],
      [{ 'cantendwithadash-': 'bar' }, 'name part must consist of'],
      [{ 'only/one/slash': 'bar' }, 'a qualified name must consist of'],
      [{ [r('a', 254)]: 'bar' }, 'must be no more than'],
      [{ toolongvalue: r('a', 64) }, 'must be no more than'],
      [{ backslashesinvalue: 'some\\bad\\value' }, 'a valid label must be an empty string or consist of'],
      [{ nocommasallowed: 'bad,value' }, 'a valid label must be an empty string or consist of'],
      [{ strangecharsinvalue: '?#$notsogood' }, 'a valid label must be an empty string or consist of'],
    ];
    for (const [labels, needle] of bad) {
      const errs = validateLabels(labels, f);
      assert.equal(errs.length, 1);
      assert.ok(errs[0]!.detail.includes(needle), errs[0]!.detail);
    }
  });

  it('ValidateAnnotations size limit', () => {
    const f = FieldPath.root('field');
    assert.deepEqual(validateAnnotations({ a: r('b', totalAnnotationSizeLimitB - 1) }, f), []);
    assert.deepEqual(validateAnnotations({ a: r('b', totalAnnotationSizeLimitB / 2 - 1), c: r('d', totalAnnotationSizeLimitB / 2 - 1) }, f), []);
    assert.deepEqual(messages(validateAnnotations({ a: r('b', totalAnnotationSizeLimitB) }, f)), ['field: Too long: may not be more than 262144 bytes']);
    assert.equal(validateAnnotations({ a: r('b', totalAnnotationSizeLimitB / 2), c: r('d', totalAnnotationSizeLimitB / 2) }, f).length, 1);
    // Keys are checked in lower case.
    assert.deepEqual(validateAnnotations({ 'Example.COM/Key': 'v' }, f), []);
    // Sizes are in bytes.
    assert.equal(validateAnnotations({ a: r('ā', totalAnnotationSizeLimitB / 2) }, f).length, 1);
  });

  it('checks owner references', () => {
    const f = FieldPath.root('field').child('ownerReferences');
    assert.deepEqual(validateOwnerReferences([{ apiVersion: 'customresourceVersion', kind: 'customresourceKind', name: 'name', uid: '1' }], f), []);
    assert.deepEqual(messages(validateOwnerReferences([{ apiVersion: 'v1', kind: 'Event', name: 'name', uid: '1' }], f)), [
      'field.ownerReferences: Invalid value: v1.OwnerReference{APIVersion:"v1", Kind:"Event", Name:"name", UID:"1", Controller:(*bool)(nil), BlockOwnerDeletion:(*bool)(nil)}: /v1, Kind=Event is disallowed from being an owner',
    ]);
    assert.deepEqual(messages(validateOwnerReferences([{}], f)), [
      'field.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'field.ownerReferences.kind: Invalid value: "": kind must not be empty',
      'field.ownerReferences.name: Invalid value: "": name must not be empty',
      'field.ownerReferences.uid: Invalid value: "": uid must not be empty',
    ]);
    assert.deepEqual(messages(validateOwnerReferences([{ apiVersion: 'a/b/c', kind: 'K', name: 'n', uid: 'u' }], f)), [
      'field.ownerReferences.apiVersion: Invalid value: "a/b/c": version must not be empty',
    ]);
    const ok = (kind: string, uid: string, controller?: boolean) => ({ apiVersion: 'customresourceVersion', kind, name: 'name', uid, controller });
    assert.deepEqual(validateOwnerReferences([ok('k', '1', false), ok('k', '2', true), ok('k', '3', false), ok('k', '4')], f), []);
    const errs = validateOwnerReferences([ok('customresourceKind1', '1', false), ok('customresourceKind2', '2', true), ok('customresourceKind3', '3', true), ok('customresourceKind4', '4')], f);
    assert.equal(errs.length, 1);
    assert.equal(
      errs[0]!.detail,
      'Only one reference can have Controller set to true. Found "true" in references for customresourceKind2/name and customresourceKind3/name',
    );
    assert.ok(formatFieldError(errs[0]!).startsWith('field.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"customresourceVersion"'));
  });

  it('checks finalizers', () => {
    const f = FieldPath.root('metadata', 'finalizers');
    assert.deepEqual(validateFinalizers(['kubernetes', 'example.com/cleanup'], f), []);
    assert.deepEqual(messages(validateFinalizers(['orphan', 'foregroundDeletion'], f)), [
      'metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set',
    ]);
    assert.deepEqual(messages(validateFinalizers(['a/b/c'], f)).length, 1);
    assert.deepEqual(messages(validateKubeFinalizerNames(['kubernetes', 'orphan', 'foregroundDeletion', 'example.com/x', 'custom'], f)), [
      'metadata.finalizers[4]: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });

  it('checks managed fields', () => {
    const f = md.child('managedFields');
    assert.deepEqual(validateManagedFields([{ operation: 'Apply', manager: 'kubectl', fieldsType: 'FieldsV1' }, { operation: 'Update' }], f), []);
    assert.deepEqual(messages(validateManagedFields([{ operation: 'Patch', fieldsType: 'FieldsV2', manager: 'a\nb', subresource: r('s', 257) }], f)), [
      'metadata.managedFields[0].operation: Invalid value: "Patch": must be `Apply` or `Update`',
      'metadata.managedFields[0].fieldsType: Invalid value: "FieldsV2": must be `FieldsV1`',
      'metadata.managedFields[0].manager: Invalid value: "a\\nb": invalid character U+000A (at position 1)',
      'metadata.managedFields[0].subresource: Too long: may not be more than 256 bytes',
    ]);
  });

  it('checks updates', () => {
    const f = FieldPath.root('field');
    const now = '1970-01-01T00:16:40Z';
    const later = '1970-01-01T00:33:20Z';
    const base = { name: 'test', resourceVersion: '1' };
    assert.deepEqual(validateObjectMetaUpdate(base, base, f), []);
    assert.deepEqual(validateObjectMetaUpdate({ ...base, deletionTimestamp: now, deletionGracePeriodSeconds: 30 }, { ...base, deletionTimestamp: now, deletionGracePeriodSeconds: 30 }, f), []);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, deletionTimestamp: now }, base, f)), [
      'field.deletionTimestamp: Invalid value: 1970-01-01 00:16:40 +0000 UTC: field is immutable',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate(base, { ...base, deletionTimestamp: now }, f)), [
      'field.deletionTimestamp: Invalid value: "null": field is immutable',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, deletionTimestamp: later }, { ...base, deletionTimestamp: now }, f)), [
      'field.deletionTimestamp: Invalid value: 1970-01-01 00:33:20 +0000 UTC: field is immutable',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, deletionGracePeriodSeconds: 30 }, base, f)), [
      'field.deletionGracePeriodSeconds: Invalid value: 30: field is immutable',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate(base, { ...base, deletionGracePeriodSeconds: 30 }, f)), [
      'field.deletionGracePeriodSeconds: Invalid value: "null": field is immutable',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, deletionGracePeriodSeconds: 40 }, { ...base, deletionGracePeriodSeconds: 30 }, f)), [
      'field.deletionGracePeriodSeconds: Invalid value: 40: field is immutable',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, generation: 4 }, { ...base, generation: 5 }, f)), [
      'field.generation: Invalid value: 4: must not be decremented',
    ]);
    assert.deepEqual(validateObjectMetaUpdate({ ...base, generation: 2 }, { ...base, generation: 1 }, f), []);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, resourceVersion: '' }, base)), [
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    ]);
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...base, name: 'other', namespace: 'b', uid: 'u2' }, { ...base, namespace: 'a', uid: 'u1' })), [
      'metadata.name: Invalid value: "other": field is immutable',
      'metadata.namespace: Invalid value: "b": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
    // creationTimestamp compares instants; a change or a removal is an error.
    assert.deepEqual(validateObjectMetaUpdate({ ...base, creationTimestamp: '1970-01-01T00:00:10Z' }, { ...base, creationTimestamp: '1970-01-01T00:00:10.000Z' }, f), []);
    assert.deepEqual(messages(validateObjectMetaUpdate(base, { ...base, creationTimestamp: '1970-01-01T00:00:10Z' }, f)), [
      'field.creationTimestamp: Invalid value: 0001-01-01 00:00:00 +0000 UTC: field is immutable',
    ]);
    assert.equal(validateObjectMetaUpdate({ ...base, creationTimestamp: '1970-01-01T00:00:10Z' }, { ...base, creationTimestamp: '1970-01-01T00:00:11Z' }, f).length, 1);
  });

  it('forbids new finalizers while deleting', () => {
    const f = FieldPath.root('field');
    const del = { name: 'test', resourceVersion: '1', deletionTimestamp: '2026-01-01T00:00:00Z' };
    assert.deepEqual(messages(validateObjectMetaUpdate({ ...del, finalizers: ['x/a', 'y/b'] }, { ...del, finalizers: ['x/a'] }, f)), [
      'field.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"y/b"}',
    ]);
    assert.equal(aggregateMessage(validateObjectMetaUpdate({ ...del, finalizers: ['x/b'] }, { ...del, finalizers: ['x/a'] }, f)).includes('x/b'), true);
    assert.deepEqual(validateObjectMetaUpdate({ ...del, finalizers: ['x/a'] }, { ...del, finalizers: ['x/a', 'y/b'] }, f), []);
    const live = { name: 'test', resourceVersion: '1' };
    assert.deepEqual(validateObjectMetaUpdate({ ...live, finalizers: ['x/a', 'y/b'] }, { ...live, finalizers: ['x/a'] }, f), []);
  });

  it("prints times as Go's time.Time String()", () => {
    assert.equal(goTimeString('2026-03-04T05:06:07Z'), '2026-03-04 05:06:07 +0000 UTC');
    assert.equal(goTimeString('2026-03-04T07:06:07+02:00'), '2026-03-04 05:06:07 +0000 UTC');
    assert.equal(goTimeString('2026-03-04T05:06:07.5Z'), '2026-03-04 05:06:07.5 +0000 UTC');
    assert.equal(goTimeString(null), '0001-01-01 00:00:00 +0000 UTC');
  });
});

describe('meta/v1 checks', () => {
  it('validates label selectors', () => {
    const f = FieldPath.root('spec', 'selector');
    assert.deepEqual(validateLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, {}, f), []);
    assert.deepEqual(
      messages(
        validateLabelSelector(
          {
            matchExpressions: [
              { key: 'a', operator: 'In', values: [] },
              { key: 'b', operator: 'Exists', values: ['x'] },
              { key: 'c', operator: 'Foo' },
              { key: 'd', operator: 'NotIn', values: ['ok', 'bad value'] },
            ],
          },
          {},
          f,
        ),
      ),
      [
        "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        'spec.selector.matchExpressions[2].operator: Invalid value: "Foo": not a valid selector operator',
        `spec.selector.matchExpressions[3].values[1]: Invalid value: "bad value": ${labelValueMsg}`,
      ],
    );
    assert.deepEqual(validateLabelSelector({ matchExpressions: [{ key: 'c', operator: 'Foo' }] }, { allowUnknownOperatorInRequirement: true }, f), []);
    assert.deepEqual(validateLabelSelector({ matchExpressions: [{ key: 'd', operator: 'In', values: ['bad value'] }] }, { allowInvalidLabelValueInSelector: true }, f), []);
    assert.equal(labelSelectorHasInvalidLabelValue({ matchExpressions: [{ key: 'd', operator: 'In', values: ['bad value'] }] }), true);
    assert.equal(labelSelectorHasInvalidLabelValue({ matchExpressions: [{ key: 'd', operator: 'In', values: ['ok'] }] }), false);
    assert.deepEqual(messages(validateLabelSelector({ matchLabels: { 'bad key': 'x' } }, {}, f)), [`spec.selector.matchLabels: Invalid value: "bad key": ${namePartMsg}`]);
  });

  it('validates field selector requirements', () => {
    const f = FieldPath.root('spec', 'fieldSelector', 'requirements').index(0);
    assert.deepEqual(messages(validateFieldSelectorRequirement({ key: '', operator: 'In' }, {}, f)), [
      'spec.fieldSelector.requirements[0].key: Required value: must be specified',
      "spec.fieldSelector.requirements[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    ]);
    assert.deepEqual(validateFieldSelectorRequirement({ key: 'spec.nodeName', operator: 'Exists' }, {}, f), []);
  });

  it('validates write options', () => {
    assert.deepEqual(validateDryRun(FieldPath.root('dryRun'), []), []);
    assert.deepEqual(validateDryRun(FieldPath.root('dryRun'), ['All', 'All']), []);
    assert.deepEqual(messages(validateDryRun(FieldPath.root('dryRun'), ['All', 'False'])), ['dryRun: Unsupported value: []string{"All", "False"}: supported values: "All"']);
    assert.deepEqual(messages(validateFieldValidation(FieldPath.root('fieldValidation'), 'Loose')), [
      'fieldValidation: Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"',
    ]);
    assert.deepEqual(validateFieldManager('kubectl-client-side-apply', FieldPath.root('fieldManager')), []);
    assert.deepEqual(messages(validateFieldManager(r('a', 129), FieldPath.root('fieldManager'))), ['fieldManager: Too long: may not be more than 128 bytes']);
    assert.deepEqual(messages(validateFieldManager('field\nmanager', FieldPath.root('fieldManager'))), [
      'fieldManager: Invalid value: "field\\nmanager": invalid character U+000A (at position 5)',
    ]);
    assert.deepEqual(validateCreateOptions({ fieldManager: 'x', dryRun: ['All'], fieldValidation: 'Strict' }), []);
    assert.deepEqual(messages(validatePatchOptions({}, true)), ['fieldManager: Required value: is required for apply patch']);
    assert.deepEqual(messages(validatePatchOptions({ force: true }, false)), ['force: Forbidden: may not be specified for non-apply patch']);
    assert.deepEqual(validatePatchOptions({ fieldManager: 'kubectl', force: true }, true), []);
    assert.deepEqual(messages(validateTableOptions('Everything')), ["includeObject: Invalid value: \"Everything\": must be 'Metadata', 'Object', 'None', or empty"]);
  });

  it('validates delete options', () => {
    assert.deepEqual(validateDeleteOptions({ propagationPolicy: 'Foreground' }), []);
    assert.deepEqual(messages(validateDeleteOptions({ propagationPolicy: 'Sideways' })), [
      'propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    ]);
    assert.deepEqual(messages(validateDeleteOptions({ orphanDependents: true, propagationPolicy: 'Orphan' })), [
      'propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set',
    ]);
    assert.deepEqual(
      messages(validateDeleteOptions({ ignoreStoreReadErrorWithClusterBreakingPotential: true, dryRun: ['All'], propagationPolicy: 'Background', gracePeriodSeconds: 0 })),
      [
        'ignoreStoreReadErrorWithClusterBreakingPotential: Invalid value: true: cannot be set together with .dryRun',
        'ignoreStoreReadErrorWithClusterBreakingPotential: Invalid value: true: cannot be set together with .propagationPolicy',
        'ignoreStoreReadErrorWithClusterBreakingPotential: Invalid value: true: cannot be set together with .gracePeriodSeconds',
      ],
    );
  });

  it('validates conditions', () => {
    const f = FieldPath.root('status').child('conditions');
    const errs = messages(validateConditions([{ type: ':invalid', status: 'unknown', observedGeneration: -1, reason: 'invalid;val', message: '' }], f));
    const reasonMsg =
      "a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName',  or 'ReasonA,ReasonB',  or 'ReasonA:ReasonB', regex used for validation is '[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?')";
    assert.deepEqual(errs, [
      `status.conditions[0].type: Invalid value: ":invalid": ${namePartMsg}`,
      'status.conditions[0].status: Unsupported value: "unknown": supported values: "False", "True", "Unknown"',
      'status.conditions[0].observedGeneration: Invalid value: -1: must be greater than or equal to zero',
      'status.conditions[0].lastTransitionTime: Required value: must be set',
      `status.conditions[0].reason: Invalid value: "invalid;val": ${reasonMsg}`,
    ]);
    const dup = messages(validateConditions([{ type: 'First', status: 'True' }, { type: 'Second', status: 'True' }, { type: 'First', status: 'True' }], f));
    assert.ok(dup.includes('status.conditions[2].type: Duplicate value: "First"'));
    for (const reason of ['valid:val', 'valid,val']) {
      const e = validateConditions([{ type: 'First', status: 'True', reason, lastTransitionTime: '2026-01-01T00:00:00Z' }], f);
      assert.deepEqual(e, []);
    }
    assert.deepEqual(messages(validateConditions([{ type: 'First', status: 'True', reason: 'valid,val:', lastTransitionTime: '2026-01-01T00:00:00Z' }], f)), [
      `status.conditions[0].reason: Invalid value: "valid,val:": ${reasonMsg}`,
    ]);
  });
});
