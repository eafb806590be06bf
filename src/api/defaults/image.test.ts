// The imagePullPolicy default follows upstream's image name parsing: Always for the
// latest tag (or no tag and no digest), IfNotPresent otherwise, including when the
// reference does not parse at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPullPolicy, parseImageReference } from './image.ts';

const sha256 = `sha256:${'a'.repeat(64)}`;

describe('defaultPullPolicy', () => {
  const cases: [string, unknown, 'Always' | 'IfNotPresent'][] = [
    ['bare name', 'nginx', 'Always'],
    ['explicit latest', 'nginx:latest', 'Always'],
    ['versioned tag', 'nginx:1.25', 'IfNotPresent'],
    ['tag is case-sensitive', 'nginx:Latest', 'IfNotPresent'],
    ['namespaced name', 'library/nginx', 'Always'],
    ['registry with a port, no tag', 'localhost:5000/nginx', 'Always'],
    ['registry with a port and a tag', 'localhost:5000/nginx:v1', 'IfNotPresent'],
    ['registry with a port and latest', 'registry.example.com:5000/team/app:latest', 'Always'],
    ['dotted registry, deep path', 'gcr.io/google-containers/pause', 'Always'],
    ['IPv6 registry', '[::1]:5000/app:1.0', 'IfNotPresent'],
    ['digest only', `nginx@${sha256}`, 'IfNotPresent'],
    ['latest tag and digest', `nginx:latest@${sha256}`, 'Always'],
    ['other tag and digest', `nginx:1.0@${sha256}`, 'IfNotPresent'],
    ['registry with a port and a digest', `localhost:5000/nginx@${sha256}`, 'IfNotPresent'],
    ['digest of the wrong length does not parse', 'nginx@sha256:abc', 'IfNotPresent'],
    ['unknown digest algorithm does not parse', `nginx@md5:${'a'.repeat(32)}`, 'IfNotPresent'],
    ['upper-case repository does not parse', 'Nginx', 'IfNotPresent'],
    ['upper-case registry host is a domain', 'Registry.example.com/app', 'Always'],
    ['bare 64-hex identifier does not parse', 'f'.repeat(64), 'IfNotPresent'],
    ['empty image', '', 'IfNotPresent'],
    ['missing image', undefined, 'IfNotPresent'],
    ['tag with dots and dashes', 'busybox:1.36.1-musl', 'IfNotPresent'],
    ['tag starting with a dash does not parse', 'busybox:-x', 'IfNotPresent'],
  ];
  for (const [name, image, want] of cases) {
    it(name, () => assert.equal(defaultPullPolicy(image), want));
  }
});

describe('parseImageReference', () => {
  it('reports tag and digest', () => {
    assert.deepEqual(parseImageReference(`quay.io/a/b:v2@${sha256}`), { tag: 'v2', digest: sha256 });
    assert.deepEqual(parseImageReference('ubuntu'), { tag: 'latest', digest: '' });
  });
  it('rejects names longer than 255 characters', () => {
    assert.equal(parseImageReference(`example.com/${'a'.repeat(250)}`), undefined);
  });
});
