import { CommonError } from '@samverka/kernel';
import { decodeCsv, detectDelimiter, parseReportsCsv, readReportRow, reportsCsv, statusOf } from './follow-up-csv';

const HEADER = 'Kod;Område;Insats;Status;Färdigt (%);Kommentar;Orsak;Vad som behövs;Senast rapporterad';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
/** Windows-1252 bytes of a text in Latin-1's range (å ä ö Å Ä Ö are the same code points). */
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

function refusal(work: () => unknown): { field: string; rule: string; message: string } {
  try {
    work();
  } catch (e) {
    expect(e).toBeInstanceOf(CommonError);
    return (e as CommonError).details![0];
  }
  throw new Error('not refused');
}

describe('follow-up CSV', () => {
  describe(reportsCsv.name, () => {
    it('writes a BOM, Swedish headers, `;`, the status as its Swedish label, and a blank row for an item not reported', () => {
      const text = reportsCsv([
        { code: 'LS-1', area: 'LS', title: 'Ärendehantering; gemensam', status: 'at_risk', progress: 40, comment: '=SUM(A1)', cause: 'Brist på personal', needed: 'Två tjänster', reportedAt: '2027-04-28 10:15' },
        { code: 'LS-2', area: 'LS', title: 'Chatt', status: null, progress: null, comment: null, cause: null, needed: null, reportedAt: null },
      ]);
      expect(text.split('\r\n')).toEqual([
        `\uFEFF${HEADER}`,
        `LS-1;LS;"Ärendehantering; gemensam";Risk för försening;40;'=SUM(A1);Brist på personal;Två tjänster;2027-04-28 10:15`,
        'LS-2;LS;Chatt;;;;;;',
        '',
      ]);
    });
  });

  describe(decodeCsv.name, () => {
    it('takes a UTF-8 BOM, else valid UTF-8, else Windows-1252', () => {
      expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Kod;Status\nå;ä')]))).toEqual({ text: 'Kod;Status\nå;ä', encoding: 'utf-8', bom: true });
      expect(decodeCsv(utf8('Kod;Åtgärd'))).toEqual({ text: 'Kod;Åtgärd', encoding: 'utf-8', bom: false });
      expect(decodeCsv(cp1252('Kod;Åtgärd öl'))).toEqual({ text: 'Kod;Åtgärd öl', encoding: 'windows-1252', bom: false });
      // 0x80 is the euro sign in Windows-1252 (not Latin-1)
      expect(decodeCsv(Buffer.from([0x80, 0x3b, 0xe4])).text).toBe('€;ä');
    });
  });

  describe(detectDelimiter.name, () => {
    it('reads the header line: `;` unless it has more `,`', () => {
      expect(detectDelimiter('Kod;Status;Kommentar\n1,2,3,4,5')).toBe(';');
      expect(detectDelimiter('Kod,Status,Kommentar\r\nx;y')).toBe(',');
      expect(detectDelimiter('Kod')).toBe(';');
    });
  });

  describe(statusOf.name, () => {
    it('accepts the code or the Swedish label, any case and spacing', () => {
      expect(statusOf('on_track')).toBe('on_track');
      expect(statusOf(' enligt PLAN ')).toBe('on_track');
      expect(statusOf('Risk för försening')).toBe('at_risk');
      expect(statusOf('Klar')).toBe('done');
      expect(statusOf('klart')).toBeNull();
      expect(statusOf('')).toBeNull();
    });
  });

  describe(parseReportsCsv.name, () => {
    it('numbers rows by their first line, past blank lines and a quoted line break, in any column order', () => {
      const file = utf8(`Status;Kod;Kommentar;Färdigt (%)\r\nKlar;LS-1;"Klart\r\nenligt plan";100\r\n\r\nEnligt plan;LS-2;Pågår;50\r\n`);
      const parsed = parseReportsCsv(file);
      expect(parsed).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
      expect(parsed.rows).toEqual([
        { line: 2, cells: { status: 'Klar', code: 'LS-1', comment: 'Klart\nenligt plan', progress: '100' } },
        { line: 5, cells: { status: 'Enligt plan', code: 'LS-2', comment: 'Pågår', progress: '50' } },
      ]);
    });

    it('reads a `,`-separated Windows-1252 file with å, ä, ö', () => {
      const parsed = parseReportsCsv(cp1252('Kod,Status,Färdigt (%),Kommentar,Orsak,Vad som behövs\nLS-1,Försenad,30,Väntar på åtgärd,Ökad ärendemängd,Fler händer\n'));
      expect(parsed).toMatchObject({ encoding: 'windows-1252', delimiter: ',' });
      expect(parsed.rows[0].cells).toEqual({ code: 'LS-1', status: 'Försenad', progress: '30', comment: 'Väntar på åtgärd', cause: 'Ökad ärendemängd', needed: 'Fler händer' });
    });

    it('refuses an empty file, a file without the required columns, and broken quoting, at the file', () => {
      expect(refusal(() => parseReportsCsv(Buffer.alloc(0)))).toMatchObject({ field: 'file', rule: 'isNotEmpty' });
      expect(refusal(() => parseReportsCsv(utf8('\uFEFF\r\n')))).toMatchObject({ field: 'file', rule: 'isNotEmpty' });
      expect(refusal(() => parseReportsCsv(utf8('Kod;Status\nLS-1;Klar')))).toEqual({ field: 'file', rule: 'columns', message: 'Filen saknar kolumnerna Färdigt (%), Kommentar: utgå från den exporterade filen' });
      expect(refusal(() => parseReportsCsv(utf8('Kod;Status;Färdigt (%);Kommentar\nLS-1;Klar;100;"oavslutad')))).toMatchObject({ field: 'file', rule: 'csv' });
    });
  });

  describe(readReportRow.name, () => {
    const row = (cells: Record<string, string>, line = 2) => readReportRow({ line, cells });

    it('reads a good row, with a status label, a percent sign and the formula guard undone', () => {
      expect(row({ code: ' LS-1 ', status: 'Enligt plan', progress: '60 %', comment: "'-minskad kö", cause: '', needed: '' })).toEqual({
        line: 2, itemCode: 'LS-1', blank: false, status: 'on_track', progress: 60, comment: '-minskad kö', cause: null, needed: null, errors: [],
      });
    });

    it('is blank with nothing but the code (and the columns it does not read)', () => {
      expect(row({ code: 'LS-2', status: ' ', progress: '', comment: '' })).toMatchObject({ blank: true, errors: [] });
    });

    it('names every broken rule of the row at once', () => {
      expect(row({ code: '', status: 'Pågår', progress: 'hälften', comment: '' }).errors).toEqual([
        { field: 'code', rule: 'isNotEmpty', message: 'Raden saknar insatsens kod' },
        { field: 'status', rule: 'isIn', message: expect.stringContaining('Okänd status "Pågår"') },
        { field: 'progress', rule: 'isInt', message: expect.stringContaining('"hälften" är inget heltal') },
        { field: 'comment', rule: 'isNotEmpty', message: 'Skriv en kommentar om läget' },
      ]);
      expect(row({ code: 'LS-1', status: 'Försenad', progress: '120', comment: 'Sent' }).errors.map((e) => [e.field, e.rule])).toEqual([
        ['progress', 'range'],
        ['cause', 'isNotEmpty'],
        ['needed', 'isNotEmpty'],
      ]);
      expect(row({ code: 'LS-1', status: 'klar', progress: '90', comment: 'Nästan' }).errors.map((e) => [e.field, e.rule])).toEqual([['progress', 'doneIsComplete']]);
      expect(row({ code: 'LS-1', status: '', progress: '', comment: 'Bara en kommentar' }).errors.map((e) => [e.field, e.rule])).toEqual([
        ['status', 'isNotEmpty'],
        ['progress', 'isNotEmpty'],
      ]);
    });
  });
});
