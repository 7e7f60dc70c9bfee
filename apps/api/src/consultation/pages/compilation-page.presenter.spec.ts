import { assembleCompilation, CompilationRead } from '@samverka/consultation';
import { buildCompilationPage } from './compilation-page.presenter';

const read: CompilationRead = {
  round: { id: 'r1', title: 'Utvecklingsplan 2027', caseNumber: 'STK-2026-1', state: 'compilingResponses' },
  planVersion: 1,
  recipients: [
    { committeeId: 'a', committee: 'Förskolenämnden' },
    { committeeId: 'b', committee: 'Kulturnämnden' },
  ],
  responses: [
    { committeeId: 'a', committee: 'Förskolenämnden', stance: 'approve_with_remarks', summary: 'S', adoptedOn: '2025-03-26', minuteReference: '§ 45', theirReference: null, receivedOnPaper: true, revision: 1, areaComments: [] },
  ],
  proposals: [
    { id: 'p1', committeeId: 'a', committee: 'Förskolenämnden', text: 'Förtydliga', areaCode: 'SAMARBETSPROCESS', itemCode: 'SP-1', triage: null, triageVersion: 0 },
    { id: 'p2', committeeId: 'a', committee: 'Förskolenämnden', text: 'Annat', areaCode: null, itemCode: null, triage: { decision: 'rejected', motivation: 'Nej', itemCodes: [], triagedBy: null, triagedAt: '2026-04-01T08:00:00.000Z' }, triageVersion: 1 },
  ],
  areas: [{ code: 'SAMARBETSPROCESS', name: 'Samarbetsprocess', items: [{ code: 'SP-1', title: 'Samarbete' }] }],
};
const view = assembleCompilation(read);

describe('buildCompilationPage', () => {
  it('offers a strategist only a triage form for each untriaged proposal and a pre-filled re-triage form, with the version, for each triaged one', () => {
    expect(buildCompilationPage(view, true, null).proposals.map((p) => [p.form?.retriage, p.form?.version])).toEqual([
      [false, 0],
      [true, 1],
    ]);
    expect(buildCompilationPage(view, false, null).proposals.every((p) => p.form === null)).toBe(true);
    const [first, second] = buildCompilationPage(view, true, null).proposals;
    expect(first.place).toBe('Samarbetsprocess, insats SP-1');
    expect(first.form?.items).toEqual([{ id: 'forslag-p1-itemCodes', value: 'SP-1', label: 'SP-1 Samarbete', checked: false }]);
    expect(second.triage).toEqual({ decision: 'Tillgodoses inte', motivation: 'Nej', items: 'Inga insatser ändrades', by: expect.stringMatching(/^Samverka, /) });
    expect([second.form?.decisions.find((d) => d.checked)?.value, second.form?.motivation, second.form?.open]).toEqual(['rejected', 'Nej', false]);
  });

  it('keeps what was typed after a refusal and links the error summary to the fields of that proposal', () => {
    const page = buildCompilationPage(view, true, null, {
      failed: { proposalId: 'p1', failure: { values: { decision: 'accepted', motivation: 'Ja', itemCodes: [], version: '0' }, errors: { itemCodes: 'Ange vilka insatser' }, general: ['Något annat'], status: 400 } },
    });
    expect(page.hasErrors).toBe(true);
    expect(page.errorSummary).toEqual([
      { text: 'Ange vilka insatser', href: '#forslag-p1-itemCodes' },
      { text: 'Något annat', href: '#forslag-p1' },
    ]);
    const form = page.proposals[0].form!;
    expect([form.motivation, form.decisions.find((d) => d.checked)?.value, form.itemsError]).toEqual(['Ja', 'accepted', 'Ange vilka insatser']);
    expect(page.notice).toBeNull();
  });

  it("names the committee when filtered, and links each committee's own view", () => {
    const page = buildCompilationPage(assembleCompilation(read, 'a'), false, 'a');
    expect([page.heading, page.filter?.allHref]).toEqual(['Sammanställning: Förskolenämnden', '/planomgangar/r1/remiss/sammanstallning']);
    expect(buildCompilationPage(view, false, null).committeeLinks.map((l) => l.href)).toEqual(['/planomgangar/r1/remiss/sammanstallning?namnd=a', '/planomgangar/r1/remiss/sammanstallning?namnd=b']);
    expect(buildCompilationPage(view, false, null).stances.at(-1)).toEqual({ label: 'Har inte svarat', count: 1 });
  });
});
