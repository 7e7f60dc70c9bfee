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
  const item = (title: string, accountableCount = 1) => ({ title, accountableCount });

  it('allows a frozen version where every area has items with exactly one Accountable', () => {
    expect(
      reasonsToSendForConsultation({
        today,
        planVersion: { frozen: true, areas: [{ name: 'Lokal service', items: [item('Fler mötesplatser')] }] },
      }),
    ).toEqual([]);
  });

  it('explains each problem', () => {
    expect(
      reasonsToSendForConsultation({
        today,
        planVersion: {
          frozen: false,
          areas: [
            { name: 'Lokal service', items: [] },
            { name: 'Trygghet', items: [item('Belysning i parker', 0), item('Nattvandring', 2), item('Grannsamverkan')] },
          ],
        },
      }),
    ).toEqual([
      'Planversionen är inte låst',
      'Området Lokal service saknar insats',
      'Insatsen Belysning i parker saknar ansvarig (A)',
      'Insatsen Nattvandring har 2 ansvariga (A), ska ha exakt en',
    ]);
  });

  it('needs a plan version with areas', () => {
    expect(reasonsToSendForConsultation({ today })).toEqual(['Det finns ingen planversion']);
    expect(reasonsToSendForConsultation({ today, planVersion: { frozen: true, areas: [] } })).toEqual(['Planversionen saknar områden']);
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
