import type { ConsultationView } from '@samverka/consultation';
import type { RoundBasics } from '@samverka/rounds';
import { principal } from '../../../../../test/support/principals';
import { QUESTION_ROWS, readPrepareForm, validatePrepareForm } from './consultation-send-forms';
import { buildConsultationPage, buildPreparePage } from './consultation-send-pages.presenter';

const round = (state: RoundBasics['state']): RoundBasics => ({ id: 'r1', title: 'Utvecklingsplan 2027', year: 2027, state, needsDeadline: '2026-04-30', areas: [{ code: 'LS', name: 'Lokal service' }], participants: [] });
const view: ConsultationView = {
  roundId: 'r1',
  sending: 1,
  planVersion: 2,
  replyBy: '2027-03-31',
  coverLetter: 'Brev',
  contactPerson: null,
  questions: [],
  sentAt: new Date('2027-02-10T09:00:00Z'),
  recipients: [
    {
      committeeId: 'k1',
      name: 'Kulturnämnden',
      replyBy: '2027-03-31',
      status: 'overdue',
      respondedAt: null,
      extensions: [
        { id: 'e1', requestedReplyBy: '2027-04-30', reason: 'Sammanträde', requestedBy: 'Sara', requestedAt: new Date('2027-03-01T09:00:00Z'), status: 'requested', decidedReplyBy: null, decisionReason: null, decidedBy: null, decidedAt: null },
      ],
    },
    { committeeId: 'k2', name: 'Förskolenämnden', replyBy: '2027-03-31', status: 'declined', respondedAt: new Date('2027-03-20T09:00:00Z'), extensions: [] },
  ],
};

describe(buildConsultationPage.name, () => {
  it('gives strategists the decide forms and the request links while in consultation', () => {
    const page = buildConsultationPage(round('consultation'), view, principal({ strategist: true }));
    expect(page.recipients.map((r) => [r.name, r.status.text, r.replyBy, r.requestHref])).toEqual([
      ['Kulturnämnden', 'Försenat', '31 mars 2027', '/planomgangar/r1/remiss/k1/anstand'],
      ['Förskolenämnden', 'Avstår', '31 mars 2027', null],
    ]);
    expect(page.recipients[0].extensions[0].form).toMatchObject({ approveAction: '/planomgangar/r1/remiss/k1/anstand/e1/bevilja', declineAction: '/planomgangar/r1/remiss/k1/anstand/e1/avsla' });
    expect(page.prepareHref).toBeNull();
  });
  it("gives a committee's secretary only its own request link, and no decide forms; a coordinator reads only", () => {
    const secretary = buildConsultationPage(round('consultation'), view, principal({ committeeSecretary: ['k1'] }));
    expect(secretary.recipients.map((r) => r.requestHref)).toEqual(['/planomgangar/r1/remiss/k1/anstand', null]);
    expect(secretary.recipients[0].extensions[0].form).toBeNull();
    const other = buildConsultationPage(round('consultation'), view, principal({ committeeSecretary: ['k9'], coordinator: ['d1'] }));
    expect(other.recipients.map((r) => r.requestHref)).toEqual([null, null]);
  });
  it('links each recipient to its response page once sent: every one for strategists, its own for a secretary, none for others or before sending', () => {
    expect(buildConsultationPage(round('consultation'), view, principal({ strategist: true })).recipients.map((r) => r.responseHref)).toEqual(['/planomgangar/r1/remiss/k1', '/planomgangar/r1/remiss/k2']);
    expect(buildConsultationPage(round('consultation'), view, principal({ committeeSecretary: ['k2'] })).recipients.map((r) => r.responseHref)).toEqual([null, '/planomgangar/r1/remiss/k2']);
    expect(buildConsultationPage(round('consultation'), view, principal({ coordinator: ['d1'] })).recipients.map((r) => r.responseHref)).toEqual([null, null]);
    expect(buildConsultationPage(round('draftingPlan'), { ...view, sentAt: null }, principal({ strategist: true })).recipients.map((r) => r.responseHref)).toEqual([null, null]);
  });
  it('offers strategists to prepare it while drafting, and says when none is prepared', () => {
    const page = buildConsultationPage(round('draftingPlan'), null, principal({ strategist: true }));
    expect([page.prepared, page.prepareHref, page.recipients]).toEqual([false, '/planomgangar/r1/remiss/forbered', []]);
    const returned = buildConsultationPage(round('draftingPlan'), view, principal({ strategist: true }));
    expect([returned.prepareHref, returned.prepareText]).toEqual(['/planomgangar/r1/remiss/forbered', 'Förbered remissen på nytt']);
    expect(buildConsultationPage(round('draftingPlan'), { ...view, sentAt: null }, principal({ strategist: true })).prepareText).toBe('Ändra remissen');
  });
});

describe(buildPreparePage.name, () => {
  const options = { frozenVersions: [1, 2], committees: [{ id: 'k1', name: 'Kulturnämnden' }], contactPeople: [] };
  it('prepares the next sending after a return: the latest version, a new reply date, the rest as before, and says what happens', () => {
    const page = buildPreparePage(round('draftingPlan'), options, { ...view, planVersion: 1, coverLetter: 'Brev' });
    expect(page.title).toBe('Förbered remissen på nytt');
    expect([page.versions.find((v) => v.selected)?.value, page.replyBy, page.coverLetter]).toEqual(['2', '', 'Brev']);
    expect(page.again).toContain('utskick 2');
    const first = buildPreparePage(round('draftingPlan'), options, { ...view, planVersion: 1, sentAt: null });
    expect([first.title, first.versions.find((v) => v.selected)?.value, first.replyBy, first.again]).toEqual(['Förbered remissen', '1', '2027-03-31', null]);
  });
});

describe(validatePrepareForm.name, () => {
  it('keeps the rows with a question, and reads the checked committees', () => {
    const body = { planVersion: '2', replyBy: '2027-03-31', committeeIds: ['k1', 'k2'], coverLetter: 'Brev', contactPersonId: '', questionArea0: 'LS', questionText0: 'Hur?', questionText1: '', questionText2: 'Och?' };
    expect(validatePrepareForm(readPrepareForm(body)).input).toEqual({
      planVersion: 2,
      replyBy: '2027-03-31',
      committeeIds: ['k1', 'k2'],
      coverLetter: 'Brev',
      contactPersonId: null,
      questions: [
        { areaCode: 'LS', text: 'Hur?' },
        { areaCode: null, text: 'Och?' },
      ],
    });
    expect(QUESTION_ROWS).toBe(3);
    expect(validatePrepareForm(readPrepareForm({ planVersion: '', replyBy: '31/3', coverLetter: 'x' })).errors).toEqual({
      planVersion: 'Välj den låsta version av planen som ska skickas på remiss',
      replyBy: 'Svarsdatumet måste vara ett riktigt datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-03-01',
      committeeIds: 'Välj minst en nämnd',
    });
  });
});
