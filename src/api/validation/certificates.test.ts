import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FieldPath } from '../../apimachinery/field.ts';
import { csrError, validateCertificateSigningRequest, validateSignerName } from './certificates.ts';
import { type Obj, messages, mutate, runCases, storedMeta } from './testing.ts';

// An ECDSA P-256 PKCS#10 request for CN=alice,O=dev (generated with openssl).
const csrPEM = `-----BEGIN CERTIFICATE REQUEST-----
MIHZMIGAAgEAMB4xDjAMBgNVBAMMBWFsaWNlMQwwCgYDVQQKDANkZXYwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAAQARPNHJAQy0QAHfnUG0jPn7QIULhLJHlIQiNef
zTxLvR7rdvzkrCgFyKfdHwZSD95VSIfK4Eu+ftpF2KM7siTWoAAwCgYIKoZIzj0E
AwIDSAAwRQIgEe24uAGhPUQmYkz7upX4tqu2KpDKzPbuYEu6KhxvXiYCIQDx6QfO
We+WUK+36fl8kn0YZ5HMwf783JvlkUGuKWhQVg==
-----END CERTIFICATE REQUEST-----
`;
// An RSA-2048 request for CN=bob.
const rsaCSRPEM = `-----BEGIN CERTIFICATE REQUEST-----
MIICUzCCATsCAQAwDjEMMAoGA1UEAwwDYm9iMIIBIjANBgkqhkiG9w0BAQEFAAOC
AQ8AMIIBCgKCAQEAuSq6Hqcm04TRgBQ012W6ESJAPLiAj/lgTa3wJljEL9eqjbTM
zS0j5DwC6yM48sYsb3jUBoCuSknRq/0P7tRyFsX1qgKQKcmW9S4RrDSIQRpn/Vlz
C4SgeWLF96o7/gnTOVeL/MmsOmWD4ptXrOyUmNWTU21r6KgZqJXbqjkCyg5MmaTk
EEK4KeLfId3krirHAqMNXw4FE335flVIta90G8ehG/qCIfPkjUudvgZKLMvl0ILN
vi2Bvev+A+7w3CfFWgSzJBDSUjmAOaxBhJ4pBxrpRE4zwoCA6cOzvb39G0GVfIwn
Gjl7wnfX0yjIVJAmojM2cKvws+EdG3/1bLmQ5wIDAQABoAAwDQYJKoZIhvcNAQEL
BQADggEBABINo4rhudeBP+f5WAnEPMae7z7b67hD+gZZdA+69Iya1RW2X16BbUYR
hZSVXGD1X3yyw8BMTz40jdRApg93FF+jCSjVH5GmL+Ckpcg626LHJMmVS3xFUl/R
XE/QozrjB0mFPRIwcX36UvOQMm6GmU/H8pLn+fyx6H+mZt0D3CEBEdCN+MquXudj
6QmWflr8D+Im/LsruIt0WZSnHMS67/kYtETwvC3W+Q+SByP8jorjjRlfgieeu8AI
viClbfBLAipzOTlj0ZZANDYDoldDb+wfls9IJKR8AsyOqEI/2nxu+U83NYHTfK3c
R+SshF+6gR6/NFqalgGCUPvfo0jGvGM=
-----END CERTIFICATE REQUEST-----
`;
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('csrError', () => {
  it('accepts well-signed requests', () => {
    assert.equal(csrError(Buffer.from(csrPEM)), undefined);
    assert.equal(csrError(Buffer.from(rsaCSRPEM)), undefined);
  });
  it('rejects a tampered signature', () => {
    assert.equal(csrError(Buffer.from(csrPEM.replace('AwIDSAAwRQIgEe24', 'AwIDSAAwRQIgEe25'))), 'x509: ECDSA verification failure');
    assert.equal(csrError(Buffer.from(rsaCSRPEM.replace('BQADggEBABINo4rh', 'BQADggEBABINo4ri'))), 'crypto/rsa: verification error');
  });
  it('needs a CERTIFICATE REQUEST block', () => {
    assert.equal(csrError(Buffer.from('')), 'PEM block type must be CERTIFICATE REQUEST');
    assert.equal(csrError(Buffer.from(csrPEM.replaceAll('CERTIFICATE REQUEST', 'CERTIFICATE'))), 'PEM block type must be CERTIFICATE REQUEST');
  });
});

describe('validateSignerName', () => {
  const p = FieldPath.root('spec', 'signerName');
  const cases: [string, string[]][] = [
    ['example.com/my-signer', []],
    ['', ['spec.signerName: Required value']],
    ['example.com', ["spec.signerName: Invalid value: \"example.com\": must be a fully qualified domain and path of the form 'example.com/signer-name'"]],
    ['example/signer', ['spec.signerName: Invalid value: "example": should be a domain with at least two segments separated by dots']],
    [
      'Example.com/signer',
      [
        "spec.signerName: Invalid value: \"Example.com\": validating label \"Example\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
  ];
  for (const [name, want] of cases) it(JSON.stringify(name), () => assert.deepEqual(messages(validateSignerName(p, name)), want));
});

describe('CertificateSigningRequest', () => {
  const csr: Obj = {
    apiVersion: 'certificates.k8s.io/v1',
    kind: 'CertificateSigningRequest',
    metadata: { name: 'alice' },
    spec: { request: b64(csrPEM), signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth', 'digital signature'], expirationSeconds: 86400 },
  };
  const stored = mutate(csr, (o) => (o.metadata = storedMeta('alice')));
  const spec = (o: Obj) => o.spec as Obj;
  runCases(validateCertificateSigningRequest, [
    { name: 'valid', object: csr, want: [] },
    {
      name: 'request must be a PEM certificate request',
      object: mutate(csr, (o) => (spec(o).request = b64('hello'))),
      want: ['spec.request: Invalid value: []byte{0x68, 0x65, 0x6c, 0x6c, 0x6f}: PEM block type must be CERTIFICATE REQUEST'],
    },
    {
      name: 'request required',
      object: mutate(csr, (o) => delete spec(o).request),
      want: ['spec.request: Invalid value: []byte(nil): PEM block type must be CERTIFICATE REQUEST'],
    },
    {
      name: 'usages',
      object: mutate(csr, (o) => (spec(o).usages = ['client auth', 'client auth', 'teleport'])),
      want: [
        'spec.usages[2]: Unsupported value: "teleport": supported values: "any", "cert sign", "client auth", "code signing", "content commitment", "crl sign", "data encipherment", "decipher only", "digital signature", "email protection", "encipher only", "ipsec end system", "ipsec tunnel", "ipsec user", "key agreement", "key encipherment", "microsoft sgc", "netscape sgc", "ocsp signing", "s/mime", "server auth", "signing", "timestamping"',
        'spec.usages[1]: Duplicate value: "client auth"',
      ],
    },
    { name: 'usages required', object: mutate(csr, (o) => (spec(o).usages = [])), want: ['spec.usages: Required value'] },
    {
      name: 'legacy signer',
      object: mutate(csr, (o) => (spec(o).signerName = 'kubernetes.io/legacy-unknown')),
      want: ['spec.signerName: Invalid value: "kubernetes.io/legacy-unknown": the legacy signerName is not allowed via this API version'],
    },
    {
      name: 'expirationSeconds at least 10 minutes',
      object: mutate(csr, (o) => (spec(o).expirationSeconds = 599)),
      want: ['spec.expirationSeconds: Invalid value: 599: may not specify a duration less than 600 seconds (10 minutes)'],
    },
    { name: 'cluster-scoped', object: mutate(csr, (o) => ((o.metadata as Obj).namespace = 'default')), want: ['metadata.namespace: Forbidden: not allowed on this type'] },
    {
      name: 'update: the stored spec is kept, so spec edits do not fail',
      object: mutate(stored, (o) => (spec(o).usages = ['teleport'])),
      old: stored,
      want: [],
    },
    {
      name: 'update: metadata rules still apply',
      object: mutate(stored, (o) => ((o.metadata as Obj).resourceVersion = '')),
      old: stored,
      want: ['metadata.resourceVersion: Invalid value: "": must be specified for an update'],
    },
  ]);
});
