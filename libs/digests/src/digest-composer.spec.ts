import { capped, composeDigest, digestSummary, indexFacts } from './digest-composer';
import type { DepartmentRoundRow, ItemRow, OwedRow } from './repositories/digest.repository';

const links = {
  round: (r: string) => `https://s.example/planomgangar/${r}`,
  departmentNeeds: (r: string, d: string) => `https://s.example/planomgangar/${r}/behov/${d}`,
  consultationResponse: (r: string, c: string) => `https://s.example/planomgangar/${r}/remiss/svar/${c}`,
  followUp: (r: string, d: string) => `https://s.example/planomgangar/${r}/uppfoljning/forvaltningar/${d}`,
};
const round = (departmentId: string, departmentName: string, values: Partial<DepartmentRoundRow> = {}): DepartmentRoundRow => ({
  departmentId,
  departmentName,
  roundId: 'r1',
  title: 'Utvecklingsplan 2027',
  state: 'followUp',
  needsDeadline: '2026-04-30',
  consultationReplyDeadline: '2026-06-30',
  decisionDeadline: '2026-09-30',
  ...values,
});
const report = (departmentId: string, code: string, dueOn: string): OwedRow => ({
  departmentId, roundId: 'r1', kind: 'report', dueOn, itemCode: code, itemTitle: `Insats ${code}`, periodLabel: '2026 T1', committeeId: null, committeeName: null, questionCount: 0,
});
const item = (departmentId: string, code: string, reportedAt: string[], status: string | null = 'on_track'): ItemRow => ({
  departmentId, roundId: 'r1', code, title: `Insats ${code}`, status, progress: status ? 30 : null, reportedAt: reportedAt.map((d) => new Date(d)),
});
const window = { start: new Date('2026-05-11T05:00:00Z'), end: new Date('2026-05-25T05:00:00Z') };
const city = [{ roundId: 'r1', title: 'Utvecklingsplan 2027', state: 'followUp', participants: 2, handedIn: 2, recipients: 0, responded: 0, reportsDue: 8, reportsDone: 3 }];

describe('composeDigest', () => {
  const facts = indexFacts({
    rounds: [round('a', 'Förskoleförvaltningen'), round('b', 'Kulturförvaltningen'), round('a', 'Förskoleförvaltningen', { roundId: 'r2', state: 'consultation', title: 'Plan 2028' })],
    owed: [
      ...['1', '2', '3', '4', '5', '6'].map((n) => report('a', `A-${n}`, n === '6' ? '2026-05-01' : '2026-06-15')),
      report('b', 'B-1', '2026-05-01'),
      { departmentId: 'a', roundId: 'r2', kind: 'response', dueOn: '2026-06-30', itemCode: null, itemTitle: null, periodLabel: null, committeeId: 'n1', committeeName: 'Förskolenämnden', questionCount: 2 },
    ],
    items: [
      item('a', 'A-1', ['2026-05-10T23:59:59Z']), // just before the window
      item('a', 'A-2', ['2026-05-11T05:00:00Z', '2026-05-20T08:00:00Z']), // two in the window (its start included)
      item('a', 'A-3', ['2026-05-25T05:00:00Z']), // at the window's end: the next digest's
      item('a', 'A-4', [], null),
      item('b', 'B-1', ['2026-05-20T08:00:00Z']),
    ],
    city,
    coverage: { covered: 1, total: 2 },
  });

  it('contains only the manager’s departments, overdue first, lists capped at five with the rest counted', () => {
    const d = composeDigest(['a'], facts, window, '2026-05-25', links);
    expect(d.sections.departments.map((x) => x.name)).toEqual(['Förskoleförvaltningen']);
    const [followUp, consultation] = d.sections.departments[0].rounds;
    expect(followUp.owed.shown.map((o) => [o.text, o.overdue])).toEqual([
      ['Rapportera A-6 Insats A-6 för 2026 T1', true],
      ...['1', '2', '3', '4'].map((n) => [`Rapportera A-${n} Insats A-${n} för 2026 T1`, false]),
    ]);
    expect([followUp.owed.more, followUp.owed.moreUrl, followUp.overdueCount]).toEqual([1, 'https://s.example/planomgangar/r1', 1]);
    // an owed report links to the department's follow-up page, where it is reported
    expect(followUp.owed.shown[0].href).toBe('https://s.example/planomgangar/r1/uppfoljning/forvaltningar/a');
    expect(consultation).toMatchObject({ phaseLabel: 'Remiss', nextDeadline: { label: 'Sista dag för remissvar', date: '2026-06-30' } });
    expect(consultation.owed.shown).toEqual([{ text: 'Förskolenämnden svarar på remissen (2 frågor att besvara)', dueOn: '2026-06-30', overdue: false, href: 'https://s.example/planomgangar/r2/remiss/svar/n1' }]);
    expect([d.owedCount, d.overdueCount, d.changeCount, d.empty]).toEqual([7, 1, 2, false]);
  });

  it('counts the reports in [start, end) as changes, the changed items first', () => {
    const [followUp] = composeDigest(['a'], facts, window, '2026-05-25', links).sections.departments[0].rounds;
    expect(followUp.changes).toBe(2);
    expect(followUp.items.shown.map((i) => [i.code, i.changed, i.statusLabel])).toEqual([
      ['A-2', true, 'Enligt plan'],
      ['A-1', false, 'Enligt plan'],
      ['A-3', false, 'Enligt plan'],
      ['A-4', false, 'Ej rapporterad'],
    ]);
  });

  it('is empty with nothing owed and nothing new, and shows the city the same to everyone', () => {
    const quiet = indexFacts({ rounds: [round('c', 'Miljöförvaltningen')], owed: [], items: [item('c', 'C-1', ['2026-05-01T00:00:00Z'])], city, coverage: { covered: 1, total: 2 } });
    const d = composeDigest(['c'], quiet, window, '2026-05-25', links);
    expect(d.empty).toBe(true);
    expect(d.sections.city).toEqual({ coverage: { covered: 1, total: 2 }, rounds: [{ roundId: 'r1', title: 'Utvecklingsplan 2027', phaseLabel: 'Uppföljning', submissions: { handedIn: 2, total: 2 }, responses: null, reports: { reported: 3, due: 8 } }] });
    expect(composeDigest(['nobody'], quiet, window, '2026-05-25', links)).toMatchObject({ empty: true, sections: { departments: [] } });
  });

  it('orders several departments by name', () => {
    expect(composeDigest(['b', 'a'], facts, window, '2026-05-25', links).sections.departments.map((x) => x.name)).toEqual(['Förskoleförvaltningen', 'Kulturförvaltningen']);
  });
});

describe('digestSummary and capped', () => {
  it('says it in Swedish, singular and plural', () => {
    expect(digestSummary(1, 0, 1)).toBe('1 att göra; 1 ny rapport');
    expect(digestSummary(5, 2, 0)).toBe('5 att göra, varav 2 försenade; inga nya rapporter');
    expect(digestSummary(0, 0, 3)).toBe('inget att göra; 3 nya rapporter');
  });

  it('caps at five by default, and counts none more at exactly five', () => {
    expect(capped([1, 2, 3, 4, 5], 'u')).toEqual({ shown: [1, 2, 3, 4, 5], more: 0, moreUrl: 'u' });
    expect(capped([1, 2, 3, 4, 5, 6, 7], 'u')).toEqual({ shown: [1, 2, 3, 4, 5], more: 2, moreUrl: 'u' });
  });
});
