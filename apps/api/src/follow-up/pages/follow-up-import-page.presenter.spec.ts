import type { ImportContext, ReportImportResult } from '@samverka/follow-up';
import { buildImportPage, defaultPeriod } from './follow-up-import-page.presenter';

const context = (values: Partial<ImportContext> = {}): ImportContext => ({
  roundId: 'r1',
  roundTitle: 'Utvecklingsplan 2027',
  organisationName: 'Kulturförvaltningen',
  periods: [
    { id: 'p1', label: '2027 T1', dueOn: '2027-05-17', position: 0 },
    { id: 'p2', label: '2027 T2', dueOn: '2027-09-15', position: 1 },
  ],
  open: true,
  mayImport: true,
  ...values,
});

const result = (values: Partial<ReportImportResult> = {}): ReportImportResult => ({
  dryRun: true,
  valid: true,
  errors: 0,
  encoding: 'windows-1252',
  delimiter: ',',
  written: 0,
  rows: [
    { line: 2, itemCode: 'LS-1', status: 'created', errors: [] },
    { line: 3, itemCode: 'LS-2', status: 'unchanged', errors: [] },
  ],
  ...values,
});

describe(buildImportPage.name, () => {
  it('offers a download per period and the upload form with the next period chosen', () => {
    const page = buildImportPage(context(), 'd1', '2027-06-01');
    expect(page.downloads).toEqual([
      { href: '/planomgangar/r1/uppfoljning/forvaltningar/d1/rapporter.csv?period=p1', text: 'Hämta CSV-filen för 2027 T1 (sista rapportdag 17 maj 2027)' },
      { href: '/planomgangar/r1/uppfoljning/forvaltningar/d1/rapporter.csv?period=p2', text: 'Hämta CSV-filen för 2027 T2 (sista rapportdag 15 september 2027)' },
    ]);
    expect(page.form?.periods.map((p) => [p.value, p.selected])).toEqual([
      ['p1', false],
      ['p2', true],
    ]);
    expect(page.closedMessage).toBeNull();
    expect(defaultPeriod(context().periods, '2028-01-01')).toBe('p2');
  });

  it('shows the dry run by line, with a confirmation only when the file is valid and changes something', () => {
    const valid = buildImportPage(context(), 'd1', '2027-06-01', { preview: { result: result(), periodId: 'p1', content: 'QUJD' } }).preview!;
    expect(valid.summary).toBe('Filen är granskad och kan importeras: 1 ny rapport, 0 rättelser, 1 oförändrad rad.');
    expect(valid.how).toBe('Filen lästes som Windows-1252 med komma mellan fälten.');
    expect(valid.rows.map((r) => [r.line, r.itemCode, r.tag.text])).toEqual([
      [2, 'LS-1', 'Ny rapport'],
      [3, 'LS-2', 'Oförändrad'],
    ]);
    expect(valid.confirm).toEqual({ action: '/planomgangar/r1/uppfoljning/forvaltningar/d1/import/bekrafta', period: 'p1', content: 'QUJD', button: 'Importera 1 rapport' });

    const bad = result({ valid: false, errors: 1, rows: [{ line: 4, itemCode: '', status: 'invalid', errors: [{ field: 'code', rule: 'isNotEmpty', message: 'Raden saknar insatsens kod' }] }] });
    const refused = buildImportPage(context(), 'd1', '2027-06-01', { preview: { result: bad, periodId: 'p1', content: '' } }).preview!;
    expect(refused).toMatchObject({ invalid: true, confirm: null, summary: expect.stringMatching(/^1 rad har fel/) });
    expect(refused.rows[0]).toMatchObject({ itemCode: '–', errors: ['Kod: Raden saknar insatsens kod'] });

    const nothing = buildImportPage(context(), 'd1', '2027-06-01', { preview: { result: result({ rows: [{ line: 2, itemCode: 'LS-1', status: 'unchanged', errors: [] }] }), periodId: 'p1', content: '' } }).preview!;
    expect(nothing.confirm).toBeNull();
  });

  it('says why there is no upload, and what an import did', () => {
    expect(buildImportPage(context({ mayImport: false }), 'd1', '2027-06-01')).toMatchObject({ form: null, closedMessage: expect.stringContaining('Bara förvaltningens samordnare') });
    expect(buildImportPage(context({ open: false }), 'd1', '2027-06-01').closedMessage).toMatch(/inte i uppföljning/);
    expect(buildImportPage(context(), 'd1', '2027-06-01', { done: { written: 2, unchanged: 1 } }).notice).toBe('2 rapporter importerades; 1 rad var oförändrad och sparades inte på nytt.');
    const failed = buildImportPage(context(), 'd1', '2027-06-01', { failure: { values: { period: 'p1' }, errors: { file: 'Välj CSV-filen att importera' }, general: [] } });
    expect(failed).toMatchObject({ hasErrors: true, errorSummary: [{ text: 'Välj CSV-filen att importera', href: '#file' }] });
  });
});
