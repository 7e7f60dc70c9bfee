import type { PlanDocument, PlanItem, PlanResponsibility } from '../plan.model';
import { diffPlans, isEmptyDiff } from './plan-diff';

const SOC = { kind: 'department' as const, departmentId: 'd-soc', name: 'Socialförvaltningen' };
const KC = { kind: 'contactCentre' as const, name: 'Kontaktcenter' };

const resp = (over: Partial<PlanResponsibility> = {}): PlanResponsibility => ({ organisation: SOC, role: 'accountable', expectations: 'Leder arbetet', effortHours: 100, ...over });

const item = (over: Partial<PlanItem> = {}): PlanItem => ({
  id: 'i-1',
  code: 'LS-1',
  areaCode: 'LOKAL_SERVICE',
  title: 'Vägledning på biblioteken',
  description: 'Bibliotekarier vägleder invånare i kommunala ärenden.',
  expectedEffect: null,
  indicator: null,
  startsOn: '2027 T1',
  endsOn: '2027 T3',
  status: 'planned',
  carriedOverFrom: null,
  needs: [],
  responsibilities: [resp()],
  ...over,
});

const doc = (items: PlanItem[], over: Partial<PlanDocument> = {}): PlanDocument => ({
  roundId: 'r-1',
  version: null,
  frozenAt: null,
  frozenBy: null,
  texts: { introduction: 'Inledning', contactCentreMandate: 'Mandat', departmentResponsibility: 'Ansvar' },
  areas: [
    { code: 'LOKAL_SERVICE', name: 'Lokal service', introduction: '', items: items.filter((i) => i.areaCode === 'LOKAL_SERVICE') },
    { code: 'DIGITALISERING', name: 'Digitalisering', introduction: '', items: items.filter((i) => i.areaCode === 'DIGITALISERING') },
  ],
  deferrals: [],
  ...over,
});

const need = (id: string) => ({ id, title: `Behov ${id}`, departmentId: 'd-soc', departmentName: 'Socialförvaltningen', areaCode: 'LOKAL_SERVICE' });

describe(diffPlans.name, () => {
  it('finds nothing between a document and itself', () => {
    const d = doc([item()]);
    expect(isEmptyDiff(diffPlans(d, d))).toBe(true);
  });

  it('lists added and removed items, with the responsibilities they bring or take away', () => {
    const a = doc([item()]);
    const b = doc([item({ id: 'i-2', code: 'DI-1', areaCode: 'DIGITALISERING', title: 'E-tjänst', responsibilities: [resp({ organisation: KC, role: 'responsible' })] })]);
    const d = diffPlans(a, b);
    expect(d.itemsAdded).toEqual([{ id: 'i-2', code: 'DI-1', areaCode: 'DIGITALISERING', title: 'E-tjänst' }]);
    expect(d.itemsRemoved).toEqual([{ id: 'i-1', code: 'LS-1', areaCode: 'LOKAL_SERVICE', title: 'Vägledning på biblioteken' }]);
    expect(d.itemsChanged).toEqual([]);
    expect(d.responsibilitiesChanged).toEqual([
      { itemId: 'i-2', code: 'DI-1', title: 'E-tjänst', organisation: KC, before: null, after: { role: 'responsible', expectations: 'Leder arbetet', effortHours: 100 } },
      { itemId: 'i-1', code: 'LS-1', title: 'Vägledning på biblioteken', organisation: SOC, before: { role: 'accountable', expectations: 'Leder arbetet', effortHours: 100 }, after: null },
    ]);
  });

  it('reports a changed item field by field, with a word-level diff of its texts', () => {
    const d = diffPlans(doc([item()]), doc([item({ description: 'Bibliotekarier vägleder alla invånare i kommunala ärenden.', endsOn: '2028 T1' })]));
    expect(d.itemsChanged).toHaveLength(1);
    const [changed] = d.itemsChanged;
    expect(changed.fields.map((f) => f.field)).toEqual(['description', 'endsOn']);
    expect(changed.fields[1]).toEqual({ field: 'endsOn', before: '2027 T3', after: '2028 T1' });
    expect(changed.fields[0].words?.filter((w) => w.added).map((w) => w.value.trim())).toEqual(['alla']);
    expect(changed.fields[0].words?.some((w) => w.removed)).toBe(false);
    expect(d.responsibilitiesChanged).toEqual([]);
  });

  it('reports needs answered or no longer answered as added and removed', () => {
    const d = diffPlans(doc([item({ needs: [need('n-1'), need('n-2')] })]), doc([item({ needs: [need('n-2'), need('n-3')] })]));
    expect(d.itemsChanged[0].needsAdded.map((n) => n.id)).toEqual(['n-3']);
    expect(d.itemsChanged[0].needsRemoved.map((n) => n.id)).toEqual(['n-1']);
    expect(d.itemsChanged[0].fields).toEqual([]);
  });

  it('reports a responsibility per organisation: changed role, expectations or effort, and a new organisation', () => {
    const a = doc([item()]);
    const b = doc([item({ responsibilities: [resp({ effortHours: 120 }), resp({ organisation: KC, role: 'consulted', expectations: 'Bistår', effortHours: null })] })]);
    const d = diffPlans(a, b);
    expect(d.itemsChanged).toEqual([]);
    expect(d.responsibilitiesChanged).toEqual([
      { itemId: 'i-1', code: 'LS-1', title: 'Vägledning på biblioteken', organisation: SOC, before: { role: 'accountable', expectations: 'Leder arbetet', effortHours: 100 }, after: { role: 'accountable', expectations: 'Leder arbetet', effortHours: 120 } },
      { itemId: 'i-1', code: 'LS-1', title: 'Vägledning på biblioteken', organisation: KC, before: null, after: { role: 'consulted', expectations: 'Bistår', effortHours: null } },
    ]);
  });

  it('matches items by code when the id is not on the other side (a carried-over plan)', () => {
    const d = diffPlans(doc([item({ id: 'old' })]), doc([item({ id: 'new', title: 'Vägledning på alla bibliotek' })]));
    expect(d.itemsAdded).toEqual([]);
    expect(d.itemsRemoved).toEqual([]);
    expect(d.itemsChanged.map((c) => [c.id, c.fields.map((f) => f.field)])).toEqual([['new', ['title']]]);
  });

  it('keeps an item matched by id when its code changed', () => {
    const d = diffPlans(doc([item()]), doc([item({ code: 'LS-7' })]));
    expect(d.itemsChanged[0].fields).toEqual([{ field: 'code', before: 'LS-1', after: 'LS-7' }]);
  });

  it('reports plan-level texts and area introductions that changed', () => {
    const a = doc([]);
    const b = doc([], { texts: { introduction: 'Inledning', contactCentreMandate: 'Nytt mandat', departmentResponsibility: 'Ansvar' } });
    b.areas[1] = { ...b.areas[1], introduction: 'Om digitalisering' };
    const d = diffPlans(a, b);
    expect(d.textsChanged.map((t) => [t.field, t.areaCode, t.before, t.after])).toEqual([
      ['contactCentreMandate', undefined, 'Mandat', 'Nytt mandat'],
      ['areaIntroduction', 'DIGITALISERING', '', 'Om digitalisering'],
    ]);
    expect(d.textsChanged[0].words.filter((w) => w.added).map((w) => w.value.trim())).toEqual(['Nytt mandat']);
  });
});
