import {
  countNoun,
  isIsoDate,
  reasonsToCancel,
  reasonsToCloseConsultation,
  reasonsToCloseNeeds,
  reasonsToForce,
  reasonsToLaunch,
  reasonsToRecordDecision,
  reasonsToSendForConsultation,
  type PlanRoundFacts,
} from './plan-round.guards';

const today = '2026-03-10';
const participants = (submitted: number, missing: number, nothing = 0) => [
  ...Array.from({ length: submitted }, (_, i) => ({ name: `Klar ${i}`, submitted: true })),
  ...Array.from({ length: nothing }, (_, i) => ({ name: `Inget ${i}`, submitted: false, nothingToReport: true })),
  ...Array.from({ length: missing }, (_, i) => ({ name: `Saknas ${i}`, submitted: false })),
];

describe('helpers', () => {
  it('isIsoDate accepts real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate(20260201)).toBe(false);
  });
  it('countNoun picks singular or plural', () => {
    expect(countNoun(1, 'förvaltning', 'förvaltningar')).toBe('1 förvaltning');
    expect(countNoun(3, 'förvaltning', 'förvaltningar')).toBe('3 förvaltningar');
  });
});

describe('reasonsToLaunch', () => {
  const ok: PlanRoundFacts = {
    today,
    deadlines: { needs: '2026-04-01', consultationReply: '2026-06-01', decision: '2026-09-01' },
    participants: participants(0, 2),
  };

  it('allows future deadlines in order with participants', () => {
    expect(reasonsToLaunch(ok)).toEqual([]);
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-03-11' } })).toEqual([]);
  });

  it('needs at least one participant', () => {
    expect(reasonsToLaunch({ ...ok, participants: [] })).toEqual(['Planomgången saknar deltagande förvaltningar']);
    expect(reasonsToLaunch({ ...ok, participants: undefined })).toEqual(['Planomgången saknar deltagande förvaltningar']);
  });

  it('needs a needs deadline after today', () => {
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: today } })).toEqual(['Sista dag för behov måste ligga efter i dag']);
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-01-01' } })).toEqual(['Sista dag för behov måste ligga efter i dag']);
    expect(reasonsToLaunch({ ...ok, deadlines: {} })).toEqual(['Sista dag för behov saknas']);
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-13-01' } })).toEqual(['Sista dag för behov är inte ett giltigt datum']);
  });

  it('needs the later deadlines after it and in order', () => {
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', consultationReply: '2026-04-01' } })).toEqual([
      'Sista dag för remissvar måste ligga efter sista dag för behov',
    ]);
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', consultationReply: '2026-06-01', decision: '2026-05-01' } })).toEqual([
      'Beslutsdatum måste ligga efter sista dag för remissvar',
    ]);
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', decision: '2026-03-20' } })).toEqual([
      'Beslutsdatum måste ligga efter sista dag för behov',
    ]);
  });

  it('lists every reason at once', () => {
    expect(reasonsToLaunch({ today, participants: [], deadlines: { needs: '2026-03-01', consultationReply: '2026-02-01' } })).toEqual([
      'Planomgången saknar deltagande förvaltningar',
      'Sista dag för behov måste ligga efter i dag',
      'Sista dag för remissvar måste ligga efter sista dag för behov',
    ]);
  });

  it('refuses without a valid today', () => {
    expect(reasonsToLaunch({ ...ok, today: 'i dag' })).toContain('Dagens datum saknas eller är ogiltigt');
  });
});

describe('reasonsToCloseNeeds', () => {
  const deadlines = { needs: '2026-03-20' };

  it('counts the departments that have not submitted, singular and plural', () => {
    expect(reasonsToCloseNeeds({ today, deadlines, participants: participants(2, 3) })).toEqual(['3 förvaltningar har inte lämnat in behov']);
    expect(reasonsToCloseNeeds({ today, deadlines, participants: participants(2, 1) })).toEqual(['1 förvaltning har inte lämnat in behov']);
  });

  it('allows when everyone submitted or reported nothing', () => {
    expect(reasonsToCloseNeeds({ today, deadlines, participants: participants(2, 0, 1) })).toEqual([]);
  });

  it('allows once the deadline has passed (not on the last day itself)', () => {
    expect(reasonsToCloseNeeds({ today: '2026-03-21', deadlines, participants: participants(0, 5) })).toEqual([]);
    expect(reasonsToCloseNeeds({ today: '2026-03-20', deadlines, participants: participants(0, 5) })).toEqual([
      '5 förvaltningar har inte lämnat in behov',
    ]);
  });
});

describe('reasonsToForce', () => {
  it('needs a non-empty written reason', () => {
    expect(reasonsToForce({ force: true, reason: 'Beslut i ledningsgruppen' })).toEqual([]);
    expect(reasonsToForce({ force: true, reason: '   ' })).toEqual(['Ett framtvingat steg kräver en skriftlig motivering']);
    expect(reasonsToForce({ force: true })).toEqual(['Ett framtvingat steg kräver en skriftlig motivering']);
  });
});

describe('reasonsToSendForConsultation', () => {
  const item = (code: string, title: string, accountableCount = 1) => ({ code, title, accountableCount });

  it('allows a frozen version where every area has items with exactly one Accountable', () => {
    expect(
      reasonsToSendForConsultation({
        today,
        planVersion: { frozen: true, version: 2, areas: [{ name: 'Lokal service', items: [item('LS-1', 'Fler mötesplatser')] }] },
        consultationPrepared: { planVersion: 2 },
      }),
    ).toEqual([]);
  });

  it('needs the remiss prepared, for the last frozen version', () => {
    const planVersion = { frozen: true, version: 2, areas: [{ name: 'Lokal service', items: [item('LS-1', 'Fler mötesplatser')] }] };
    expect(reasonsToSendForConsultation({ today, planVersion })).toEqual(['Remissen är inte förberedd']);
    expect(reasonsToSendForConsultation({ today, planVersion, consultationPrepared: null })).toEqual(['Remissen är inte förberedd']);
    expect(reasonsToSendForConsultation({ today, planVersion, consultationPrepared: { planVersion: 1 } })).toEqual(['Remissen gäller version 1, men den senast låsta versionen är 2']);
  });

  it('explains each problem', () => {
    expect(
      reasonsToSendForConsultation({
        today,
        planVersion: {
          frozen: false,
          areas: [
            { name: 'Lokal service', items: [] },
            { name: 'Trygghet', items: [item('TR-1', 'Belysning i parker', 0), item('TR-2', 'Nattvandring', 2), item('TR-3', 'Grannsamverkan')] },
          ],
        },
        consultationPrepared: { planVersion: 1 },
      }),
    ).toEqual([
      'Planversionen är inte låst',
      'Området Lokal service saknar insats',
      'Insatsen TR-1 saknar ansvarig (A)',
      'Insatsen TR-2 har 2 ansvariga (A), ska ha exakt en',
    ]);
  });

  it('judges the last frozen version, and refuses while the draft has changes not frozen in a version', () => {
    const planVersion = { frozen: true, draftChanged: true, areas: [{ name: 'Lokal service', items: [item('LS-1', 'Fler mötesplatser', 0)] }] };
    const consultationPrepared = { planVersion: 1 };
    expect(reasonsToSendForConsultation({ today, planVersion, consultationPrepared })).toEqual(['Planen har ändringar som inte är låsta i en version', 'Insatsen LS-1 saknar ansvarig (A)']);
    expect(
      reasonsToSendForConsultation({ today, planVersion: { ...planVersion, draftChanged: false, areas: [{ name: 'Lokal service', items: [item('LS-1', 'Fler mötesplatser')] }] }, consultationPrepared }),
    ).toEqual([]);
  });

  it('needs a plan version with areas', () => {
    expect(reasonsToSendForConsultation({ today })).toEqual(['Det finns ingen planversion']);
    expect(reasonsToSendForConsultation({ today, planVersion: { frozen: true, areas: [] }, consultationPrepared: { planVersion: 1 } })).toEqual(['Planversionen saknar områden']);
  });
});

describe('reasonsToCloseConsultation', () => {
  const deadlines = { needs: '2026-01-01', consultationReply: '2026-03-20' };

  it('counts missing responses, singular and plural', () => {
    expect(reasonsToCloseConsultation({ today, deadlines, consultation: { recipients: 7, responses: 4 } })).toEqual([
      '3 remissinstanser har inte svarat',
    ]);
    expect(reasonsToCloseConsultation({ today, deadlines, consultation: { recipients: 7, responses: 6 } })).toEqual([
      '1 remissinstans har inte svarat',
    ]);
  });

  it('allows when all responses are in or the reply date has passed', () => {
    expect(reasonsToCloseConsultation({ today, deadlines, consultation: { recipients: 7, responses: 7 } })).toEqual([]);
    expect(reasonsToCloseConsultation({ today: '2026-03-21', deadlines, consultation: { recipients: 7, responses: 0 } })).toEqual([]);
  });

  it('needs the consultation facts before the reply date', () => {
    expect(reasonsToCloseConsultation({ today, deadlines })).toEqual(['Uppgifter om remissvar saknas']);
  });
});

describe('reasonsToRecordDecision and reasonsToCancel', () => {
  it('a return needs a reason, an adoption does not', () => {
    expect(reasonsToRecordDecision({ outcome: 'adopted' })).toEqual([]);
    expect(reasonsToRecordDecision({ outcome: 'returned', reason: 'Kostnaderna är inte utredda' })).toEqual([]);
    expect(reasonsToRecordDecision({ outcome: 'returned', reason: '' })).toEqual(['Återremiss kräver en skriftlig motivering']);
    expect(reasonsToRecordDecision({ outcome: 'tabled' })).toEqual(['Beslutet måste vara antaget eller återremitterat']);
  });

  it('a cancellation needs a reason', () => {
    expect(reasonsToCancel({ reason: 'Omorganisation' })).toEqual([]);
    expect(reasonsToCancel({ reason: ' ' })).toEqual(['Avbrott av planomgången kräver en skriftlig motivering']);
  });
});

describe('dates and boundaries', () => {
  it('isIsoDate refuses days that do not exist and text around a date', () => {
    const candidates = ['2024-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', ' 2026-01-01', '2026-01-01T00:00', null, undefined];
    expect(candidates.filter(isIsoDate)).toEqual(['2024-02-29']);
  });

  it('refuses invalid reply and decision dates by name, and judges the order only between valid dates', () => {
    const ok: PlanRoundFacts = { today, participants: participants(1, 0), deadlines: { needs: '2026-04-01' } };
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', consultationReply: '2026-06-31' } })).toEqual([
      'Sista dag för remissvar är inte ett giltigt datum',
    ]);
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', consultationReply: '2026-06-01', decision: '1 september' } })).toEqual([
      'Beslutsdatum är inte ett giltigt datum',
    ]);
    // An invalid reply date is no reference point: the decision is compared with the needs deadline.
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', consultationReply: 'snart', decision: '2026-03-31' } })).toEqual([
      'Sista dag för remissvar är inte ett giltigt datum',
      'Beslutsdatum måste ligga efter sista dag för behov',
    ]);
    // An invalid needs deadline is no reference point either.
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-02-30', consultationReply: '2026-01-01', decision: '2026-01-02' } })).toEqual([
      'Sista dag för behov är inte ett giltigt datum',
    ]);
    // Dates not given (null) are not judged.
    expect(reasonsToLaunch({ ...ok, deadlines: { needs: '2026-04-01', consultationReply: null, decision: null } })).toEqual([]);
    // Without a valid today the needs deadline cannot be judged against it.
    expect(reasonsToLaunch({ ...ok, today: '2026-02-30', deadlines: { needs: '2020-01-01' } })).toEqual(['Dagens datum saknas eller är ogiltigt']);
  });

  it('a later deadline on the same day as the one before is refused, the day after accepted', () => {
    const launch = (deadlines: PlanRoundFacts['deadlines']) => reasonsToLaunch({ today, participants: participants(1, 0), deadlines });
    expect(launch({ needs: '2026-03-11', consultationReply: '2026-03-12', decision: '2026-03-13' })).toEqual([]);
    expect(launch({ needs: '2026-04-01', consultationReply: '2026-06-01', decision: '2026-06-01' })).toEqual([
      'Beslutsdatum måste ligga efter sista dag för remissvar',
    ]);
    expect(launch({ needs: '2026-04-01', decision: '2026-04-01' })).toEqual(['Beslutsdatum måste ligga efter sista dag för behov']);
    expect(launch({ needs: '2026-04-01', decision: '2026-04-02' })).toEqual([]);
  });

  it('explains everything missing when there are no facts at all', () => {
    expect(reasonsToLaunch(undefined as unknown as PlanRoundFacts)).toEqual([
      'Dagens datum saknas eller är ogiltigt',
      'Planomgången saknar deltagande förvaltningar',
      'Sista dag för behov saknas',
    ]);
    expect(reasonsToSendForConsultation(undefined as unknown as PlanRoundFacts)).toEqual(['Det finns ingen planversion']);
  });

  it('closing needs: without a valid today nothing else is judged; an invalid deadline never counts as passed', () => {
    expect(reasonsToCloseNeeds({ today: '10 mars', deadlines: { needs: '2026-03-01' }, participants: participants(0, 3) })).toEqual([
      'Dagens datum saknas eller är ogiltigt',
    ]);
    expect(reasonsToCloseNeeds({ today, deadlines: { needs: '2026-02-30' }, participants: participants(0, 2) })).toEqual([
      '2 förvaltningar har inte lämnat in behov',
    ]);
    expect(reasonsToCloseNeeds({ today, deadlines: { needs: null }, participants: participants(0, 1) })).toEqual(['1 förvaltning har inte lämnat in behov']);
    expect(reasonsToCloseNeeds({ today })).toEqual([]);
  });

  it('closing the consultation: open on the reply day itself, allowed the day after; more replies than recipients is complete', () => {
    const deadlines = { needs: '2026-01-01', consultationReply: today };
    expect(reasonsToCloseConsultation({ today, deadlines, consultation: { recipients: 3, responses: 1 } })).toEqual(['2 remissinstanser har inte svarat']);
    expect(reasonsToCloseConsultation({ today: '2026-03-11', deadlines, consultation: { recipients: 3, responses: 1 } })).toEqual([]);
    expect(reasonsToCloseConsultation({ today, deadlines, consultation: { recipients: 3, responses: 4 } })).toEqual([]);
    expect(reasonsToCloseConsultation({ today: '2026-03-11', deadlines: { needs: '2026-01-01', consultationReply: '2026-02-30' } })).toEqual([
      'Uppgifter om remissvar saknas',
    ]);
    expect(reasonsToCloseConsultation({ today: '', deadlines, consultation: { recipients: 3, responses: 3 } })).toEqual([
      'Dagens datum saknas eller är ogiltigt',
    ]);
  });

  it('a written reason is text with something besides white space', () => {
    expect(reasonsToForce({ force: true, reason: 42 as unknown as string })).toEqual(['Ett framtvingat steg kräver en skriftlig motivering']);
    expect(reasonsToCancel({})).toEqual(['Avbrott av planomgången kräver en skriftlig motivering']);
    expect(reasonsToCancel({ reason: '\n\t' })).toEqual(['Avbrott av planomgången kräver en skriftlig motivering']);
    expect(reasonsToRecordDecision({ outcome: 'returned' })).toEqual(['Återremiss kräver en skriftlig motivering']);
    expect(reasonsToRecordDecision({})).toEqual(['Beslutet måste vara antaget eller återremitterat']);
    expect(reasonsToRecordDecision({ outcome: 'adopted', reason: '' })).toEqual([]);
  });

  it('counts an item with one Accountable as complete, and names each item with too many', () => {
    const version = (accountableCount: number) => ({ frozen: true, areas: [{ name: 'Trygghet', items: [{ code: 'TR-4', title: 'Nattvandring', accountableCount }] }] });
    const consultationPrepared = { planVersion: 1 };
    expect(reasonsToSendForConsultation({ today, planVersion: version(1), consultationPrepared })).toEqual([]);
    expect(reasonsToSendForConsultation({ today, planVersion: version(3), consultationPrepared })).toEqual(['Insatsen TR-4 har 3 ansvariga (A), ska ha exakt en']);
    expect(reasonsToSendForConsultation({ today, planVersion: null })).toEqual(['Det finns ingen planversion']);
  });
});
