import type { FollowUpItemHistory, FollowUpView, RollUp } from '@samverka/follow-up';
import { principal } from '../../../../../test/support/principals';
import { statusOverPeriodsSvg } from './follow-up-chart';
import { buildFollowUpItemPage, buildPeriodsPage } from './follow-up-item-page.presenter';
import { buildFollowUpDepartmentPage, buildFollowUpPage, rollUpView } from './follow-up-page.presenter';

const counts = { not_started: 0, on_track: 1, at_risk: 0, delayed: 1, done: 0, cancelled: 0, not_reported: 1 };
const rollUp = (values: Partial<RollUp> = {}): RollUp => ({ weightedProgress: 34, coveredEffortHours: 500, totalEffortHours: 700, effortCoverage: 71.4, reported: 4, notReported: 1, statusCounts: counts, ...values });

const view: FollowUpView = {
  plan: { roundId: 'r1', title: 'Utvecklingsplan 2026', year: 2026, state: 'followUp', today: '2026-03-02', period: { id: 'p1', label: 'T1', dueOn: '2026-02-16', position: 0, due: true }, rollUp: rollUp() },
  periods: [
    { id: 'p1', label: 'T1', dueOn: '2026-02-16', position: 0, due: true },
    { id: 'p2', label: 'T2', dueOn: '2026-06-15', position: 1, due: false },
  ],
  areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service', rollUp: rollUp() }],
  items: [
    {
      itemId: 'i1',
      code: 'LS-1',
      areaCode: 'LOKAL_SERVICE',
      title: 'Vägledning',
      effortHours: 100,
      progress: 60,
      status: 'delayed',
      organisations: [
        { organisation: { kind: 'department', departmentId: 'd1' }, name: 'Förskoleförvaltningen', status: 'on_track', progress: 80, revision: 1, comment: 'Bra', reportedAt: '2026-02-10T09:00:00.000Z', reportedBy: 'Annika' },
        { organisation: { kind: 'department', departmentId: 'd2' }, name: 'Kulturförvaltningen', status: 'delayed', progress: 40, revision: 1, comment: 'Sent', reportedAt: '2026-02-10T09:00:00.000Z', reportedBy: 'Bo' },
      ],
    },
  ],
  departments: [
    { organisation: { kind: 'department', departmentId: 'd1' }, name: 'Förskoleförvaltningen', obligations: 2, reported: 1, missing: 1, overdue: 1, rollUp: rollUp({ weightedProgress: 65 }) },
    { organisation: { kind: 'contactCentre' }, name: 'Kontaktcenter', obligations: 1, reported: 0, missing: 1, overdue: 1, rollUp: rollUp({ weightedProgress: null }) },
  ],
  overdue: [
    { organisation: { kind: 'department', departmentId: 'd1' }, name: 'Förskoleförvaltningen', itemId: 'i2', itemCode: 'LS-2', itemTitle: 'Datorer', periodId: 'p1', periodLabel: 'T1', dueOn: '2026-02-16', lateSince: '2026-02-17', workingDaysLate: 10 },
    { organisation: { kind: 'contactCentre' }, name: 'Kontaktcenter', itemId: 'i3', itemCode: 'TG-1', itemTitle: 'Ingång', periodId: 'p1', periodLabel: 'T1', dueOn: '2026-02-16', lateSince: '2026-02-17', workingDaysLate: 1 },
  ],
  statusOverPeriods: [{ periodId: 'p1', label: 'T1 <&>', dueOn: '2026-02-16', counts }],
};

describe('the follow-up pages', () => {
  it('says a roll-up in words: the figure, the effort it covers and the items reported', () => {
    expect(rollUpView('x', 'Hela planen', rollUp())).toEqual({
      id: 'x',
      name: 'Hela planen',
      value: 34,
      hasValue: true,
      figure: '34 % klart',
      coverage: 'Viktat efter uppskattad tid: räknat på 500 h av 700 h (71,4 %)',
      counts: '4 av 5 insatser rapporterade, 1 ej rapporterad',
    });
    expect(rollUpView('x', 'Område', rollUp({ weightedProgress: null, totalEffortHours: 0, coveredEffortHours: 0, effortCoverage: null, reported: 0, notReported: 1 }))).toMatchObject({
      hasValue: false,
      figure: 'Ej rapporterad: ingen rapporterad insats med uppskattad tid',
      coverage: 'Ingen insats har uppskattad tid',
      counts: '0 av 1 insats rapporterade, 1 ej rapporterad',
    });
  });

  it('builds the round page: the period chosen, links to departments and items, what is late, the periods form for strategists only', () => {
    const page = buildFollowUpPage(view, principal({ strategist: true }));
    expect(page.periodForm?.options.map((o) => o.selected)).toEqual([true, false]);
    expect(page.periodsHref).toBe('/planomgangar/r1/uppfoljning/perioder');
    expect(buildFollowUpPage(view, principal({ management: ['d1'] })).periodsHref).toBeNull();
    expect(page.items[0]).toMatchObject({ href: '/planomgangar/r1/uppfoljning/insatser/i1', area: 'Lokal service', effort: '100 h', progress: '60 %', status: { text: 'Försenad' } });
    expect(page.overdue.map((o) => [o.href, o.late])).toEqual([['/planomgangar/r1/uppfoljning/forvaltningar/d1', '10 arbetsdagar'], [null, '1 arbetsdag']]);
    expect(page.departments.map((d) => d.progress)).toEqual(['65 %', 'Ej rapporterad']);
    expect(page.chart?.rows).toEqual([{ label: 'T1 <&>', cells: [0, 1, 0, 1, 0, 0, 1] }]);
  });

  it("builds a department's page from its own reports and what it owes", () => {
    const page = buildFollowUpDepartmentPage(view, 'd2', 'Kulturförvaltningen');
    expect(page.items).toEqual([expect.objectContaining({ code: 'LS-1', status: expect.objectContaining({ text: 'Försenad' }), progress: '40 %' })]);
    expect(page.overdue).toEqual([]);
    expect(page.summary).toBe('Förvaltningen rapporterar inte på någon insats i planen.');
    expect(buildFollowUpDepartmentPage(view, 'd1', 'Förskoleförvaltningen').overdue.map((o) => o.item)).toEqual(['LS-2 Datorer']);
  });

  it('draws the chart as an image with its name, escaped labels and no style attribute', () => {
    const svg = statusOverPeriodsSvg(view.statusOverPeriods, 'Status per period');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Status per period"');
    expect(svg).toContain('T1 &lt;&amp;&gt;');
    expect(svg).not.toContain('style=');
    expect((svg.match(/<rect /g) ?? []).length).toBe(3 + 7);
    expect(statusOverPeriodsSvg([], 'x')).toBe('');
  });

  describe('an item', () => {
    const history: FollowUpItemHistory = {
      roundId: 'r1',
      roundTitle: 'Utvecklingsplan 2026',
      state: 'followUp',
      item: { itemId: 'i1', code: 'LS-1', areaCode: 'LOKAL_SERVICE', areaName: 'Lokal service', title: 'Vägledning', effortHours: 100 },
      reporters: [
        { organisation: { kind: 'department', departmentId: 'd1' }, name: 'Förskoleförvaltningen' },
        { organisation: { kind: 'contactCentre' }, name: 'Kontaktcenter' },
      ],
      periods: view.periods,
      reports: [
        { id: 'x2', roundId: 'r1', periodId: 'p1', itemId: 'i1', itemCode: 'LS-1', organisation: { kind: 'department', departmentId: 'd1' }, revision: 2, status: 'on_track', progress: 60, comment: 'Rättat', cause: null, needed: null, source: 'form', reportedBy: 'Annika', reportedAt: '2026-02-11T09:00:00.000Z' },
        { id: 'x1', roundId: 'r1', periodId: 'p1', itemId: 'i1', itemCode: 'LS-1', organisation: { kind: 'department', departmentId: 'd1' }, revision: 1, status: 'delayed', progress: 40, comment: 'Sent', cause: 'Bemanning', needed: 'Vikarier', source: 'api', reportedBy: 'Annika', reportedAt: '2026-02-10T09:00:00.000Z' },
      ],
      today: '2026-03-02',
    };

    it("gives the department's coordinator the form for the department alone, for the period not yet due", () => {
      const page = buildFollowUpItemPage(history, principal({ coordinator: ['d1'] }));
      expect(page.form).toMatchObject({ organisationHidden: { value: 'd1', name: 'Förskoleförvaltningen' }, organisations: [] });
      expect(page.form?.periods.find((p) => p.selected)?.value).toBe('p2');
      expect(page.form?.statuses[0].id).toBe('status');
      expect(page.history.map((h) => [h.revision, h.organisation])).toEqual([['Rättelse 1', 'Förskoleförvaltningen'], ['Första rapporten', 'Förskoleförvaltningen']]);
    });

    it('lets a coordinator who is also a strategist choose the organisation; management reads without a form', () => {
      expect(buildFollowUpItemPage(history, principal({ coordinator: ['d1'], strategist: true })).form?.organisations.map((o) => [o.id, o.value])).toEqual([['organisation', 'd1'], ['organisation-1', 'kontaktcenter']]);
      expect(buildFollowUpItemPage(history, principal({ management: ['d1'] })).form).toBeNull();
      expect(buildFollowUpItemPage({ ...history, state: 'closed' }, principal({ coordinator: ['d1'] })).noReportReason).toContain('uppföljning');
    });

    it('keeps what was typed and links each error to its field', () => {
      const values = { periodId: 'p1', organisation: 'd1', status: 'delayed', progress: '40', comment: 'Sent', cause: '', needed: '' };
      const page = buildFollowUpItemPage(history, principal({ coordinator: ['d1'] }), { failure: { values, errors: { cause: 'Beskriv orsaken', needed: 'Beskriv vad som behövs' }, general: ['Försök igen'], status: 400 } });
      expect(page.errorSummary).toEqual([{ text: 'Beskriv orsaken', href: '#cause' }, { text: 'Beskriv vad som behövs', href: '#needed' }, { text: 'Försök igen', href: '#rapportera' }]);
      expect(page.form?.values).toEqual(values);
      expect(page.form?.statuses.find((s) => s.checked)?.value).toBe('delayed');
      expect(page.notice).toBeNull();
    });
  });

  it('builds the periods form with two blank rows for new periods', () => {
    const page = buildPeriodsPage({ id: 'r1', title: 'Plan' }, view.periods);
    expect(page.rows.map((r) => [r.legend, r.id, r.label])).toEqual([['Period 1', 'p1', 'T1'], ['Period 2', 'p2', 'T2'], ['Ny period 3', '', ''], ['Ny period 4', '', '']]);
  });
});
