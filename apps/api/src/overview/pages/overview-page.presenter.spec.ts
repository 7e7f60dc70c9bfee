import type { CityOverview } from '@samverka/overview';
import { buildOverviewPage, coverageChart } from './overview-page.presenter';

const overview = (values: Partial<CityOverview> = {}): CityOverview => ({
  scope: { all: true, departmentIds: [] },
  today: '2026-03-02',
  rounds: [
    {
      id: 'r1',
      title: 'Utvecklingsplan 2027',
      year: 2027,
      state: 'collectingNeeds',
      deadline: { kind: 'needs', date: '2026-02-27', passed: true },
      participants: 3,
      overdue: [{ kind: 'needs', ownerId: 'd2', ownerName: 'Kulturförvaltningen', dueOn: '2026-02-27', period: null, count: 1 }],
    },
  ],
  coverage: {
    departments: 2,
    withPrimary: 1,
    withoutPrimary: 1,
    rows: [
      { departmentId: 'd1', name: 'Förskoleförvaltningen', primary: { name: 'Annika Åsberg', validTo: null }, deputies: 1 },
      { departmentId: 'd2', name: 'Kulturförvaltningen', primary: null, deputies: 0 },
    ],
  },
  digests: null,
  ...values,
});

describe(buildOverviewPage.name, () => {
  it('names the phase, the deadline, what is overdue and by whom, in Swedish', () => {
    const page = buildOverviewPage(overview());
    expect(page.heading).toBe('Stadsöversikt');
    expect(page.rounds[0]).toMatchObject({
      title: 'Utvecklingsplan 2027 (2027)',
      href: '/planomgangar/r1',
      phase: 'Behovsinsamling',
      deadline: 'Sista dag för behov: 27 februari 2026',
      deadlinePassed: true,
      participants: '3 deltagande förvaltningar',
      overdue: [{ what: 'Behov inte inlämnade', who: 'Kulturförvaltningen', due: '27 februari 2026', period: '', count: 1 }],
    });
  });

  it('sums up the coverage, with a row per department and no digest section without figures', () => {
    const page = buildOverviewPage(overview({ scope: { all: false, departmentIds: ['d1'] } }));
    expect(page.heading).toBe('Översikt för dina förvaltningar');
    expect(page.coverage.summary).toBe('1 av 2 förvaltningar har en giltig samordnare; 1 saknar.');
    expect(page.coverage.rows).toEqual([
      { name: 'Förskoleförvaltningen', primary: 'Annika Åsberg', validTo: 'Tills vidare', deputies: 1, missing: false },
      { name: 'Kulturförvaltningen', primary: 'Saknas', validTo: '–', deputies: 0, missing: true },
    ]);
    expect(page.digests).toBeNull();
  });

  it('draws the coverage bar in proportion, with the numbers as its accessible name', () => {
    const svg = coverageChart(3, 1);
    expect(svg).toContain('aria-label="Samordnartäckning: 3 av 4 förvaltningar har en giltig samordnare, 1 saknar"');
    expect(svg).toContain('<rect x="0" y="0" width="300" height="40" fill="#00703c">');
    expect(svg).not.toContain('style=');
    expect(coverageChart(0, 0)).toContain('width="0"');
  });
});
