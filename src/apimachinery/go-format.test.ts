import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  GoRepr,
  byteLength,
  compareGoStrings,
  goFormatFloat,
  goQuote,
  goStringMap,
  goStringSlice,
  isGoPrintable,
  parseGoInt64,
  sortGoStrings,
} from './go-format.ts';

describe('goQuote', () => {
  it('quotes like strconv.Quote', () => {
    assert.equal(goQuote('abc'), '"abc"');
    assert.equal(goQuote(''), '""');
    assert.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
    assert.equal(goQuote('tab\there\nnl\r'), '"tab\\there\\nnl\\r"');
    assert.equal(goQuote('\x07\x08\x0b\x0c'), '"\\a\\b\\v\\f"');
    assert.equal(goQuote('\x00\x1f\x7f'), '"\\x00\\x1f\\x7f"');
  });

  it('keeps printable Unicode and escapes the rest', () => {
    assert.equal(goQuote('Tama-nui-te-rā'), '"Tama-nui-te-rā"');
    assert.equal(goQuote('日本'), '"日本"');
    assert.equal(goQuote('\u00a0'), '"\\u00a0"'); // no-break space is not printable in Go
    assert.equal(goQuote('\u200b'), '"\\u200b"');
    assert.equal(goQuote('😀'), '"😀"');
    assert.equal(goQuote('\u{e0001}'), '"\\U000e0001"');
  });

  it('knows which code points Go prints', () => {
    assert.equal(isGoPrintable(0x20), true);
    assert.equal(isGoPrintable(0x41), true);
    assert.equal(isGoPrintable(0x0a), false);
    assert.equal(isGoPrintable(0x3000), false); // ideographic space
  });
});

describe('Go string order and length', () => {
  it('counts UTF-8 bytes', () => {
    assert.equal(byteLength('abc'), 3);
    assert.equal(byteLength('ā'), 2);
    assert.equal(byteLength('日'), 3);
    assert.equal(byteLength('😀'), 4);
  });

  it('orders by code point, not UTF-16 unit', () => {
    assert.equal(compareGoStrings('a', 'b'), -1);
    assert.equal(compareGoStrings('b', 'a'), 1);
    assert.equal(compareGoStrings('a', 'a'), 0);
    assert.equal(compareGoStrings('a', 'ab'), -1);
    // U+FF61 sorts before U+1F600 in Go; UTF-16 would put the surrogate pair first.
    assert.equal(compareGoStrings('\uff61', '😀'), -1);
    assert.deepEqual(sortGoStrings(['😀', '\uff61', 'Z', 'a', '']), ['', 'Z', 'a', '\uff61', '😀']);
  });
});

describe('Go renderings', () => {
  it('prints string slices and maps as %#v', () => {
    assert.equal(goStringSlice(['a', 'b']).text, '[]string{"a", "b"}');
    assert.equal(goStringSlice([]).text, '[]string{}');
    assert.equal(goStringSlice(null).text, '[]string(nil)');
    assert.equal(goStringMap({ b: '2', a: '1' }).text, 'map[string]string{"a":"1", "b":"2"}');
    assert.equal(String(new GoRepr('x')), 'x');
  });

  it('prints floats as %v', () => {
    assert.equal(goFormatFloat(0.5), '0.5');
    assert.equal(goFormatFloat(1.5e-7), '1.5e-07');
    assert.equal(goFormatFloat(1234567.5), '1.2345675e+06');
    assert.equal(goFormatFloat(123456.5), '123456.5');
    assert.equal(goFormatFloat(-0.25), '-0.25');
    assert.equal(goFormatFloat(Infinity), '+Inf');
  });

  it('parses int64 as strconv.ParseInt(s, 10, 64)', () => {
    assert.equal(parseGoInt64('42'), 42n);
    assert.equal(parseGoInt64('-7'), -7n);
    assert.equal(parseGoInt64('+7'), 7n);
    assert.equal(parseGoInt64('007'), 7n);
    assert.equal(parseGoInt64('9223372036854775807'), 9223372036854775807n);
    assert.equal(parseGoInt64('9223372036854775808'), undefined);
    assert.equal(parseGoInt64(''), undefined);
    assert.equal(parseGoInt64('1_000'), undefined);
    assert.equal(parseGoInt64('0x10'), undefined);
    assert.equal(parseGoInt64(' 1'), undefined);
  });
});
