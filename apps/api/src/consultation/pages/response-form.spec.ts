import { ConsultationError, ConsultationErrorCode, ResponseView } from '@samverka/consultation';
import { CommonError } from '@samverka/kernel';
import { formErrorsFrom } from '../../shell/form-action';
import {
  readResponseForm,
  readResponseFormAction,
  responseFormErrors,
  responseFormValues,
  responseFromDraft,
  sentProposalRows,
  toResponseDraft,
} from './response-form';

const AREAS = ['LOKAL_SERVICE', 'DIGITALISERING'];
const Q = ['7b0e5d2a-1c1e-4f4e-9a51-0d7f1d3c2a10'];

const posted = {
  _csrf: 'token',
  action: 'confirm',
  stance: 'approve_with_remarks',
  summary: 'Positiv\r\nmed synpunkter',
  text: 'Rad ett\r\nRad två',
  adoptedOn: ' 2025-03-20 ',
  minuteReference: '§ 31 ',
  theirReference: '',
  signatories: 'Janne Grönholm\r\n\r\n Annika Cedhagen ',
  'areaCode[]': ['DIGITALISERING', 'LOKAL_SERVICE', 'OKANT', 'LOKAL_SERVICE'],
  'areaComment[]': ['', 'Fysisk service behövs', 'smuggled', 'second'],
  'questionId[]': [Q[0]],
  'answer[]': ['Genom nämndens presidium'],
  'proposalText[]': ['Överväga platser', 'Tappat förslag', '', 'Eget förslag'],
  'proposalArea[]': ['LOKAL_SERVICE', '', '', ''],
  'proposalItem[]': ['ls-1', '', '', ''],
  'proposalKeep[]': ['0', '2', '3'],
  receivedOnPaper: 'true',
};

describe('the response form', () => {
  it("reads only the form's fields: the round's areas and the remiss's questions once each, lines as LF, kept proposals, blank rows dropped", () => {
    const v = readResponseForm(posted, AREAS, Q, false);
    expect(v).toEqual({
      stance: 'approve_with_remarks',
      summary: 'Positiv\nmed synpunkter',
      text: 'Rad ett\nRad två',
      adoptedOn: '2025-03-20',
      minuteReference: '§ 31 ',
      theirReference: '',
      signatories: 'Janne Grönholm\n\n Annika Cedhagen ',
      areaComments: [
        { areaCode: 'LOKAL_SERVICE', comment: 'Fysisk service behövs' },
        { areaCode: 'DIGITALISERING', comment: '' },
      ],
      answers: [{ questionId: Q[0], answer: 'Genom nämndens presidium' }],
      proposals: [
        { text: 'Överväga platser', areaCode: 'LOKAL_SERVICE', itemCode: 'ls-1', keep: true },
        { text: 'Tappat förslag', areaCode: '', itemCode: '', keep: false },
        { text: 'Eget förslag', areaCode: '', itemCode: '', keep: true },
      ],
      receivedOnPaper: false,
    });
    expect(readResponseForm(posted, AREAS, Q, true).receivedOnPaper).toBe(true);
    expect(readResponseFormAction(posted)).toBe('confirm');
    expect(readResponseFormAction({ action: 'delete-everything' })).toBe('draft');
  });

  it('makes the draft of what was typed: blank comments and answers left out, only kept proposals, one signatory a line', () => {
    const v = readResponseForm(posted, AREAS, Q, false);
    expect(toResponseDraft(v)).toEqual({
      stance: 'approve_with_remarks',
      summary: 'Positiv\nmed synpunkter',
      text: 'Rad ett\nRad två',
      adoptedOn: '2025-03-20',
      minuteReference: '§ 31',
      theirReference: null,
      signatories: ['Janne Grönholm', 'Annika Cedhagen'],
      areaComments: [{ areaCode: 'LOKAL_SERVICE', comment: 'Fysisk service behövs' }],
      answers: [{ questionId: Q[0], answer: 'Genom nämndens presidium' }],
      proposals: [
        { text: 'Överväga platser', areaCode: 'LOKAL_SERVICE', itemCode: 'ls-1' },
        { text: 'Eget förslag', areaCode: null, itemCode: null },
      ],
    });
    expect(sentProposalRows(v)).toEqual([0, 2]);
    // An unfinished draft: no stance and no date are left out rather than sent empty.
    const unfinished = toResponseDraft({ ...v, stance: '', adoptedOn: '' });
    expect('stance' in unfinished || 'adoptedOn' in unfinished).toBe(false);
  });

  it("puts the service's violations at the fields: an area comment, an answer and a proposal by what was sent", () => {
    const v = readResponseForm(posted, AREAS, Q, false);
    const draft = toResponseDraft(v);
    const error = CommonError.invalid([
      { field: 'summary', rule: 'isNotEmpty', message: 'Sammanfatta yttrandet' },
      { field: 'signatories[1]', rule: 'maxLength', message: 'För långt namn' },
      { field: 'areaComments[0].comment', rule: 'maxLength', message: 'För lång synpunkt' },
      { field: 'answers[0].answer', rule: 'maxLength', message: 'För långt svar' },
      { field: 'proposals[1].itemCode', rule: 'planItem', message: 'Ingen sådan insats' },
      { field: 'somethingElse', rule: 'x', message: 'Allmänt fel' },
    ]);
    expect(formErrorsFrom(error, responseFormErrors(draft, sentProposalRows(v)))).toEqual({
      errors: {
        summary: 'Sammanfatta yttrandet',
        signatories: 'För långt namn',
        'areaComment-LOKAL_SERVICE': 'För lång synpunkt',
        [`answer-${Q[0]}`]: 'För långt svar',
        'proposal-2-itemCode': 'Ingen sådan insats',
      },
      general: ['Allmänt fel'],
    });
    const exists = new ConsultationError(ConsultationErrorCode.RESPONSE_EXISTS, 'Nämnden har redan lämnat ett yttrande');
    expect(formErrorsFrom(exists, responseFormErrors(draft, []))).toEqual({ errors: {}, general: ['Nämnden har redan lämnat ett yttrande'] });
  });

  it('fills the form from a draft and makes the response of it (a missing stance stays missing, for the service to name)', () => {
    const draft = {
      stance: null,
      summary: 'S',
      text: 'T',
      adoptedOn: null,
      minuteReference: '§ 1',
      theirReference: null,
      signatories: ['A', 'B'],
      areaComments: [{ areaCode: 'DIGITALISERING', comment: 'K' }],
      answers: [],
      proposals: [{ id: 'p', text: 'F', areaCode: null, itemCode: 'LS-1' }],
    } as unknown as ResponseView;
    const values = responseFormValues(draft, AREAS, Q, false);
    expect(values.signatories).toBe('A\nB');
    expect(values.areaComments).toEqual([
      { areaCode: 'LOKAL_SERVICE', comment: '' },
      { areaCode: 'DIGITALISERING', comment: 'K' },
    ]);
    expect(values.proposals).toEqual([{ text: 'F', areaCode: '', itemCode: 'LS-1', keep: true }]);
    const input = responseFromDraft('c', draft, true);
    expect(input).toMatchObject({ committeeId: 'c', summary: 'S', signatories: ['A', 'B'], proposals: [{ text: 'F', areaCode: null, itemCode: 'LS-1' }], receivedOnPaper: true });
    expect(input.stance).toBeNull();
    expect(input.adoptedOn).toBeNull();
  });
});
