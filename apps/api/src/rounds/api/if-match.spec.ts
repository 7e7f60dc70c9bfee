import { CommonErrorCode } from '@samverka/kernel';
import { etagOf, versionFromIfMatch } from './if-match';

describe(versionFromIfMatch.name, () => {
  it.each([
    ['3', 3],
    ['"3"', 3],
    ['W/"12"', 12],
    [' "7" ', 7],
  ])('reads %s as version %d', (header, version) => expect(versionFromIfMatch(header)).toBe(version));

  it.each([undefined, '*', ''])('expects no particular version for %p', (header) => expect(versionFromIfMatch(header)).toBeUndefined());

  it.each(['"3", "4"', 'abc', '"-1"', '"3'])('refuses %p naming the header', (header) => {
    expect(() => versionFromIfMatch(header)).toThrow(expect.objectContaining({ code: CommonErrorCode.VALIDATION_FAILED, details: [expect.objectContaining({ field: 'If-Match', rule: 'etag' })] }));
  });

  it('round-trips with the ETag it sets', () => expect(versionFromIfMatch(etagOf(42))).toBe(42));
});
