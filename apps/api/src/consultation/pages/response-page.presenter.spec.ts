import { CommitteeResponsesView, ResponseView } from '@samverka/consultation';
import { emptyResponseForm, RESPONSE_FORM_MULTI_LINE, responseFormValues } from './response-form';
import { buildResponseConfirmPage, buildResponsePage, ResponseRoundHead } from './response-page.presenter';

const ROUND: ResponseRoundHead = { id: 'r1', title: 'Utvecklingsplan 2027', areas: [{ code: 'LOKAL_SERVICE', name: 'Lokal service' }], responding: true };
const QID = 'q1';

const response = (values: Partial<ResponseView> = {}): ResponseView => ({
  id: 'resp1',
  committeeId: 'c1',
  revision: 1,
  sending: 1,
  status: 'submitted',
  stance: 'approve_with_remarks',
  stanceLabel: 'Tillstyrker med synpunkter',
  summary: 'Positiv',
  text: 'Hela texten',
  adoptedOn: '2025-03-20',
  minuteReference: '§ 31',
  theirReference: 'KN-2025-12',
  signatories: ['Janne Grönholm'],
  areaComments: [{ areaCode: 'LOKAL_SERVICE', comment: 'Fysisk service' }],
  answers: [{ questionId: QID, answer: 'Genom presidiet' }],
  proposals: [{ id: 'p1', text: 'Överväga platser', areaCode: 'LOKAL_SERVICE', itemCode: 'LS-1' }],
  receivedOnPaper: false,
  createdByName: 'Karin',
  updatedAt: new Date('2025-03-21T09:00:00Z'),
  submittedByName: 'Karin Sekreterare',
  submittedAt: new Date('2025-03-21T09:00:00Z'),
  supersededAt: null,
  attachment: { id: 'a1', fileName: 'Yttrande.docx', mediaType: 'application/pdf', sizeBytes: 20480, sha256: 'x', uploadedByName: 'Karin', uploadedAt: new Date('2025-03-21T09:00:00Z') },
  ...values,
});

const view = (values: Partial<CommitteeResponsesView> = {}): CommitteeResponsesView => ({
  roundId: 'r1',
  committeeId: 'c1',
  committeeName: 'Kulturnämnden',
  replyBy: '2026-06-30',
  planVersion: 2,
  sending: 1,
  questions: [{ id: QID, areaCode: 'LOKAL_SERVICE', text: 'Hur vill ni delta?' }],
  current: null,
  draft: null,
  revisions: [],
  ...values,
});

const writer = { mayWrite: true, onPaper: false };

describe('the committee response page', () => {
  it('shows the remiss with the plan version and, with no response yet, the empty form', () => {
    const page = buildResponsePage(ROUND, view(), writer, { values: emptyResponseForm(['LOKAL_SERVICE'], [QID], false) });
    expect(page.title).toBe('Yttrande från Kulturnämnden');
    expect(page.remiss).toEqual({ replyBy: '30 juni 2026', planVersion: 2, planVersionHref: '/planomgangar/r1/plan/versioner/2', questions: [{ text: 'Hur vill ni delta?', area: 'Lokal service' }] });
    expect(page.current).toBeNull();
    expect(page.form?.action).toBe('/planomgangar/r1/remiss/c1');
    expect(page.form?.uploadAction).toBe('/planomgangar/r1/remiss/c1/dokument');
    expect(page.form?.correction).toBe(false);
    expect(page.form?.stances.map((s) => s.label)).toEqual(['Tillstyrker', 'Tillstyrker med synpunkter', 'Avstyrker', 'Avstår från att yttra sig']);
    // The one empty row to add a proposal of one's own.
    expect(page.form?.proposals.map((p) => p.text.label)).toEqual(['Nytt förslag (valfritt)']);
    expect(page.form?.onPaper).toBe(false);
  });

  it('gives its textareas exactly the names the form takes as multi-line', () => {
    const page = buildResponsePage(ROUND, view(), writer, { values: responseFormValues(response(), ['LOKAL_SERVICE'], [QID], false) });
    const f = page.form!;
    const textareas = [f.summary, f.text, f.signatories, ...f.areaComments, ...f.answers, ...f.proposals.map((p) => p.text)].map((x) => x.name);
    expect([...new Set(textareas)].sort()).toEqual([...RESPONSE_FORM_MULTI_LINE].sort());
    const lines = [f.adoptedOn, f.minuteReference, f.theirReference, ...f.proposals.flatMap((p) => [p.areaCode, p.itemCode])].map((x) => x.name);
    expect(lines.some((n) => (RESPONSE_FORM_MULTI_LINE as readonly string[]).includes(n))).toBe(false);
  });

  it('shows the current response with every field and its document, and offers a correction instead of the form', () => {
    const earlier = response({ id: 'old', revision: 1, supersededAt: new Date(), attachment: null });
    const page = buildResponsePage(ROUND, view({ current: response({ revision: 2 }), revisions: [earlier] }), writer, { values: null });
    expect(page.form).toBeNull();
    expect(page.correctionHref).toBe('/planomgangar/r1/remiss/c1?ratta=1');
    expect(page.current).toMatchObject({
      revision: 2,
      stanceLabel: 'Tillstyrker med synpunkter',
      adoptedOn: '20 mars 2025',
      minuteReference: '§ 31',
      theirReference: 'KN-2025-12',
      signatories: ['Janne Grönholm'],
      areaComments: [{ areaName: 'Lokal service', comment: 'Fysisk service' }],
      answers: [{ question: 'Hur vill ni delta?', answer: 'Genom presidiet' }],
      proposals: [{ number: 1, text: 'Överväga platser', target: 'insats LS-1, Lokal service' }],
      text: 'Hela texten',
      attachment: { fileName: 'Yttrande.docx', href: '/planomgangar/r1/remiss/c1/dokument/a1', size: '20 kB' },
    });
    expect(page.revisions.map((r) => r.revision)).toEqual([1]);
    // An admin reads, never writes.
    const admin = buildResponsePage(ROUND, view({ current: response() }), { mayWrite: false, onPaper: true }, { values: null });
    expect(admin.correctionHref).toBeNull();
    expect(admin.form).toBeNull();
    // A round that takes no responses now offers no correction.
    const closed = buildResponsePage({ ...ROUND, responding: false }, view({ current: response() }), writer, { values: null });
    expect(closed.correctionHref).toBeNull();
    expect(buildResponsePage({ ...ROUND, responding: false }, view(), writer, { values: null }).closed).toBe(true);
  });

  it('lists the errors in the summary in the form\'s order, each linking to its field', () => {
    const values = emptyResponseForm(['LOKAL_SERVICE'], [QID], false);
    const page = buildResponsePage(ROUND, view(), writer, {
      values,
      failure: { values, errors: { 'areaComment-LOKAL_SERVICE': 'För lång', summary: 'Sammanfatta yttrandet', stance: 'Välj' }, general: ['Planomgången tar inte emot yttranden nu'] },
    });
    expect(page.hasErrors).toBe(true);
    expect(page.errorSummary).toEqual([
      { text: 'Planomgången tar inte emot yttranden nu', href: '#svar' },
      { text: 'Välj', href: '#stance-approve' },
      { text: 'Sammanfatta yttrandet', href: '#summary' },
      { text: 'För lång', href: '#areaComment-LOKAL_SERVICE' },
    ]);
    expect(page.form?.summary.error).toBe('Sammanfatta yttrandet');
  });

  it('confirms what will be registered and what follows (a strategist: received on paper)', () => {
    const draft = response({ status: 'draft', revision: 0, submittedAt: null, submittedByName: null });
    const page = buildResponseConfirmPage(ROUND, view({ draft }), draft, { mayWrite: true, onPaper: true }, true);
    expect(page.heading).toBe('Vill du skicka in yttrandet?');
    expect(page.action).toBe('/planomgangar/r1/remiss/c1/skicka');
    expect(page.receivedOnPaper).toBe(true);
    expect(page.draftSavedAt).toBe('2025-03-21T09:00:00.000Z');
    expect(page.consequences).toEqual([
      'Yttrandet registreras som Kulturnämndens svar på remissen.',
      'Ett kvitto skickas med e-post till dig och till nämndens sekreterare.',
      'Yttrandet registreras som mottaget på papper.',
      'Förslagen i yttrandet blir förslag som strategerna tar ställning till. Texten ändras inte efteråt; en ändring lämnas som en rättelse.',
    ]);
    const correction = buildResponseConfirmPage(ROUND, view({ current: response({ revision: 2 }), draft }), draft, writer, false);
    expect(correction.heading).toBe('Vill du skicka in rättelsen av yttrandet?');
    expect(correction.consequences[0]).toContain('version 3');
    expect(correction.keptAttachment).toBeNull();
  });

  it("offers Ta bort bifogad fil when a correction without a new document would keep the current revision's", () => {
    const draft = response({ status: 'draft', revision: 0, submittedAt: null, submittedByName: null, attachment: null });
    const page = buildResponseConfirmPage(ROUND, view({ current: response({ revision: 2 }), draft }), draft, writer, false);
    expect(page.keptAttachment).toEqual({ fileName: 'Yttrande.docx', revision: 2 });
    expect(page.consequences).toContain('Den bifogade filen Yttrande.docx från version 2 följer med rättelsen, om du inte kryssar i Ta bort bifogad fil.');
    expect(buildResponseConfirmPage(ROUND, view({ draft }), draft, writer, false).keptAttachment).toBeNull();
  });

  it("shows a response to an earlier sending of the remiss as that sending's", () => {
    const page = buildResponsePage(ROUND, view({ sending: 2, revisions: [response({ revision: 1, sending: 1, supersededAt: new Date('2026-01-10T09:00:00Z') })] }), writer, { values: null });
    expect(page.revisions.map((r) => r.heading)).toEqual(['Version 1 – svar på remissens utskick 1']);
  });
});
