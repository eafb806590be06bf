import { describe } from 'node:test';
import { type Obj, configKeyMsg, dns1123SubdomainMsg, mutate, qualifiedNameMsg, runCoreCases, storedMeta } from './fixtures.ts';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('ConfigMap', () => {
  const base: Obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { 'app.conf': 'x=1' }, binaryData: { blob: b64('\u0000\u0001') } };
  const stored = mutate(base, (o) => {
    o.metadata = storedMeta('cfg', 'default');
    o.immutable = true;
  });
  runCoreCases('ConfigMap', [
    { name: 'valid', object: base, want: [] },
    {
      name: 'bad keys and a key in both maps',
      object: mutate(base, (o) => {
        o.data = { 'a b': '1', blob: '2', '..': '3' };
      }),
      want: [
        `data[..]: Invalid value: "..": must not be '..'`,
        `data[a b]: Invalid value: "a b": ${configKeyMsg}`,
        'data[blob]: Invalid value: "blob": duplicate of key present in binaryData',
      ],
    },
    {
      name: 'over 1 MiB in total',
      object: mutate(base, (o) => {
        o.data = { a: 'x'.repeat(600 * 1024) };
        o.binaryData = { b: b64('y'.repeat(500 * 1024)) };
      }),
      want: ['[]: Too long: may not be more than 1048576 bytes'],
    },
    {
      name: 'bad name',
      object: mutate(base, (o) => ((o.metadata as Obj).name = 'Cfg')),
      want: [`metadata.name: Invalid value: "Cfg": ${dns1123SubdomainMsg}`],
    },
    { name: 'update of an immutable config map, unchanged', object: stored, old: stored, want: [] },
    {
      name: 'update of an immutable config map',
      object: mutate(stored, (o) => {
        o.data = { 'app.conf': 'x=2' };
        delete o.immutable;
      }),
      old: stored,
      want: ['immutable: Forbidden: field is immutable when `immutable` is set', 'data: Forbidden: field is immutable when `immutable` is set'],
    },
    {
      name: 'update of a mutable config map',
      object: mutate(stored, (o) => (o.data = { 'app.conf': 'x=2' })),
      old: mutate(stored, (o) => delete o.immutable),
      want: [],
    },
  ]);
});

describe('Secret', () => {
  const base: Obj = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'sec', namespace: 'default' }, type: 'Opaque', data: { password: b64('hunter2') } };
  const secret = (type: string, data: Record<string, string>, extra: Obj = {}): Obj => ({ ...base, type, data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])), ...extra });
  runCoreCases('Secret', [
    { name: 'valid', object: base, want: [] },
    { name: 'valid tls', object: secret('kubernetes.io/tls', { 'tls.crt': 'c', 'tls.key': 'k' }), want: [] },
    { name: 'valid dockerconfigjson', object: secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': '{"auths":{}}' }), want: [] },
    {
      name: 'bad keys in data and stringData',
      object: mutate(base, (o) => (o.stringData = { 'bad key': 'v' })),
      want: [`data[bad key]: Invalid value: "bad key": ${configKeyMsg}`],
    },
    { name: 'tls without keys', object: secret('kubernetes.io/tls', {}), want: ['data[tls.crt]: Required value', 'data[tls.key]: Required value'] },
    { name: 'tls keys from stringData', object: secret('kubernetes.io/tls', { 'tls.crt': 'c' }, { stringData: { 'tls.key': 'k' } }), want: [] },
    { name: 'dockerconfigjson missing', object: secret('kubernetes.io/dockerconfigjson', {}), want: ['data[.dockerconfigjson]: Required value'] },
    {
      name: 'dockerconfigjson not JSON',
      object: secret('kubernetes.io/dockerconfigjson', { '.dockerconfigjson': 'not json' }),
      want: ['data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'o\' in literal null (expecting \'u\')'],
    },
    {
      name: 'dockercfg not an object',
      object: secret('kubernetes.io/dockercfg', { '.dockercfg': '[]' }),
      want: ['data[.dockercfg]: Invalid value: "<secret contents redacted>": json: cannot unmarshal array into Go value of type map[string]interface {}'],
    },
    { name: 'basic-auth without keys', object: secret('kubernetes.io/basic-auth', {}), want: ['data[username]: Required value', 'data[password]: Required value'] },
    { name: 'basic-auth with a username', object: secret('kubernetes.io/basic-auth', { username: 'u' }), want: [] },
    { name: 'ssh-auth with an empty key', object: secret('kubernetes.io/ssh-auth', { 'ssh-privatekey': '' }), want: ['data[ssh-privatekey]: Required value'] },
    {
      name: 'service account token without its annotation',
      object: secret('kubernetes.io/service-account-token', {}),
      want: ['metadata.annotations[kubernetes.io/service-account.name]: Required value'],
    },
    {
      name: 'over 1 MiB',
      object: mutate(base, (o) => (o.data = { a: b64('x'.repeat(1024 * 1024 + 1)) })),
      want: ['data: Too long: may not be more than 1048576 bytes'],
    },
  ]);

  const stored = mutate(base, (o) => (o.metadata = storedMeta('sec', 'default')));
  runCoreCases('Secret', [
    { name: 'update: data changed', object: mutate(stored, (o) => (o.data = { password: b64('x') })), old: stored, want: [] },
    {
      name: 'update: type changed',
      object: mutate(stored, (o) => {
        o.type = 'kubernetes.io/tls';
        o.data = { 'tls.crt': b64('c'), 'tls.key': b64('k') };
      }),
      old: stored,
      want: ['type: Invalid value: "kubernetes.io/tls": field is immutable'],
    },
    {
      name: 'update: immutable secret',
      object: mutate(stored, (o) => {
        o.immutable = true;
        o.data = { password: b64('x') };
      }),
      old: mutate(stored, (o) => (o.immutable = true)),
      want: ['data: Forbidden: field is immutable when `immutable` is set'],
    },
  ]);
});

describe('ServiceAccount', () => {
  const base: Obj = { metadata: { name: 'builder', namespace: 'default' } };
  runCoreCases('ServiceAccount', [
    { name: 'valid', object: base, want: [] },
    { name: 'bad name', object: { metadata: { name: 'Builder', namespace: 'default' } }, want: [`metadata.name: Invalid value: "Builder": ${dns1123SubdomainMsg}`] },
    { name: 'no namespace', object: { metadata: { name: 'builder' } }, want: ['metadata.namespace: Required value'] },
  ]);
});

describe('Namespace', () => {
  const base: Obj = { metadata: { name: 'team-a' }, spec: { finalizers: ['kubernetes'] } };
  runCoreCases('Namespace', [
    { name: 'valid', object: base, want: [] },
    { name: 'name with dots', object: { metadata: { name: 'team.a' } }, want: ['metadata.name: Invalid value: "team.a": must not contain dots'] },
    { name: 'namespace set', object: { metadata: { name: 'a', namespace: 'b' } }, want: ['metadata.namespace: Forbidden: not allowed on this type'] },
    {
      name: 'bad finalizers',
      object: mutate(base, (o) => ((o.spec as Obj).finalizers = ['custom', 'example.com/a b'])),
      want: [
        'spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified',
        `spec.finalizers: Invalid value: "example.com/a b": ${qualifiedNameMsg}`,
      ],
    },
    {
      name: 'update',
      object: { metadata: { ...storedMeta('team-a'), name: 'team-b' }, spec: { finalizers: ['kubernetes'] } },
      old: { metadata: storedMeta('team-a'), spec: { finalizers: ['kubernetes'] } },
      want: ['metadata.name: Invalid value: "team-b": field is immutable'],
    },
  ]);
});
