import { NEED_MAX, NeedFields, needViolations } from './need.rules';

const TODAY = '2026-03-10';

const need = (over: Partial<NeedFields> = {}): NeedFields => ({
  areaCode: 'LOKAL_SERVICE',
  title: 'Vägledning på biblioteken',
  description: 'Invånare tar med kommunala ärenden till biblioteken.',
  channels: ['library'],
  districts: ['norr'],
  targetGroups: [],
  evidence: { kind: 'survey', source: 'Enkät', date: '2026-01-15' },
  monthlyVolume: 400,
  priority: 'high',
  consequence: null,
  ...over,
});

const rulesOf = (n: Partial<NeedFields>) => needViolations(n, TODAY).map((v) => `${v.field}:${v.rule}`);
const chars = (n: number) => 'x'.repeat(n);
const codes = (n: number) => Array.from({ length: n }, (_, i) => `code_${i}`);

describe(needViolations.name, () => {
  it('accepts a complete need', () => {
    expect(needViolations(need(), TODAY)).toEqual([]);
  });

  it('reports every broken rule at once, in the order of the form, with a Swedish message each', () => {
    const violations = needViolations(need({ areaCode: ' ', title: '', description: '  ', channels: [], evidence: { kind: 'survey', source: '', date: '2026-03-11' }, monthlyVolume: -1 }), TODAY);
    expect(violations).toEqual([
      { field: 'areaCode', rule: 'isNotEmpty', message: 'Välj utvecklingsområde' },
      { field: 'title', rule: 'isNotEmpty', message: 'Ange en rubrik' },
      { field: 'description', rule: 'isNotEmpty', message: 'Beskriv behovet' },
      { field: 'channels', rule: 'arrayNotEmpty', message: 'Välj minst en kanal' },
      { field: 'evidence.source', rule: 'isNotEmpty', message: 'Ange underlagets källa' },
      { field: 'evidence.date', rule: 'notInFuture', message: 'Underlagets datum kan inte ligga i framtiden' },
      { field: 'monthlyVolume', rule: 'min', message: 'Antal ärenden per månad kan inte vara negativt' },
    ]);
  });

  it.each([
    ['areaCode', NEED_MAX.areaCode],
    ['title', NEED_MAX.title],
    ['description', NEED_MAX.description],
    ['consequence', NEED_MAX.consequence],
  ] as const)('%s: %i characters (trimmed) are accepted, one more is maxLength', (field, max) => {
    expect(rulesOf(need({ [field]: ` ${chars(max)} ` }))).toEqual([]);
    expect(rulesOf(need({ [field]: chars(max + 1) }))).toEqual([`${field}:maxLength`]);
  });

  it('the evidence source: at most its maximum', () => {
    expect(rulesOf(need({ evidence: { kind: 'survey', source: chars(NEED_MAX.evidenceSource), date: null } }))).toEqual([]);
    expect(rulesOf(need({ evidence: { kind: 'survey', source: chars(NEED_MAX.evidenceSource + 1), date: null } }))).toEqual(['evidence.source:maxLength']);
  });

  it('the evidence date: today is accepted, tomorrow refused; no date and no evidence are fine', () => {
    expect(rulesOf(need({ evidence: { kind: 'statistics', source: 'Statistik', date: TODAY } }))).toEqual([]);
    expect(rulesOf(need({ evidence: { kind: 'statistics', source: 'Statistik', date: '2026-03-11' } }))).toEqual(['evidence.date:notInFuture']);
    expect(rulesOf(need({ evidence: { kind: 'statistics', source: 'Statistik', date: null } }))).toEqual([]);
    expect(rulesOf(need({ evidence: { kind: 'statistics', source: 'Statistik' } }))).toEqual([]);
    expect(rulesOf(need({ evidence: null }))).toEqual([]);
  });

  it('monthly volume: 0 and the maximum are accepted; -1 is min and one above the maximum is max; none is fine', () => {
    expect(rulesOf(need({ monthlyVolume: 0 }))).toEqual([]);
    expect(rulesOf(need({ monthlyVolume: NEED_MAX.monthlyVolume }))).toEqual([]);
    expect(rulesOf(need({ monthlyVolume: -1 }))).toEqual(['monthlyVolume:min']);
    expect(needViolations(need({ monthlyVolume: NEED_MAX.monthlyVolume + 1 }), TODAY)).toEqual([
      { field: 'monthlyVolume', rule: 'max', message: 'Antal ärenden per månad får vara högst 10 000 000' },
    ]);
    expect(rulesOf(need({ monthlyVolume: null }))).toEqual([]);
  });

  it('channels: at least one (blank codes do not count); each tag list at most its maximum of distinct codes', () => {
    expect(rulesOf(need({ channels: [' '] }))).toEqual(['channels:arrayNotEmpty']);
    expect(rulesOf(need({ districts: [], targetGroups: [] }))).toEqual([]);
    for (const field of ['channels', 'districts', 'targetGroups'] as const) {
      expect(rulesOf(need({ [field]: codes(NEED_MAX.codes) }))).toEqual([]);
      expect(rulesOf(need({ [field]: [...codes(NEED_MAX.codes), 'code_0'] }))).toEqual([]);
      expect(rulesOf(need({ [field]: codes(NEED_MAX.codes + 1) }))).toEqual([`${field}:arrayMaxSize`]);
    }
  });

  it('checks only the fields given, so a change can be checked alone', () => {
    expect(rulesOf({ title: '' })).toEqual(['title:isNotEmpty']);
    expect(rulesOf({})).toEqual([]);
  });
});
