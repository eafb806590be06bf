import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { TokenFileError, formatTokenFile, loadTokenFile, parseTokenFile, type TokenUser } from './token-file.ts';

const scratch = await mkdtemp(join(tmpdir(), 'kubets-tokens-'));
after(() => rm(scratch, { recursive: true, force: true }));

describe('parseTokenFile', () => {
  it('reads token,user,uid and an optional quoted list of groups', () => {
    const tokens = parseTokenFile(['31ada4fd,alice,1001,"devs,admins"', 'abc123,bob,1002', 'xyz,system:node:n1,,system:nodes', ''].join('\n'));
    assert.equal(tokens.size, 3);
    assert.deepEqual(tokens.lookup('31ada4fd'), { name: 'alice', uid: '1001', groups: ['devs', 'admins'] });
    assert.deepEqual(tokens.lookup('abc123'), { name: 'bob', uid: '1002', groups: [] });
    assert.deepEqual(tokens.lookup('xyz'), { name: 'system:node:n1', uid: '', groups: ['system:nodes'] });
    assert.equal(tokens.lookup('31ada4f'), undefined);
    assert.equal(tokens.lookup(''), undefined);
    assert.deepEqual(tokens.warnings, []);
  });

  it('accepts what Go encoding/csv accepts: CRLF, blank lines, escaped quotes, multi-line and trailing empty fields', () => {
    const tokens = parseTokenFile('\uFEFFt1,"a ""quoted"" name",u1\r\n\r\n   \n"t,2","multi\nline",u2,"g1,,g2",\nt3,c,u3,');
    assert.deepEqual(tokens.lookup('t1'), { name: 'a "quoted" name', uid: 'u1', groups: [] });
    assert.deepEqual(tokens.lookup('t,2'), { name: 'multi\nline', uid: 'u2', groups: ['g1', 'g2'] });
    assert.deepEqual(tokens.lookup('t3'), { name: 'c', uid: 'u3', groups: [] });
    assert.deepEqual(tokens.warnings, ['token file:4: 1 column(s) after the groups ignored']);
  });

  it('warns like upstream about empty and repeated tokens, and about stray spaces', () => {
    const tokens = parseTokenFile(',nobody,0\nsame,first,1\nsame,second,2\nt, spaced,3\n', 'tokens.csv');
    assert.equal(tokens.size, 2);
    assert.equal(tokens.lookup('same')?.name, 'second');
    assert.equal(tokens.lookup('t')?.name, ' spaced');
    assert.deepEqual(tokens.warnings, [
      'tokens.csv:1: empty token, record skipped',
      'tokens.csv:3: repeated token, replaces the earlier record',
      'tokens.csv:4: the user name has leading or trailing spaces, which are kept as part of it',
    ]);
  });

  it('treats # as part of a token, as upstream does (no comments)', () => {
    assert.equal(parseTokenFile('#t,u,1\n').lookup('#t')?.name, 'u');
  });

  it('fails with the line (and column) of a malformed record', () => {
    const cases: [string, RegExp, number, number | undefined][] = [
      ['ok,user,1\ntoken-only,user\n', /^tokens\.csv:2: expected at least 3 columns \(token, user name, user uid\), found 2$/, 2, undefined],
      ['ok,user,1\n\njustatoken', /^tokens\.csv:3: expected at least 3 columns/, 3, undefined],
      ['t,us"er,1\n', /^tokens\.csv:1:5: a quote in a field that does not start with one/, 1, 5],
      ['t,"user"x,1\n', /^tokens\.csv:1:9: unexpected "x" after a closing quote/, 1, 9],
      ['a,b,c\nt,"never closed,1\nmore\n', /^tokens\.csv:2:3: quoted field is never closed$/, 2, 3],
      ['a,"b\nc",1\nt,u"\n', /^tokens\.csv:3:4: a quote/, 3, 4],
    ];
    for (const [text, message, line, column] of cases) {
      assert.throws(
        () => parseTokenFile(text, 'tokens.csv'),
        (error: unknown) => {
          assert.ok(error instanceof TokenFileError);
          assert.match(error.message, message);
          assert.equal(error.line, line, text);
          assert.equal(error.column, column, text);
          return true;
        },
      );
    }
  });
});

describe('token file round trip', () => {
  it('writes records that load back to the same users', async () => {
    const records: { token: string; user: TokenUser }[] = [
      { token: 'K10abc::server:def', user: { name: 'system:bootstrap:abc', uid: 'abc', groups: ['system:bootstrappers', 'system:nodes'] } },
      { token: 'plain', user: { name: 'alice', uid: '1001', groups: [] } },
      { token: 'with,comma', user: { name: 'Bob "the builder"', uid: ' 7 ', groups: ['one'] } },
    ];
    const path = join(scratch, 'tokens.csv');
    const text = formatTokenFile(records);
    assert.equal(text.split('\n')[0], 'K10abc::server:def,system:bootstrap:abc,abc,"system:bootstrappers,system:nodes"');
    await writeFile(path, text, { mode: 0o600 });
    const tokens = await loadTokenFile(path);
    assert.equal(tokens.source, path);
    assert.equal(tokens.size, records.length);
    for (const { token, user } of records) assert.deepEqual(tokens.lookup(token), user);
    assert.throws(() => formatTokenFile([{ token: 't', user: { name: 'u', uid: '1', groups: ['a,b'] } }]), /free of commas/);
  });

  it('says which file it cannot read', async () => {
    await assert.rejects(loadTokenFile(join(scratch, 'missing.csv')), /cannot read the token file .*missing\.csv: ENOENT/);
  });
});
