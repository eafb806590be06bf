import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Quantity, QuantityParseError, Scale, maxMilliValue, mustParse, parseQuantity, quantityErrors, type Format } from './quantity.ts';

const q = (s: string) => parseQuantity(s);
const dec = (unscaled: number | bigint, exp: number, format: Format) => Quantity.fromDecimal(unscaled, exp, format);
const maxInt64 = 9223372036854775807n;

function parseError(s: string): string {
  try {
    parseQuantity(s);
  } catch (e) {
    assert.ok(e instanceof QuantityParseError);
    return e.message;
  }
  assert.fail(`expected ${JSON.stringify(s)} not to parse`);
}

describe('parsing', () => {
  // [input, exact value, format]
  const table: [string, string, Format][] = [
    ['0', '0', 'DecimalSI'],
    ['0n', '0', 'DecimalSI'],
    ['0u', '0', 'DecimalSI'],
    ['0m', '0', 'DecimalSI'],
    ['0Ki', '0', 'BinarySI'],
    ['0k', '0', 'DecimalSI'],
    ['0Mi', '0', 'BinarySI'],
    ['0M', '0', 'DecimalSI'],
    ['0Gi', '0', 'BinarySI'],
    ['0G', '0', 'DecimalSI'],
    ['0Ti', '0', 'BinarySI'],
    ['0T', '0', 'DecimalSI'],
    ['1', '1', 'DecimalSI'],
    ['1Ki', '1024', 'BinarySI'],
    ['8Ki', '8192', 'BinarySI'],
    ['7Mi', String(7 * 1024 * 1024), 'BinarySI'],
    ['6Gi', String(6 * 1024 ** 3), 'BinarySI'],
    ['5Ti', String(5 * 1024 ** 4), 'BinarySI'],
    ['4Pi', String(4 * 1024 ** 5), 'BinarySI'],
    ['3Ei', String(3n * 1024n ** 6n), 'BinarySI'],
    ['10Ti', String(10 * 1024 ** 4), 'BinarySI'],
    ['100Ti', String(100 * 1024 ** 4), 'BinarySI'],
    ['5n', '0.000000005', 'DecimalSI'],
    ['4u', '0.000004', 'DecimalSI'],
    ['3m', '0.003', 'DecimalSI'],
    ['9', '9', 'DecimalSI'],
    ['8k', '8000', 'DecimalSI'],
    ['50k', '50000', 'DecimalSI'],
    ['7M', '7000000', 'DecimalSI'],
    ['6G', '6000000000', 'DecimalSI'],
    ['5T', '5000000000000', 'DecimalSI'],
    ['40T', '40000000000000', 'DecimalSI'],
    ['300T', '300000000000000', 'DecimalSI'],
    ['2P', '2000000000000000', 'DecimalSI'],
    ['1E', '1000000000000000000', 'DecimalSI'],
    ['1E-3', '0.001', 'DecimalExponent'],
    ['1e3', '1000', 'DecimalExponent'],
    ['1E6', '1000000', 'DecimalExponent'],
    ['1e9', '1000000000', 'DecimalExponent'],
    ['1E12', '1000000000000', 'DecimalExponent'],
    ['1e15', '1000000000000000', 'DecimalExponent'],
    ['1E18', '1000000000000000000', 'DecimalExponent'],
    ['1e14', '100000000000000', 'DecimalExponent'],
    ['1e13', '10000000000000', 'DecimalExponent'],
    ['100.035k', '100035', 'DecimalSI'],
    ['0.001', '0.001', 'DecimalSI'],
    ['0.0005k', '0.5', 'DecimalSI'],
    ['0.005', '0.005', 'DecimalSI'],
    ['0.05', '0.05', 'DecimalSI'],
    ['0.5', '0.5', 'DecimalSI'],
    ['0.00050k', '0.5', 'DecimalSI'],
    ['0.00500', '0.005', 'DecimalSI'],
    ['0.05000', '0.05', 'DecimalSI'],
    ['0.50000', '0.5', 'DecimalSI'],
    ['0.5e0', '0.5', 'DecimalExponent'],
    ['0.5e-1', '0.05', 'DecimalExponent'],
    ['0.5e-2', '0.005', 'DecimalExponent'],
    ['10.035M', '10035000', 'DecimalSI'],
    ['1.2e3', '1200', 'DecimalExponent'],
    ['1.3E+6', '1300000', 'DecimalExponent'],
    ['1.40e9', '1400000000', 'DecimalExponent'],
    ['1.53E12', '1530000000000', 'DecimalExponent'],
    ['1.6e15', '1600000000000000', 'DecimalExponent'],
    ['1.7E18', '1700000000000000000', 'DecimalExponent'],
    ['9.01', '9.01', 'DecimalSI'],
    ['8.1k', '8100', 'DecimalSI'],
    ['7.123456M', '7123456', 'DecimalSI'],
    ['6.987654321G', '6987654321', 'DecimalSI'],
    ['5.444T', '5444000000000', 'DecimalSI'],
    ['40.1T', '40100000000000', 'DecimalSI'],
    ['300.2T', '300200000000000', 'DecimalSI'],
    ['2.5P', '2500000000000000', 'DecimalSI'],
    ['1.01E', '1010000000000000000', 'DecimalSI'],
    // Rounded up to nano units, or capped.
    ['3.001n', '0.000000004', 'DecimalSI'],
    ['1.1E-9', '0.000000002', 'DecimalExponent'],
    ['0.0000000001', '0.000000001', 'DecimalSI'],
    ['0.0000000005', '0.000000001', 'DecimalSI'],
    ['0.00000000050', '0.000000001', 'DecimalSI'],
    ['0.5e-9', '0.000000001', 'DecimalExponent'],
    ['0.9n', '0.000000001', 'DecimalSI'],
    ['0.00000012345', '0.000000124', 'DecimalSI'],
    ['0.00000012354', '0.000000124', 'DecimalSI'],
    ['9Ei', String(maxInt64), 'BinarySI'],
    ['9223372036854775807Ki', String(maxInt64), 'BinarySI'],
    ['12E', '12000000000000000000', 'DecimalSI'],
    // Fractional binary values.
    ['100.035Ki', '102435.84', 'BinarySI'],
    ['0.5Mi', String(0.5 * 1024 * 1024), 'BinarySI'],
    ['0.05Gi', '53687091.2', 'BinarySI'],
    ['0.025Ti', '27487790694.4', 'BinarySI'],
    // Odd but accepted.
    ['0.000000000001Ki', '0.000000002', 'DecimalSI'],
    ['.001', '0.001', 'DecimalSI'],
    ['.0001k', '0.1', 'DecimalSI'],
    ['1.', '1', 'DecimalSI'],
    ['1.G', '1000000000', 'DecimalSI'],
  ];

  for (const [input, value, format] of table) {
    it(`parses ${input}`, () => {
      const got = q(input);
      assert.equal(got.toDecimalString(), value);
      assert.equal(got.format, format);
      const neg = q(`-${input}`);
      assert.equal(neg.toDecimalString(), value === '0' ? '0' : `-${value}`);
      assert.equal(neg.format, format);
      const plus = q(`+${input}`);
      assert.equal(plus.cmp(got), 0);
      assert.equal(plus.format, format);
    });
  }

  it("rejects malformed input with upstream's messages", () => {
    const formatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    assert.equal(quantityErrors.formatWrong, formatWrong);
    assert.equal(parseError(''), formatWrong);
    assert.equal(parseError('1.1.M'), formatWrong);
    assert.equal(parseError('1+1.0M'), formatWrong);
    assert.equal(parseError('aoeu'), formatWrong);
    assert.equal(parseError(' 1'), formatWrong);
    assert.equal(parseError('1 '), formatWrong);
    assert.equal(parseError('1e3e'), formatWrong);
    assert.equal(parseError('0.1mi'), "unable to parse quantity's suffix");
    assert.equal(parseError('0.1am'), formatWrong);
    assert.equal(parseError('.5i'), "unable to parse quantity's suffix");
    assert.equal(parseError('1i'), "unable to parse quantity's suffix");
    assert.equal(parseError('-3.01i'), "unable to parse quantity's suffix");
    assert.equal(parseError('-3.01e-'), "unable to parse quantity's suffix");
    assert.equal(parseError('1e'), "unable to parse quantity's suffix");
    assert.equal(parseError('1KI'), formatWrong);
    assert.equal(parseError('1kK'), "unable to parse quantity's suffix");
    assert.equal(parseError('1e99999999999999999999'), "unable to parse quantity's suffix");
    assert.equal(parseError('.e-20'), 'unable to parse numeric part of quantity');
    assert.throws(() => mustParse('x'), { message: `cannot parse 'x': ${formatWrong}` });
  });

  it('accepts what the scanner accepts, however odd', () => {
    assert.equal(q('-').isZero(), true);
    assert.equal(q('+').isZero(), true);
    assert.equal(q('.').isZero(), true);
    assert.equal(q('00').toString(), '0');
  });
});

describe('serialization', () => {
  it('emits the canonical form of constructed values', () => {
    // [value, canonical, an alternate spelling that parses to the same canonical form]
    const table: [Quantity, string, string][] = [
      [dec(1024 * 1024 * 1024, 0, 'BinarySI'), '1Gi', '1024Mi'],
      [dec(300 * 1024 * 1024, 0, 'BinarySI'), '300Mi', '307200Ki'],
      [dec(6 * 1024, 0, 'BinarySI'), '6Ki', ''],
      [dec(1001 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1001Gi', '1025024Mi'],
      [dec(1024 * 1024 * 1024 * 1024, 0, 'BinarySI'), '1Ti', '1024Gi'],
      [dec(5, 0, 'BinarySI'), '5', '5000m'],
      [dec(500, -3, 'BinarySI'), '500m', '0.5'],
      [dec(1, 9, 'DecimalSI'), '1G', '1000M'],
      [dec(1000, 6, 'DecimalSI'), '1G', '0.001T'],
      [dec(1000000, 3, 'DecimalSI'), '1G', ''],
      [dec(1000000000, 0, 'DecimalSI'), '1G', ''],
      [dec(1, -3, 'DecimalSI'), '1m', '1000u'],
      [dec(80, -3, 'DecimalSI'), '80m', ''],
      [dec(1080, -3, 'DecimalSI'), '1080m', '1.08'],
      [dec(108, -2, 'DecimalSI'), '1080m', '1080000000n'],
      [dec(10800, -4, 'DecimalSI'), '1080m', ''],
      [dec(300, 6, 'DecimalSI'), '300M', ''],
      [dec(1, 12, 'DecimalSI'), '1T', ''],
      [dec(1234567, 6, 'DecimalSI'), '1234567M', ''],
      [dec(1234567, -3, 'BinarySI'), '1234567m', ''],
      [dec(3, 3, 'DecimalSI'), '3k', ''],
      [dec(1025, 0, 'BinarySI'), '1025', ''],
      [dec(0, 0, 'DecimalSI'), '0', ''],
      [dec(0, 0, 'BinarySI'), '0', ''],
      [dec(1, 9, 'DecimalExponent'), '1e9', '.001e12'],
      [dec(1, -3, 'DecimalExponent'), '1e-3', '0.001e0'],
      [dec(1, -9, 'DecimalExponent'), '1e-9', '1000e-12'],
      [dec(80, -3, 'DecimalExponent'), '80e-3', ''],
      [dec(300, 6, 'DecimalExponent'), '300e6', ''],
      [dec(1, 12, 'DecimalExponent'), '1e12', ''],
      [dec(1, 3, 'DecimalExponent'), '1e3', ''],
      [dec(3, 3, 'DecimalExponent'), '3e3', ''],
      [dec(0, 0, 'DecimalExponent'), '0', '00'],
      [dec(1, -9, 'DecimalSI'), '1n', ''],
      [dec(80, -9, 'DecimalSI'), '80n', ''],
      [dec(1080, -9, 'DecimalSI'), '1080n', ''],
      [dec(108, -8, 'DecimalSI'), '1080n', ''],
      [dec(10800, -10, 'DecimalSI'), '1080n', ''],
      [dec(1, -6, 'DecimalSI'), '1u', ''],
      [dec(80, -6, 'DecimalSI'), '80u', ''],
      [dec(1080, -6, 'DecimalSI'), '1080u', ''],
    ];
    for (const [value, canonical, alternate] of table) {
      assert.equal(value.toString(), canonical);
      assert.equal(q(canonical).toString(), canonical);
      if (alternate) assert.equal(q(alternate).toString(), canonical, alternate);
      if (!value.isZero()) assert.equal(value.neg().toString(), `-${canonical}`);
    }
  });

  it('re-emits parsed values as upstream', () => {
    const table: [string, string][] = [
      ['1Ki', '1Ki'],
      ['1Mi', '1Mi'],
      ['1Gi', '1Gi'],
      ['1024Mi', '1Gi'],
      ['1000M', '1G'],
      ['.001Ki', '1024m'],
      ['.000001Ki', '1024u'],
      ['.000000001Ki', '1024n'],
      ['.000000000001Ki', '2n'],
      ['1000m', '1'],
      ['1536Mi', '1536Mi'],
      ['1.5Gi', '1536Mi'],
      ['1.5Ki', '1536'],
      ['0.5', '500m'],
      ['100m', '100m'],
      ['1500m', '1500m'],
      ['1.5', '1500m'],
      ['2000m', '2'],
      ['128974848', '128974848'],
      ['129e6', '129e6'],
      ['129M', '129M'],
      ['123Mi', '123Mi'],
      ['1e3', '1e3'],
      ['1E3', '1E3'],
      ['1000e0', '1e3'],
      ['10e3', '10e3'],
      ['1.3E+6', '1300e3'],
      ['0.1m', '100u'],
      ['9Ei', '9223372036854775807'],
      ['12E', '12E'],
      ['100.035Ki', '102435840m'],
      ['0.5Mi', '512Ki'],
    ];
    for (const [input, expected] of table) {
      assert.equal(q(input).toString(), expected, input);
      const neg = q(`-${input}`);
      if (!neg.isZero()) assert.equal(neg.toString(), `-${expected}`, `-${input}`);
    }
  });

  it('keeps the input verbatim where upstream does', () => {
    // Upstream keeps the original string when the fast parse path sees it as canonical.
    assert.equal(q('+1').toString(), '+1');
    assert.equal(q('01').toString(), '01');
    assert.equal(q('1.').toString(), '1.');
    assert.equal(q('1.G').toString(), '1.G');
    assert.equal(q('1.500').toString(), '1.500');
    assert.equal(q('1e+3').toString(), '1e+3');
    assert.equal(q('+1Ki').toString(), '+1Ki');
    // ... but not where the digits end in 000 or start with 0.
    assert.equal(q('1000').toString(), '1k');
    assert.equal(q('0.5').toString(), '500m');
    assert.equal(q('1.5k').toString(), '1500');
  });

  it('drops the suffix for decimal exponents beyond E, as upstream does', () => {
    assert.equal(q('1000E').toString(), '1');
    assert.equal(q('10E').toString(), '10E');
    assert.equal(q('10000000000000000000').toString(), '10E');
  });

  it('serializes to JSON as a string and reads JSON values', () => {
    assert.equal(JSON.stringify({ cpu: q('0.5') }), '{"cpu":"500m"}');
    assert.equal(Quantity.fromJSON(' 1Gi ').toString(), '1Gi');
    assert.equal(Quantity.fromJSON(0.25).toString(), '250m');
    assert.equal(Quantity.fromJSON(2).toString(), '2');
    assert.equal(Quantity.fromJSON(null).toString(), '0');
    assert.throws(() => Quantity.fromJSON(true), QuantityParseError);
  });

  it('builds quantities like NewQuantity, NewMilliQuantity and NewScaledQuantity', () => {
    assert.equal(Quantity.fromMilli(1, 'DecimalSI').toString(), '1m');
    assert.equal(Quantity.fromMilli(1000, 'DecimalSI').toString(), '1');
    assert.equal(Quantity.fromMilli(1234000, 'DecimalSI').toString(), '1234');
    assert.equal(Quantity.fromMilli(1024, 'BinarySI').toString(), '1024m');
    assert.equal(Quantity.fromMilli(1000000, 'DecimalExponent').toString(), '1e3');
    assert.equal(Quantity.fromMilli(1024 * 1024, 'BinarySI').toString(), '1048576m');
    assert.equal(Quantity.fromInt(1, 'DecimalSI').toString(), '1');
    assert.equal(Quantity.fromInt(1000, 'DecimalSI').toString(), '1k');
    assert.equal(Quantity.fromInt(1234000, 'DecimalSI').toString(), '1234k');
    assert.equal(Quantity.fromInt(1024, 'BinarySI').toString(), '1Ki');
    assert.equal(Quantity.fromInt(1000000, 'DecimalExponent').toString(), '1e6');
    assert.equal(Quantity.fromInt(1024 * 1024, 'BinarySI').toString(), '1Mi');
    const scaled: [number, number, string][] = [
      [1, Scale.Nano, '1n'],
      [1000, Scale.Nano, '1u'],
      [1, Scale.Micro, '1u'],
      [1000, Scale.Micro, '1m'],
      [1, Scale.Milli, '1m'],
      [1000, Scale.Milli, '1'],
      [1, 0, '1'],
      [0, Scale.Nano, '0'],
      [0, 0, '0'],
    ];
    for (const [v, scale, text] of scaled) {
      const got = Quantity.fromScaled(v, scale);
      assert.equal(got.toString(), text);
      assert.equal(q(text).scaledValue(scale), v);
    }
  });
});

describe('comparison and arithmetic', () => {
  it('compares', () => {
    assert.equal(q('0').cmp(q('0')), 0);
    assert.equal(q('100m').cmp(q('50m')), 1);
    assert.equal(q('50m').cmp(q('100m')), -1);
    assert.equal(q('10000T').cmp(q('100Gi')), 1);
    assert.equal(q('1').cmp(q('1000m')), 0);
    assert.ok(q('1Ki').equals(q('1024')));
    const table: [Quantity, Quantity, number][] = [
      [dec(901, -2, 'DecimalSI'), dec(901, -2, 'DecimalSI'), 0],
      [dec(90, -1, 'DecimalSI'), dec(901, -2, 'DecimalSI'), -1],
      [dec(901, -2, 'DecimalSI'), dec(900, -2, 'DecimalSI'), 1],
      [dec(0, 1, 'DecimalSI'), dec(0, -1, 'DecimalSI'), 0],
      [dec(800, -3, 'DecimalSI'), dec(1, 0, 'DecimalSI'), -1],
      [dec(800, -3, 'DecimalSI'), dec(79, -2, 'DecimalSI'), 1],
      [dec(maxInt64, 0, 'DecimalSI'), dec(1, -1, 'DecimalSI'), 1],
      [dec(maxInt64, 1, 'DecimalSI'), dec(1, 0, 'DecimalSI'), 1],
      [dec(maxInt64, -16, 'DecimalSI'), dec(1, 3, 'DecimalSI'), -1],
      [dec(-maxInt64 - 1n, 0, 'DecimalSI'), dec(0, 0, 'DecimalSI'), -1],
      [dec(-maxInt64 - 1n, -18, 'DecimalSI'), dec(-1, 0, 'DecimalSI'), -1],
      [dec(-maxInt64 - 1n, -19, 'DecimalSI'), dec(-1, 0, 'DecimalSI'), 1],
      [dec(10n ** 18n, -17, 'DecimalSI'), dec(1, 1, 'DecimalSI'), 0],
      [dec(10n ** 18n, -17, 'DecimalSI'), dec(-10, 0, 'DecimalSI'), 1],
      [dec(-(10n ** 18n), -17, 'DecimalSI'), dec(-10, 0, 'DecimalSI'), 0],
      [dec(10n ** 18n + 1n, -17, 'DecimalSI'), dec(1, 1, 'DecimalSI'), 1],
      [dec(10n ** 18n - 1n, -17, 'DecimalSI'), dec(1, 1, 'DecimalSI'), -1],
      [dec(1, 1000000, 'DecimalSI'), dec(9, 999999, 'DecimalSI'), 1],
      [dec(-1, 1000000, 'DecimalSI'), dec(-9, 999999, 'DecimalSI'), -1],
    ];
    for (const [a, b, want] of table) {
      assert.equal(a.cmp(b), want, `${a.toString()} vs ${b.toString()}`);
      assert.equal(b.cmp(a), want === 0 ? 0 : -want);
    }
    assert.equal(q('1500m').cmpInt(1), 1);
    assert.equal(q('1').cmpInt(1), 0);
    assert.equal(q('-1Ki').cmpInt(-1024), 0);
    assert.equal(q('1').sign(), 1);
    assert.equal(q('-1m').sign(), -1);
    assert.equal(q('0Gi').sign(), 0);
  });

  it('adds and subtracts, taking the format of y when starting from zero', () => {
    assert.equal(dec(10, 0, 'DecimalSI').add(dec(1, 1, 'DecimalSI')).toDecimalString(), '20');
    assert.equal(dec(10, 0, 'DecimalSI').add(dec(1, 0, 'BinarySI')).format, 'DecimalSI');
    assert.equal(dec(10, 0, 'BinarySI').add(dec(1, 0, 'DecimalSI')).format, 'BinarySI');
    assert.equal(dec(10, 0, 'DecimalSI').sub(dec(1, 1, 'DecimalSI')).isZero(), true);
    assert.equal(dec(0, 0, 'DecimalSI').sub(dec(50, 0, 'DecimalSI')).toDecimalString(), '-50');
    for (const v of ['100m', '1Gi']) {
      const value = q(v);
      const zero = q('0');
      assert.equal(value.add(zero).toString(), v);
      assert.equal(zero.add(value).toString(), v);
      assert.equal(value.sub(zero).toString(), v);
      assert.equal(zero.sub(value).toString(), value.neg().toString());
    }
    assert.equal(q('1Gi').add(q('512Mi')).toString(), '1536Mi');
    assert.equal(q('100m').add(q('1.9')).toString(), '2');
    assert.equal(q('1').sub(q('1500m')).toString(), '-500m');
    assert.equal(q('9Ei').add(q('9Ei')).toDecimalString(), String(2n * maxInt64));
    assert.equal(q('1').add(q('1n')).toString(), '1000000001n');
  });

  it('adds and subtracts back to zero across scales', () => {
    let sum = Quantity.fromInt(0);
    const values: Quantity[] = [];
    for (let i = 0; i < 200; i++) {
      const v = Quantity.fromScaled(BigInt(Math.floor(Math.random() * 2 ** 53)) * 1000n + BigInt(i), (i % 21) - 10);
      values.push(v);
      sum = sum.add(v);
    }
    for (const v of values) sum = sum.sub(v);
    assert.ok(sum.isZero());
  });

  it('negates without changing the original', () => {
    const a = dec(901, -2, 'DecimalSI');
    const n = a.neg();
    assert.equal(n.toString(), '-9010m');
    assert.equal(a.toString(), '9010m');
    assert.equal(n.neg().cmp(a), 0);
    assert.equal(Quantity.fromInt(10, 'BinarySI').neg().toDecimalString(), '-10');
  });

  it('rounds up as RoundUp', () => {
    const table: [string, number, string, boolean][] = [
      ['9.01', -3, '9.01', true],
      ['9.01', -2, '9.01', true],
      ['9.01', -1, '9.1', false],
      ['9.01', 0, '10', false],
      ['9.01', 1, '10', false],
      ['9.01', 2, '100', false],
      ['-9.01', -3, '-9.01', true],
      ['-9.01', -2, '-9.01', true],
      ['-9.01', -1, '-9.1', false],
      ['-9.01', 0, '-10', false],
      ['-9.01', 1, '-10', false],
      ['-9.01', 2, '-100', false],
    ];
    for (const [input, scale, want, exact] of table) {
      for (const value of [q(input), dec(BigInt(Math.round(Number(input) * 100)), -2, 'DecimalSI')]) {
        const got = value.roundUp(scale);
        assert.equal(got.quantity.toDecimalString(), want, `${input} at ${scale}`);
        assert.equal(got.exact, exact);
      }
    }
  });
});

describe('integer accessors', () => {
  it('rounds up to the requested scale', () => {
    const table: [number, number, number][] = [
      [Scale.Nano, Scale.Nano, 1],
      [Scale.Nano, Scale.Micro, 1],
      [Scale.Nano, Scale.Milli, 1],
      [Scale.Nano, 0, 1],
      [Scale.Micro, Scale.Nano, 1000],
      [Scale.Micro, Scale.Micro, 1],
      [Scale.Micro, Scale.Milli, 1],
      [Scale.Micro, 0, 1],
      [Scale.Milli, Scale.Nano, 1000 * 1000],
      [Scale.Milli, Scale.Micro, 1000],
      [Scale.Milli, Scale.Milli, 1],
      [Scale.Milli, 0, 1],
      [0, Scale.Nano, 1000 * 1000 * 1000],
      [0, Scale.Micro, 1000 * 1000],
      [0, Scale.Milli, 1000],
      [0, 0, 1],
      [2, -2, 100 * 100],
    ];
    for (const [from, to, want] of table) {
      assert.equal(Quantity.fromScaled(1, from).scaledValue(to), want);
      assert.equal(dec(1, from, 'DecimalSI').scaledValue(to), want);
    }
  });

  it('gives Value and MilliValue', () => {
    assert.equal(q('1').value(), 1);
    assert.equal(q('1').milliValue(), 1000);
    assert.equal(q('100m').milliValue(), 100);
    assert.equal(q('100m').value(), 1);
    assert.equal(q('1.5').value(), 2);
    assert.equal(q('1Gi').value(), 1073741824);
    assert.equal(q('1.5Gi').value(), 1610612736);
    assert.equal(q('0.1m').milliValue(), 1);
    assert.equal(q('250u').milliValue(), 1);
    assert.equal(q('2').scaledValueBig(0), 2n);
    assert.equal(q('9Ei').scaledValueBig(0), maxInt64);
    assert.equal(maxMilliValue, maxInt64 / 1000n);
  });

  it("keeps upstream's rounding of negative values in each representation", () => {
    // The int64 form rounds away from zero ...
    assert.equal(q('-1.5').value(), -2);
    assert.equal(Quantity.fromMilli(-1500).value(), -2);
    // ... the inf.Dec form truncates and then adds one when there is a remainder.
    assert.equal(dec(-15, -1, 'DecimalSI').value(), 0);
    assert.equal(dec(15, -1, 'DecimalSI').value(), 2);
    assert.equal(q('-1.5Ki').milliValue(), -1536000);
  });

  it('reports AsInt64 for the fast form only', () => {
    assert.equal(q('1k').asInt64(), 1000n);
    assert.equal(q('1500m').asInt64(), undefined);
    assert.equal(q('1.5Gi').asInt64(), undefined);
    assert.equal(Quantity.fromInt(7).asInt64(), 7n);
  });

  it('approximates floats', () => {
    assert.equal(q('2Ki').asApproximateFloat64(), 2048);
    assert.equal(q('1.1Ki').asApproximateFloat64(), 1126.4);
    assert.equal(q('1Mi').asApproximateFloat64(), 1.048576e6);
    assert.equal(q('2Gi').asApproximateFloat64(), 2.147483648e9);
    assert.equal(q('0').asApproximateFloat64(), 0);
    assert.equal(q('500m').asApproximateFloat64(), 0.5);
  });
});
