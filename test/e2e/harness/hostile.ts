import fc from 'fast-check';

/**
 * The values a hostile client sends: the same list for the API harness (JSON bodies, query strings,
 * path segments) and the form harness (form-encoded fields). Each is a plain string or number, so a
 * failing case prints readably; `DEEP` is a marker the senders replace with JSON nested 5,000 deep.
 */
export const DEEP = '\u0000__harness_deep_nesting__';

/** JSON nested `depth` deep, alternating arrays and objects (the text, as JSON.stringify cannot build it without recursing). */
export function deeplyNested(depth = 5000): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    if (i % 2 === 0) {
      open += '{"a":';
      close = '}' + close;
    } else {
      open += '[';
      close = ']' + close;
    }
  }
  return `${open}1${close}`;
}

export const IMPOSSIBLE_DATES = ['2025-02-30', '9999-12-31', '0000-01-01', '2026-13-01', '2026-00-10', '2026-1-1', '2025-02-29', '+020260-01-01', '2026-06-31', '1899-12-31'];
export const SQL = ["'; drop table committee; --", "' or 1=1 --", "1; select pg_sleep(0)", '"; delete from person where ""="', "%' union select null --"];
export const SCRIPT = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("return 1")()}}'];
export const CONTROL = ['\u0000', 'a\u0000b', '\u0001\u0002\u0007\u001b[31m', '\r\n\t', '\u202e\u200b\ufeff', '\u0085\u2028\u2029'];
/** Lone UTF-16 surrogates (JSON.stringify writes them as \ud800 escapes; a form encodes them as U+FFFD). */
export const SURROGATES = ['\ud800', 'a\udc00b', '\udbff\udfff\ud800'];
export const HUGE_NUMBERS = [1e308, -1e308, 2 ** 63, -(2 ** 53) - 2, 1.5, -1, 0, 1e20, Number.MIN_VALUE];
export const NUMBER_TEXTS = ['99999999999999999999', '1e300', '-0', '0x10', 'NaN', 'Infinity', '1.5', '-1', ' 1', '٣'];

/** Names an object lookup must not find on Object.prototype. */
export const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty', 'prototype'];

const oversized = fc.constantFrom(201, 301, 1001, 4001, 8001, 20_000, 300_000).map((n) => 'å'.repeat(n));

/** A hostile string: control characters, surrogates, SQL, script, impossible dates, numbers as text, oversized. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CONTROL),
  fc.constantFrom(...SURROGATES),
  fc.constantFrom(...SQL),
  fc.constantFrom(...SCRIPT),
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom(...NUMBER_TEXTS),
  fc.constantFrom('', ' ', '   ', 'null', 'undefined', 'true', '[]', '{}', '../../etc/passwd', '%00', '%ZZ', 'Å'),
  fc.constantFrom(...PROTOTYPE_NAMES),
  { arbitrary: oversized, weight: 1 },
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A hostile JSON value of any type, or the marker for deep nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  { arbitrary: fc.constantFrom(...HUGE_NUMBERS), weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }, [[[]]], ['a', 1, null]), weight: 2 },
  { arbitrary: fc.constant(DEEP), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** A path segment a client could type: hostile text, encoded for the address (lone surrogates as their raw UTF-8 bytes, which URL encoding cannot express). */
export const malformedSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '1', 'abc', 'null', '-1', '00000000-0000-0000-0000-00000000000g', '00000000000000000000000000000000', '{id}', '%', '%00', '%ED%A0%80', 'a%00b', '..', '%2e%2e', 'Ω'),
  hostileString.filter((s) => s.length > 0 && s.length < 5000).map(encodeSegment),
);

/** encodeURIComponent that also takes lone surrogates (as the bytes a careless client would send). */
export function encodeSegment(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += '%ED%' + (0x80 | ((cp >> 6) & 0x3f)).toString(16).toUpperCase() + '%' + (0x80 | (cp & 0x3f)).toString(16).toUpperCase();
    else out += encodeURIComponent(ch);
  }
  return out;
}

/** Authorization headers that name nobody. */
export const garbageAuthorization = fc.constantFrom(
  'Bearer ',
  'Bearer x',
  'Bearer ' + 'a'.repeat(43),
  'Bearer ' + 'å'.repeat(43),
  'Bearer ' + 'A'.repeat(5000),
  'bearer null',
  'Basic YWRtaW46YWRtaW4=',
  'Bearer a b',
  'Token abc',
  "Bearer ' or 1=1 --",
);

export const ifMatchValues = fc.constantFrom('*', '"1"', '1', 'W/"2"', '"0"', '"999999999"', '"9999999999"', '"-1"', 'abc', '"1", "2"', '', 'W/', '"' + 'å'.repeat(8) + '"');

/** A unique-ish token for values that must not collide (codes, e-mails, years stay in their ranges). */
export const suffix = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 4, maxLength: 8 });
