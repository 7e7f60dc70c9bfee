import type { DigestPreview } from '@samverka/digests';
import { buildDigestSettingsPage } from './digest-settings.presenter';

const preview: DigestPreview = {
  empty: false,
  sections: {
    since: '16 november 2026 kl. 07:00',
    until: '30 november 2026 kl. 10:00',
    departments: [
      {
        departmentId: 'd1',
        name: 'Miljöförvaltningen',
        rounds: [
          {
            roundId: 'r1',
            title: 'Utvecklingsplan 2027',
            phaseLabel: 'Behovsinsamling',
            nextDeadline: { label: 'Sista dag för behov', date: '2027-02-26' },
            roundUrl: 'https://samverka.example/planomgangar/r1',
            owed: { shown: [{ text: 'Lämna in förvaltningens behov', dueOn: '2027-02-26', overdue: false, href: 'https://samverka.example/planomgangar/r1/behov/d1' }], more: 2, moreUrl: 'https://samverka.example/planomgangar/r1' },
            overdueCount: 0,
            items: { shown: [{ code: 'MS-1', title: 'Växel', statusLabel: 'Ej rapporterad', progress: null, changed: false }], more: 0, moreUrl: 'https://samverka.example/planomgangar/r1' },
            changes: 0,
          },
        ],
      },
    ],
    city: { coverage: { covered: 12, total: 15 }, rounds: [{ roundId: 'r1', title: 'Utvecklingsplan 2027', phaseLabel: 'Behovsinsamling', submissions: { handedIn: 3, total: 15 }, responses: null, reports: null }] },
  },
};

describe('buildDigestSettingsPage', () => {
  it('checks the current frequency, links within the site and writes the figures in Swedish', () => {
    const page = buildDigestSettingsPage({ frequency: 'biweekly', preview, isManager: true });
    expect(page.frequencies.map((f) => [f.value, f.text, f.checked])).toEqual([
      ['weekly', 'Varje vecka', false],
      ['biweekly', 'Varannan vecka', true],
      ['monthly', 'Varje månad', false],
      ['off', 'Aldrig (bara vid fasbyten)', false],
    ]);
    const [round] = page.preview!.departments[0].rounds;
    expect(round).toMatchObject({ roundUrl: '/planomgangar/r1', nextDeadline: 'Sista dag för behov 26 februari 2027', owedMore: { count: 2, href: '/planomgangar/r1' }, itemsMore: null });
    expect(round.owed).toEqual([{ text: 'Lämna in förvaltningens behov', href: '/planomgangar/r1/behov/d1', dueOn: '26 februari 2027', overdue: false }]);
    expect(page.preview!.city).toEqual({ coverage: '12 av 15', rounds: [{ title: 'Utvecklingsplan 2027', phaseLabel: 'Behovsinsamling', submissions: '3 av 15', responses: '–', reports: '–' }] });
    expect([page.hasErrors, page.notice]).toEqual([false, null]);
  });

  it('shows no preview to a user outside management, a notice once saved, and a refusal in the error summary', () => {
    expect(buildDigestSettingsPage({ frequency: 'off', preview, isManager: false, saved: true })).toMatchObject({ preview: null, notice: 'Sparat: aldrig (bara vid fasbyten).' });
    const refused = buildDigestSettingsPage({ frequency: 'weekly', preview, isManager: true, errors: { digestFrequency: 'Välj hur ofta du vill få lägesrapporten' }, saved: true });
    expect(refused).toMatchObject({ hasErrors: true, notice: null, errorSummary: [{ text: 'Välj hur ofta du vill få lägesrapporten', href: '#digestFrequency-weekly' }] });
  });
});
