import { areaPrefixes, nextItemCode } from './plan-item-code';

describe(areaPrefixes.name, () => {
  it('takes the initials of a multi-word code and the first two letters of a one-word code', () => {
    expect(Object.fromEntries(areaPrefixes(['LOKAL_SERVICE', 'DIGITALISERING', 'TILLGANGLIGHET', 'RATTIGHETSBASERAD', 'SAMARBETSPROCESS']))).toEqual({
      LOKAL_SERVICE: 'LS',
      DIGITALISERING: 'DI',
      TILLGANGLIGHET: 'TI',
      RATTIGHETSBASERAD: 'RA',
      SAMARBETSPROCESS: 'SA',
    });
  });

  it("lengthens prefixes that two of the round's areas would share, and only those", () => {
    expect(Object.fromEntries(areaPrefixes(['LOKAL_SERVICE', 'LOKAL_SAMVERKAN', 'DIGITALISERING', 'DIALOG', 'TRYGGHET']))).toEqual({
      LOKAL_SERVICE: 'LSE',
      LOKAL_SAMVERKAN: 'LSA',
      DIGITALISERING: 'DIG',
      DIALOG: 'DIA',
      TRYGGHET: 'TR',
    });
  });

  it('keeps to letters (digits and other signs are dropped) and at most six of them', () => {
    expect(areaPrefixes(['OMRADE_2_A']).get('OMRADE_2_A')).toBe('OA');
    expect(areaPrefixes(['ABCDEFGHX', 'ABCDEFGHY']).get('ABCDEFGHX')).toBe('ABCDEF');
    expect(areaPrefixes(['A_B_C_D_E_F_G']).get('A_B_C_D_E_F_G')).toBe('ABCDEF');
    expect(areaPrefixes(['42']).get('42')).toBe('X');
  });
});

describe(nextItemCode.name, () => {
  it('is one above the highest number used with the prefix', () => {
    expect(nextItemCode('LS', [])).toBe('LS-1');
    expect(nextItemCode('LS', ['LS-1', 'LS-7', 'DI-9', 'LSE-12'])).toBe('LS-8');
  });
});
