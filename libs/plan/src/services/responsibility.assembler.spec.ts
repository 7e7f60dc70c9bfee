import { PlanDocument, PlanItem, PlanResponsibility } from '../plan.model';
import { assembleDepartmentSummary, assembleMatrix, departmentChanges, formatEffort, formatPeriod } from './responsibility.assembler';

const CULTURE = { id: 'd-culture', name: 'Kulturförvaltningen' };
const PRESCHOOL = { id: 'd-preschool', name: 'Förskoleförvaltningen' };

const dept = (d: { id: string; name: string }, role: PlanResponsibility['role'], expectations: string, effortHours: number | null = null): PlanResponsibility => ({
  organisation: { kind: 'department', departmentId: d.id, name: d.name },
  role,
  expectations,
  effortHours,
});
const centre = (role: PlanResponsibility['role'], expectations: string, effortHours: number | null = null): PlanResponsibility => ({
  organisation: { kind: 'contactCentre', name: 'Kontaktcenter' },
  role,
  expectations,
  effortHours,
});

const item = (id: string, areaCode: string, responsibilities: PlanResponsibility[], values: Partial<PlanItem> = {}): PlanItem => ({
  id,
  code: id.toUpperCase(),
  areaCode,
  title: `Insats ${id}`,
  description: 'Beskrivning.',
  expectedEffect: null,
  indicator: null,
  startsOn: '2027 T1',
  endsOn: '2027 T2',
  status: 'planned',
  carriedOverFrom: null,
  needs: [],
  responsibilities,
  ...values,
});

const plan = (items: PlanItem[], version: number | null = 1): PlanDocument => ({
  roundId: 'r1',
  version,
  frozenAt: version === null ? null : '2027-04-15T10:00:00.000Z',
  frozenBy: null,
  texts: { introduction: '', contactCentreMandate: '', departmentResponsibility: '' },
  areas: [
    { code: 'LS', name: 'Lokal service', introduction: '', items: items.filter((i) => i.areaCode === 'LS') },
    { code: 'TI', name: 'Tillgänglighet', introduction: '', items: items.filter((i) => i.areaCode === 'TI') },
  ],
  deferrals: [],
});

const doc = plan([
  item('ls-1', 'LS', [centre('accountable', 'Leder arbetet.', 100), dept(PRESCHOOL, 'responsible', 'Utser kontaktperson.', 40), dept(CULTURE, 'informed', 'Tar del.')]),
  item('ls-2', 'LS', [dept(CULTURE, 'accountable', 'Äger processen.', 60.5)]),
  item('ti-1', 'TI', [centre('responsible', 'Skriver texterna.', 20), dept(PRESCHOOL, 'consulted', 'Granskar.', 8)]),
]);

describe('assembleMatrix', () => {
  it('puts the contact centre first, then the departments with a role by name, with the RACI letters and the totals', () => {
    const m = assembleMatrix(doc);
    expect(m.organisations.map((o) => [o.name, o.totalEffortHours])).toEqual([
      ['Kontaktcenter', 120],
      ['Förskoleförvaltningen', 48],
      ['Kulturförvaltningen', 60.5],
    ]);
    expect(m.rows.map((r) => [r.code, r.areaName, ...r.cells.map((c) => c.letter ?? '-')])).toEqual([
      ['LS-1', 'Lokal service', 'A', 'R', 'I'],
      ['LS-2', 'Lokal service', '-', '-', 'A'],
      ['TI-1', 'Tillgänglighet', 'R', 'C', '-'],
    ]);
  });

  it('filters by area, and the totals follow what is shown', () => {
    const m = assembleMatrix(doc, { areaCode: 'TI' });
    expect(m.rows.map((r) => r.code)).toEqual(['TI-1']);
    expect(m.organisations.map((o) => [o.name, o.totalEffortHours])).toEqual([
      ['Kontaktcenter', 20],
      ['Förskoleförvaltningen', 8],
    ]);
    expect(m.filter).toEqual({ areaCode: 'TI', organisation: null });
  });

  it('filters by organisation: only the items in which it has a role (the contact centre by its key)', () => {
    expect(assembleMatrix(doc, { organisation: CULTURE.id }).rows.map((r) => r.code)).toEqual(['LS-1', 'LS-2']);
    expect(assembleMatrix(doc, { organisation: 'contactCentre' }).rows.map((r) => r.code)).toEqual(['LS-1', 'TI-1']);
  });

  it('keeps the contact centre column in an empty plan', () => {
    const m = assembleMatrix(plan([]));
    expect(m.rows).toEqual([]);
    expect(m.organisations).toEqual([{ key: 'contactCentre', kind: 'contactCentre', departmentId: null, name: 'Kontaktcenter', totalEffortHours: 0 }]);
  });
});

describe('assembleDepartmentSummary', () => {
  it("lists the department's items with its part beside the contact centre's, and its total effort", () => {
    const s = assembleDepartmentSummary(doc, PRESCHOOL);
    expect(s.items.map((i) => [i.code, i.roleLabel, i.expectations, i.effortHours, i.contactCentre?.roleLabel ?? null, i.contactCentre?.expectations ?? null])).toEqual([
      ['LS-1', 'Utför (R)', 'Utser kontaktperson.', 40, 'Ansvarig (A)', 'Leder arbetet.'],
      ['TI-1', 'Rådfrågas (C)', 'Granskar.', 8, 'Utför (R)', 'Skriver texterna.'],
    ]);
    expect(s.totalEffortHours).toBe(48);
    expect(s.version).toBe(1);
    expect(s.items[0]).toMatchObject({ areaName: 'Lokal service', startsOn: '2027 T1', endsOn: '2027 T2', statusLabel: 'Planerad' });
  });

  it('is empty for a department without a role', () => {
    const s = assembleDepartmentSummary(doc, { id: 'd-other', name: 'Miljöförvaltningen' });
    expect(s.items).toEqual([]);
    expect(s.totalEffortHours).toBe(0);
  });
});

describe('departmentChanges', () => {
  it("reports exactly what changed in the department's part: a new role, a lost one, a changed role, effort and dates", () => {
    const next = plan([
      item('ls-1', 'LS', [centre('accountable', 'Leder arbetet.', 100), dept(PRESCHOOL, 'accountable', 'Utser kontaktperson.', 80), dept(CULTURE, 'informed', 'Tar del.')], { endsOn: '2027 T3' }),
      item('ls-2', 'LS', [dept(CULTURE, 'accountable', 'Äger processen.', 60.5), dept(PRESCHOOL, 'informed', 'Får veta.')]),
      item('ti-1', 'TI', [centre('responsible', 'Skriver texterna.', 20)]),
    ], 2);
    const changes = departmentChanges(doc, next, PRESCHOOL.id);
    expect(changes).toEqual([
      {
        code: 'LS-1',
        title: 'Insats ls-1',
        kind: 'changed',
        details: [
          'Roll: Utför (R) → Ansvarig (A)',
          'Uppskattad insats: 40 timmar per år (0,02 årsarbetskrafter) → 80 timmar per år (0,05 årsarbetskrafter)',
          'Slut: 2027 T2 → 2027 T3',
        ],
      },
      { code: 'LS-2', title: 'Insats ls-2', kind: 'added', details: ['Ny roll: Informeras (I)'] },
      { code: 'TI-1', title: 'Insats ti-1', kind: 'removed', details: ['Förvaltningen har inte längre någon roll (var Rådfrågas (C))'] },
    ]);
  });

  it("reports the changed fields of an item the department has a role in, and nothing of items it has none in", () => {
    const next = plan([
      item('ls-1', 'LS', doc.areas[0].items[0].responsibilities, { description: 'Ny beskrivning.', status: 'ongoing' }),
      item('ls-2', 'LS', doc.areas[0].items[1].responsibilities, { title: 'Ny rubrik' }),
      doc.areas[1].items[0],
    ], 2);
    expect(departmentChanges(doc, next, PRESCHOOL.id)).toEqual([{ code: 'LS-1', title: 'Insats ls-1', kind: 'changed', details: ['Beskrivning: ändrad', 'Status: Planerad → Pågående'] }]);
  });

  it("is empty when only another organisation's part changed (the contact centre's included)", () => {
    const next = plan([
      item('ls-1', 'LS', [centre('accountable', 'Leder arbetet, nu med en projektledare.', 200), dept(PRESCHOOL, 'responsible', 'Utser kontaktperson.', 40), dept(CULTURE, 'consulted', 'Tycker till.')]),
      item('ls-2', 'LS', [dept(CULTURE, 'accountable', 'Äger processen.', 60.5)]),
      item('ti-1', 'TI', [centre('responsible', 'Skriver texterna.', 20), dept(PRESCHOOL, 'consulted', 'Granskar.', 8)]),
    ], 2);
    expect(departmentChanges(doc, next, PRESCHOOL.id)).toEqual([]);
    expect(departmentChanges(doc, next, CULTURE.id).map((c) => c.details)).toEqual([['Roll: Informeras (I) → Rådfrågas (C)', 'Förväntningar: Tycker till.']]);
  });
});

describe('formatting', () => {
  it('writes effort in hours and FTE, and periods in words', () => {
    expect(formatEffort(null)).toBe('ej uppskattad');
    expect(formatEffort(850)).toBe('850 timmar per år (0,5 årsarbetskrafter)');
    expect(formatEffort(1234.5)).toBe('1\u00a0234,5 timmar per år (0,73 årsarbetskrafter)');
    expect(formatPeriod('2027 T1', null)).toBe('från 2027 T1');
    expect(formatPeriod(null, '2027-06-30')).toBe('till 2027-06-30');
    expect(formatPeriod(null, null)).toBeNull();
  });
});
