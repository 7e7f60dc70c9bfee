import { headingsOf, parseDocx } from '../../../../test/support/docx';
import { PlanDocument } from '../plan.model';
import { assembleDepartmentSummary } from '../services/responsibility.assembler';
import { buildDepartmentSummaryDocument } from './department-summary.document';
import { DocumentHeading } from './docx-parts';
import { buildPlanVersionDocument } from './plan-version.document';

const PRESCHOOL = { id: 'd-preschool', name: 'Förskoleförvaltningen' };

const doc: PlanDocument = {
  roundId: 'r1',
  version: 2,
  frozenAt: '2027-04-15T10:00:00.000Z',
  frozenBy: 'Åsa Öberg',
  texts: {
    introduction: 'Planen gäller 2027 och framåt.\nDen bygger på förvaltningarnas behov.',
    contactCentreMandate: 'Kontaktcenter besvarar allmänna frågor & <lotsar> vidare.',
    departmentResponsibility: 'Förvaltningarna ansvarar för sina egna myndighetsprocesser.',
  },
  areas: [
    {
      code: 'LS',
      name: 'Lokal service',
      introduction: 'Service nära invånarna.',
      items: [
        {
          id: 'i1',
          code: 'LS-1',
          areaCode: 'LS',
          title: 'Gemensam ingång för förskoleärenden',
          description: 'Ärenden om förskola tas emot i kontaktcenter.',
          expectedEffect: 'Kortare väntetider.',
          indicator: 'Andel ärenden lösta direkt.',
          startsOn: '2027 T1',
          endsOn: '2027 T2',
          status: 'planned',
          carriedOverFrom: null,
          needs: [{ id: 'n1', title: 'Fler svar direkt', departmentId: PRESCHOOL.id, departmentName: PRESCHOOL.name, areaCode: 'LS' }],
          responsibilities: [
            { organisation: { kind: 'contactCentre', name: 'Kontaktcenter' }, role: 'accountable', expectations: 'Leder arbetet.', effortHours: 100 },
            { organisation: { kind: 'department', departmentId: PRESCHOOL.id, name: PRESCHOOL.name }, role: 'responsible', expectations: 'Utser en kontaktperson senast 2027-02-01.', effortHours: 40 },
          ],
        },
      ],
    },
    { code: 'TI', name: 'Tillgänglighet', introduction: '', items: [] },
  ],
  deferrals: [],
};

const heading: DocumentHeading = { roundTitle: 'Utvecklingsplan för kontaktcenter 2027 och framåt', caseNumber: 'STK-2026-1400', version: 2, dateText: '15 april 2027' };

describe('the plan version document', () => {
  it('carries the title, Swedish, the case number, version and date on the first page, heading styles and the items with repeating table headers', async () => {
    const d = await parseDocx(await buildPlanVersionDocument(doc, heading));
    expect(d.title).toBe('Utvecklingsplan, version 2: Utvecklingsplan för kontaktcenter 2027 och framåt');
    expect(d.stylesXml).toContain('w:lang w:val="sv-SE"');
    expect(headingsOf(d, 'Title')).toEqual([d.title]);
    // The heading styles are real styles of the document (a screen reader's and Word's navigation pane).
    for (const style of ['Title', 'Heading1', 'Heading2', 'Heading3']) expect(d.stylesXml).toContain(`w:styleId="${style}"`);
    const firstPage = d.paragraphs.slice(0, 5).map((p) => p.text);
    expect(firstPage).toEqual(expect.arrayContaining(['Diarienummer: STK-2026-1400', 'Version: 2', 'Fastställd: 15 april 2027']));
    expect(headingsOf(d, 'Heading1')).toEqual([
      'Inledning',
      'Kontaktcenters uppdrag och mandat',
      'Förvaltningarnas ansvar för de egna myndighetsprocesserna',
      'Insatser per utvecklingsområde',
      'Uppskattad insats per organisation',
    ]);
    expect(headingsOf(d, 'Heading2')).toEqual(['Lokal service', 'Tillgänglighet']);
    expect(headingsOf(d, 'Heading3')).toEqual(['LS-1 Gemensam ingång för förskoleärenden']);
    expect(d.text).toContain('Kontaktcenter besvarar allmänna frågor & <lotsar> vidare.');
    expect(d.text).toContain('Utser en kontaktperson senast 2027-02-01.');
    expect(d.text).toContain('Inga insatser inom området.');
    expect(d.text).toContain('Svarar mot behov: Fler svar direkt (Förskoleförvaltningen)');
    // The item's responsibilities table and the totals table each repeat their header row.
    expect(d.repeatingHeaderRows).toBe(2);
  });

  it('says a draft is a draft', async () => {
    const d = await parseDocx(await buildPlanVersionDocument({ ...doc, version: null, frozenAt: null }, { ...heading, version: null, dateText: '1 mars 2027' }));
    expect(d.text).toContain('Version: Utkast (inte fastställt)');
    expect(d.text).toContain('Utskrivet: 1 mars 2027');
  });
});

describe('the department summary document', () => {
  it("lists the department's items with its part beside the contact centre's, and its total effort", async () => {
    const d = await parseDocx(await buildDepartmentSummaryDocument(assembleDepartmentSummary(doc, PRESCHOOL), heading));
    expect(d.title).toBe('Ansvarsfördelning för Förskoleförvaltningen, version 2');
    expect(d.stylesXml).toContain('w:lang w:val="sv-SE"');
    expect(d.text).toContain('Diarienummer: STK-2026-1400');
    expect(headingsOf(d, 'Heading1')).toEqual(['Sammanfattning', 'Insatser']);
    expect(headingsOf(d, 'Heading2')).toEqual(['LS-1 Gemensam ingång för förskoleärenden']);
    expect(d.text).toContain('Total uppskattad insats: 40 timmar per år (0,02 årsarbetskrafter)');
    // Side by side: the header names the department and the contact centre; the rows hold both parts.
    expect(d.text).toMatch(/Förskoleförvaltningen\nKontaktcenter\nRoll\nUtför \(R\)\nAnsvarig \(A\)\nFörväntningar\nUtser en kontaktperson senast 2027-02-01.\nLeder arbetet./);
    expect(d.repeatingHeaderRows).toBe(1);
  });

  it('says so when nothing is expected of the department', async () => {
    const d = await parseDocx(await buildDepartmentSummaryDocument(assembleDepartmentSummary(doc, { id: 'x', name: 'Miljöförvaltningen' }), heading));
    expect(d.text).toContain('Inga insatser för er förvaltning i den här versionen.');
    expect(headingsOf(d, 'Heading1')).toEqual(['Sammanfattning']);
  });
});
