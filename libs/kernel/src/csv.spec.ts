import { csvField, toCsv } from './csv';

describe('csv', () => {
  it('defuses text a spreadsheet would run as a formula, and quotes what must be quoted', () => {
    expect(['=SUM(A1)', '+1', '-1', '@x', '\tx', 'vanlig text'].map(csvField)).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tx", 'vanlig text']);
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('två\nrader')).toBe('"två\nrader"');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('writes a BOM, `;` between fields and CRLF after every line', () => {
    expect(toCsv([['Kod', 'Insats'], ['LS-1', null]])).toBe('\uFEFFKod;Insats\r\nLS-1;\r\n');
  });
});
