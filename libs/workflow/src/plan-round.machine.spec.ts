import { createActor } from 'xstate';
import { acceptedEvents, allEvents, blockedFacts, okFacts } from './fixtures/facts';
import v1Fixture from './fixtures/plan-round.v1.drafting-plan.json';
import {
  applyPlanRoundEvent,
  availableEvents,
  evaluate,
  EVENTS_BY_STATE,
  FORCIBLE_EVENTS,
  initialPlanRoundSnapshot,
  isPlanRoundState,
  migrateSnapshot,
  PLAN_ROUND_EVENT_TYPES,
  PLAN_ROUND_FINAL_STATES,
  PLAN_ROUND_MACHINE_VERSION,
  PLAN_ROUND_PHASES,
  PLAN_ROUND_STATES,
  planRoundMachine,
  type PersistedPlanRound,
  type PlanRoundEvent,
  type PlanRoundState,
} from './plan-round.machine';
import { PLAN_ROUND_EVENT_LABELS, PLAN_ROUND_STATE_LABELS } from './plan-round.vocabulary';

const context = { forcedSteps: [], returns: [], cancellation: null };
const snapshotIn = (value: PlanRoundState) => planRoundMachine.resolveState({ value, context });

describe('planRoundMachine definition', () => {
  it('is version 1 and starts in preparing', () => {
    expect(PLAN_ROUND_MACHINE_VERSION).toBe(1);
    const actor = createActor(planRoundMachine).start();
    expect(actor.getSnapshot().value).toBe('preparing');
    actor.stop();
  });

  it('derives the steps of every state from the machine: the workflow of DESIGN.md, with CANCEL from every non-final state', () => {
    expect(EVENTS_BY_STATE).toEqual({
      preparing: ['LAUNCH', 'CANCEL'],
      collectingNeeds: ['CLOSE_NEEDS', 'CANCEL'],
      draftingPlan: ['REOPEN_NEEDS', 'SEND_FOR_CONSULTATION', 'CANCEL'],
      consultation: ['CLOSE_CONSULTATION', 'CANCEL'],
      compilingResponses: ['SUBMIT_FOR_DECISION', 'CANCEL'],
      awaitingDecision: ['RECORD_DECISION', 'CANCEL'],
      followUp: ['CLOSE_ROUND', 'CANCEL'],
      closed: [],
      cancelled: [],
    });
  });

  it.each(PLAN_ROUND_STATES)('evaluate agrees with snapshot.can for every event in %s', (state) => {
    const snapshot = snapshotIn(state);
    for (const event of allEvents) {
      expect({ event, allowed: evaluate(snapshot, event).allowed }).toEqual({ event, allowed: snapshot.can(event) });
      expect(evaluate(state, event)).toEqual(evaluate(snapshot, event));
    }
  });

  it('walks the happy path', () => {
    const actor = createActor(planRoundMachine).start();
    const steps: Array<[PlanRoundEvent, PlanRoundState]> = [
      [{ type: 'LAUNCH', facts: okFacts }, 'collectingNeeds'],
      [{ type: 'CLOSE_NEEDS', facts: okFacts }, 'draftingPlan'],
      [{ type: 'REOPEN_NEEDS', facts: okFacts }, 'collectingNeeds'],
      [{ type: 'CLOSE_NEEDS', force: true, reason: 'Tiden är ute', facts: blockedFacts }, 'draftingPlan'],
      [{ type: 'SEND_FOR_CONSULTATION', facts: okFacts }, 'consultation'],
      [{ type: 'CLOSE_CONSULTATION', facts: okFacts }, 'compilingResponses'],
      [{ type: 'SUBMIT_FOR_DECISION', facts: okFacts }, 'awaitingDecision'],
      [{ type: 'RECORD_DECISION', outcome: 'returned', reason: 'Mer underlag', facts: okFacts }, 'draftingPlan'],
      [{ type: 'SEND_FOR_CONSULTATION', facts: okFacts }, 'consultation'],
      [{ type: 'CLOSE_CONSULTATION', facts: okFacts }, 'compilingResponses'],
      [{ type: 'SUBMIT_FOR_DECISION', facts: okFacts }, 'awaitingDecision'],
      [{ type: 'RECORD_DECISION', outcome: 'adopted', facts: okFacts }, 'followUp'],
      [{ type: 'CLOSE_ROUND', facts: okFacts }, 'closed'],
    ];
    for (const [event, expected] of steps) {
      actor.send(event);
      expect(actor.getSnapshot().value).toBe(expected);
    }
    const { context: ctx, status } = actor.getSnapshot();
    expect(status).toBe('done');
    expect(ctx.forcedSteps).toEqual([{ event: 'CLOSE_NEEDS', reason: 'Tiden är ute', on: '2026-03-10' }]);
    expect(ctx.returns).toEqual([{ reason: 'Mer underlag', on: '2026-03-10' }]);
    actor.stop();
  });

  it('refused events leave the state unchanged', () => {
    const actor = createActor(planRoundMachine).start();
    actor.send({ type: 'LAUNCH', facts: blockedFacts });
    expect(actor.getSnapshot().value).toBe('preparing');
    actor.send({ type: 'CANCEL', reason: '', facts: okFacts });
    expect(actor.getSnapshot().value).toBe('preparing');
    actor.send({ type: 'CANCEL', reason: ' Omorganisation ', facts: okFacts });
    expect(actor.getSnapshot().value).toBe('cancelled');
    expect(actor.getSnapshot().context.cancellation).toEqual({ reason: 'Omorganisation', on: '2026-03-10' });
    actor.stop();
  });
});

describe('evaluate', () => {
  it('explains a blocked step with the guard reasons', () => {
    expect(evaluate('collectingNeeds', { type: 'CLOSE_NEEDS', facts: blockedFacts })).toEqual({
      allowed: false,
      reasons: ['2 förvaltningar har inte lämnat in behov'],
    });
    expect(evaluate('draftingPlan', { type: 'SEND_FOR_CONSULTATION', facts: blockedFacts })).toEqual({
      allowed: false,
      reasons: ['Planversionen är inte låst', 'Området Lokal service saknar insats', 'Remissen är inte förberedd'],
    });
  });

  it('explains a step that does not belong to the state, and final states', () => {
    expect(evaluate('preparing', { type: 'CLOSE_ROUND', facts: okFacts })).toEqual({
      allowed: false,
      reasons: ['Steget är inte möjligt när planomgången är i läget Förberedelse'],
    });
    expect(evaluate('closed', { type: 'CANCEL', reason: 'x', facts: okFacts }).reasons).toEqual(['Planomgången är avslutad och kan inte ändras']);
    expect(evaluate('cancelled', { type: 'LAUNCH', facts: okFacts }).reasons).toEqual(['Planomgången är avbruten och kan inte ändras']);
  });

  it('refuses force where it makes no sense and a forced step without a reason', () => {
    const launchForced = { type: 'LAUNCH', force: true, reason: 'Brådskande', facts: blockedFacts } as unknown as PlanRoundEvent;
    expect(evaluate('preparing', launchForced).reasons).toEqual(['Det här steget kan inte tas som framtvingat steg']);
    expect(evaluate('consultation', { type: 'CLOSE_CONSULTATION', force: true, reason: '', facts: blockedFacts }).reasons).toEqual([
      'Ett framtvingat steg kräver en skriftlig motivering',
    ]);
    expect(evaluate('consultation', { type: 'CLOSE_CONSULTATION', force: true, reason: 'Svarstiden förlängdes inte', facts: blockedFacts })).toEqual({
      allowed: true,
      reasons: [],
    });
  });

  it('throws on an unknown state', () => {
    expect(() => evaluate({ value: 'nowhere' }, { type: 'LAUNCH', facts: okFacts })).toThrow('Unknown plan-round state');
  });
});

describe('availableEvents', () => {
  it('lists the events of the state with fact-based reasons', () => {
    expect(availableEvents('collectingNeeds', blockedFacts)).toEqual([
      { type: 'CLOSE_NEEDS', allowed: false, reasons: ['2 förvaltningar har inte lämnat in behov'], forcible: true },
      { type: 'CANCEL', allowed: true, reasons: [], forcible: false },
    ]);
    expect(availableEvents(snapshotIn('draftingPlan'), okFacts).map((e) => [e.type, e.allowed])).toEqual([
      ['REOPEN_NEEDS', true],
      ['SEND_FOR_CONSULTATION', true],
      ['CANCEL', true],
    ]);
    expect(availableEvents('preparing', blockedFacts)[0]).toEqual({
      type: 'LAUNCH',
      allowed: false,
      reasons: ['Sista dag för remissvar måste ligga efter sista dag för behov'],
      forcible: false,
    });
  });

  it('offers nothing in a final state', () => {
    expect(availableEvents('closed', okFacts)).toEqual([]);
    expect(availableEvents('cancelled', okFacts)).toEqual([]);
  });

  it.each(PLAN_ROUND_STATES.filter((state) => !PLAN_ROUND_FINAL_STATES.includes(state)))(
    'an allowed event with valid input is accepted by the machine in %s',
    (state) => {
      const snapshot = snapshotIn(state);
      const offered = availableEvents(state, okFacts);
      expect(offered.map((o) => o.type)).toEqual(EVENTS_BY_STATE[state]);
      for (const { type, allowed } of offered) {
        expect({ type, allowed }).toEqual({ type, allowed: true });
        const events = acceptedEvents.filter((e) => e.type === type && e.facts === okFacts);
        expect(events.length).toBeGreaterThan(0);
        for (const event of events) expect(snapshot.can(event)).toBe(true);
      }
    },
  );
});

describe('persisted snapshots', () => {
  it('migrateSnapshot is the identity for version 1', () => {
    const persisted = v1Fixture as PersistedPlanRound;
    expect(migrateSnapshot(persisted)).toBe(persisted.snapshot);
  });

  it('rejects unknown versions and foreign snapshots', () => {
    expect(() => migrateSnapshot({ machineVersion: 2, snapshot: v1Fixture.snapshot })).toThrow('newer than 1');
    expect(() => migrateSnapshot({ machineVersion: 0, snapshot: v1Fixture.snapshot })).toThrow('Invalid plan-round machine version');
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: { value: 'elsewhere', context: {} } })).toThrow('Not a plan-round snapshot');
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: { value: 'draftingPlan' } })).toThrow('Not a plan-round snapshot');
  });

  it('restores the v1 fixture with createActor and continues', () => {
    const actor = createActor(planRoundMachine, { snapshot: migrateSnapshot(v1Fixture) }).start();
    const restored = actor.getSnapshot();
    expect(restored.value).toBe('draftingPlan');
    expect(restored.context.forcedSteps).toHaveLength(1);
    const send: PlanRoundEvent = { type: 'SEND_FOR_CONSULTATION', facts: okFacts };
    expect(restored.can(send)).toBe(true);
    actor.send(send);
    expect(actor.getSnapshot().value).toBe('consultation');
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();
    expect(persisted).toMatchObject({ value: 'consultation', status: 'active', context: { forcedSteps: v1Fixture.snapshot.context.forcedSteps } });
  });

  it('per request: restore, can(), send, persist, stop (applyPlanRoundEvent)', () => {
    const roundtrip = (p: PersistedPlanRound): PersistedPlanRound => JSON.parse(JSON.stringify(p));
    let stored: PersistedPlanRound | null = null;
    const events: PlanRoundEvent[] = [
      { type: 'LAUNCH', facts: okFacts },
      { type: 'CLOSE_NEEDS', facts: okFacts },
      { type: 'SEND_FOR_CONSULTATION', facts: okFacts },
      { type: 'CLOSE_CONSULTATION', force: true, reason: 'Svarstiden räckte', facts: blockedFacts },
      { type: 'SUBMIT_FOR_DECISION', facts: okFacts },
      { type: 'RECORD_DECISION', outcome: 'adopted', facts: okFacts },
      { type: 'CLOSE_ROUND', facts: okFacts },
    ];
    const path: string[] = [];
    for (const event of events) {
      const result = applyPlanRoundEvent(stored, event);
      if (!result.allowed) throw new Error(result.reasons.join('; '));
      path.push(`${result.from}→${result.to}`);
      stored = roundtrip(result.persisted);
      expect(stored.machineVersion).toBe(PLAN_ROUND_MACHINE_VERSION);
    }
    expect(path).toEqual([
      'preparing→collectingNeeds',
      'collectingNeeds→draftingPlan',
      'draftingPlan→consultation',
      'consultation→compilingResponses',
      'compilingResponses→awaitingDecision',
      'awaitingDecision→followUp',
      'followUp→closed',
    ]);
    expect(applyPlanRoundEvent(stored, { type: 'CANCEL', reason: 'För sent', facts: okFacts })).toEqual({
      allowed: false,
      from: 'closed',
      reasons: ['Planomgången är avslutad och kan inte ändras'],
    });
  });

  it('a refused step reports the reasons and leaves the stored snapshot as it was', () => {
    const stored = v1Fixture as PersistedPlanRound;
    const before = JSON.stringify(stored);
    expect(applyPlanRoundEvent(stored, { type: 'SEND_FOR_CONSULTATION', facts: blockedFacts })).toEqual({
      allowed: false,
      from: 'draftingPlan',
      reasons: ['Planversionen är inte låst', 'Området Lokal service saknar insats', 'Remissen är inte förberedd'],
    });
    expect(JSON.stringify(stored)).toBe(before);
  });
});

const NON_FINAL_STATES = PLAN_ROUND_STATES.filter((state) => !PLAN_ROUND_FINAL_STATES.includes(state));
/** The accepted event of each type, with okFacts (the forced variants are separate). */
const acceptedOf = (type: PlanRoundEvent['type']) => acceptedEvents.find((e) => e.type === type && !('force' in e))!;

describe('what the machine remembers', () => {
  it.each(NON_FINAL_STATES)('a cancellation in %s records its reason, trimmed, and the day', (state) => {
    const actor = createActor(planRoundMachine, { snapshot: snapshotIn(state) }).start();
    actor.send({ type: 'CANCEL', reason: '  Omorganisation av förvaltningarna\n', facts: { ...okFacts, today: '2026-05-04' } });
    const { value, context: remembered } = actor.getSnapshot();
    actor.stop();
    expect(value).toBe('cancelled');
    expect(remembered).toEqual({ forcedSteps: [], returns: [], cancellation: { reason: 'Omorganisation av förvaltningarna', on: '2026-05-04' } });
  });

  it('a forced step is remembered with its reason trimmed and the day; an unforced one is not', () => {
    const forced = applyPlanRoundEvent(null, { type: 'LAUNCH', facts: okFacts });
    expect(forced).toMatchObject({ allowed: true, from: 'preparing', to: 'collectingNeeds', context: { forcedSteps: [], returns: [], cancellation: null } });
    const closed = applyPlanRoundEvent(forced.allowed ? forced.persisted : null, {
      type: 'CLOSE_NEEDS',
      force: true,
      reason: ' Tiden är ute ',
      facts: { ...blockedFacts, today: '2026-03-12' },
    });
    expect(closed).toMatchObject({ allowed: true, to: 'draftingPlan', context: { forcedSteps: [{ event: 'CLOSE_NEEDS', reason: 'Tiden är ute', on: '2026-03-12' }] } });

    const actor = createActor(planRoundMachine, { snapshot: snapshotIn('consultation') }).start();
    actor.send({ type: 'CLOSE_CONSULTATION', force: false, facts: okFacts });
    expect(actor.getSnapshot()).toMatchObject({ value: 'compilingResponses', context: { forcedSteps: [] } });
    actor.stop();
  });

  it('a returned decision is remembered with its reason trimmed and the day; an adopted one is not', () => {
    const actor = createActor(planRoundMachine, { snapshot: snapshotIn('awaitingDecision') }).start();
    actor.send({ type: 'RECORD_DECISION', outcome: 'returned', reason: '\tKostnaderna är inte utredda ', facts: { ...okFacts, today: '2026-10-01' } });
    expect(actor.getSnapshot()).toMatchObject({ value: 'draftingPlan', context: { returns: [{ reason: 'Kostnaderna är inte utredda', on: '2026-10-01' }], cancellation: null } });
    actor.stop();
    const adopted = createActor(planRoundMachine, { snapshot: snapshotIn('awaitingDecision') }).start();
    adopted.send({ type: 'RECORD_DECISION', outcome: 'adopted', reason: 'Enhälligt', facts: okFacts });
    expect(adopted.getSnapshot()).toMatchObject({ value: 'followUp', context: { returns: [], forcedSteps: [] } });
    adopted.stop();
  });

  it('a decision that is neither adopted nor returned moves nothing', () => {
    const tabled = { type: 'RECORD_DECISION', outcome: 'tabled', reason: 'Bordlagt', facts: okFacts } as unknown as PlanRoundEvent;
    expect(snapshotIn('awaitingDecision').can(tabled)).toBe(false);
    expect(evaluate('awaitingDecision', tabled)).toEqual({ allowed: false, reasons: ['Beslutet måste vara antaget eller återremitterat'] });
  });
});

describe('forcing', () => {
  const forcedCases = NON_FINAL_STATES.flatMap((state) =>
    EVENTS_BY_STATE[state].filter((type) => !FORCIBLE_EVENTS.includes(type)).map((type) => [state, type] as const),
  );

  it('is possible only for closing the needs collection and the consultation, and submitting for decision', () => {
    expect(FORCIBLE_EVENTS).toEqual(['CLOSE_NEEDS', 'CLOSE_CONSULTATION', 'SUBMIT_FOR_DECISION']);
    expect(forcedCases.map(([, type]) => type)).toEqual(
      expect.arrayContaining(['LAUNCH', 'REOPEN_NEEDS', 'SEND_FOR_CONSULTATION', 'RECORD_DECISION', 'CLOSE_ROUND', 'CANCEL']),
    );
  });

  it('refuses SUBMIT_FOR_DECISION while proposals are untriaged, and takes it forced with a written reason (remembered)', () => {
    expect(evaluate('compilingResponses', { type: 'SUBMIT_FOR_DECISION', facts: blockedFacts })).toEqual({ allowed: false, reasons: ['3 förslag är inte behandlade'] });
    expect(evaluate('compilingResponses', { type: 'SUBMIT_FOR_DECISION', facts: { ...okFacts, proposals: { untriaged: 1 } } }).reasons).toEqual(['1 förslag är inte behandlat']);
    expect(evaluate('compilingResponses', { type: 'SUBMIT_FOR_DECISION', facts: { ...okFacts, proposals: null } }).reasons).toEqual(['Uppgifter om remissvarens förslag saknas']);
    expect(evaluate('compilingResponses', { type: 'SUBMIT_FOR_DECISION', force: true, reason: '', facts: blockedFacts }).reasons).toEqual([
      'Ett framtvingat steg kräver en skriftlig motivering',
    ]);
    const step = applyPlanRoundEvent({ machineVersion: 1, snapshot: snapshotIn('compilingResponses') }, { type: 'SUBMIT_FOR_DECISION', force: true, reason: ' Styrelsen möts nu ', facts: blockedFacts });
    expect(step).toMatchObject({ allowed: true, to: 'awaitingDecision', context: { forcedSteps: [{ event: 'SUBMIT_FOR_DECISION', reason: 'Styrelsen möts nu', on: '2026-03-10' }] } });
    expect(availableEvents('compilingResponses', blockedFacts)[0]).toEqual({ type: 'SUBMIT_FOR_DECISION', allowed: false, reasons: ['3 förslag är inte behandlade'], forcible: true });
  });

  it.each(forcedCases)('in %s, %s with force is refused by the machine as by evaluate', (state, type) => {
    const forced = { ...acceptedOf(type), force: true, reason: 'Brådskande' } as unknown as PlanRoundEvent;
    expect(snapshotIn(state).can(acceptedOf(type))).toBe(true);
    expect(snapshotIn(state).can(forced)).toBe(false);
    expect(evaluate(state, forced)).toEqual({ allowed: false, reasons: ['Det här steget kan inte tas som framtvingat steg'] });
    expect(applyPlanRoundEvent({ machineVersion: 1, snapshot: snapshotIn(state) }, forced)).toEqual({
      allowed: false,
      from: state,
      reasons: ['Det här steget kan inte tas som framtvingat steg'],
    });
  });

  it('treats force: false as not forcing, and any other value than true as refused where forcing makes no sense', () => {
    const reopen = acceptedOf('REOPEN_NEEDS');
    expect(evaluate('draftingPlan', { ...reopen, force: false } as unknown as PlanRoundEvent)).toEqual({ allowed: true, reasons: [] });
    expect(evaluate('draftingPlan', { ...reopen, force: 'ja' } as unknown as PlanRoundEvent).reasons).toEqual(['Det här steget kan inte tas som framtvingat steg']);
    // On a forcible step, only `true` forces: anything else is judged on the facts.
    expect(evaluate('collectingNeeds', { type: 'CLOSE_NEEDS', force: 'ja', reason: 'x', facts: blockedFacts } as unknown as PlanRoundEvent).reasons).toEqual([
      '2 förvaltningar har inte lämnat in behov',
    ]);
  });
});

describe('steps, states and labels', () => {
  it('a new round starts in preparing, stored under the current version', () => {
    const initial = initialPlanRoundSnapshot();
    expect(initial.machineVersion).toBe(PLAN_ROUND_MACHINE_VERSION);
    expect(initial.snapshot).toMatchObject({ value: 'preparing', status: 'active', context: { forcedSteps: [], returns: [], cancellation: null } });
    expect(applyPlanRoundEvent(initial, { type: 'LAUNCH', facts: okFacts })).toMatchObject({ allowed: true, from: 'preparing', to: 'collectingNeeds' });
    expect(applyPlanRoundEvent(null, { type: 'LAUNCH', facts: blockedFacts })).toEqual({
      allowed: false,
      from: 'preparing',
      reasons: ['Sista dag för remissvar måste ligga efter sista dag för behov'],
    });
  });

  it('returns the new snapshot as stored: version and state', () => {
    const result = applyPlanRoundEvent(null, { type: 'CANCEL', reason: 'Fel år', facts: okFacts });
    expect(result).toMatchObject({ allowed: true, from: 'preparing', to: 'cancelled', context: { cancellation: { reason: 'Fel år', on: '2026-03-10' } } });
    expect(result.allowed && result.persisted).toMatchObject({ machineVersion: 1, snapshot: { value: 'cancelled', status: 'done' } });
  });

  it('rejects stored snapshots that are not plan rounds, naming the problem', () => {
    const snapshot = v1Fixture.snapshot;
    expect(() => migrateSnapshot({ machineVersion: 1.5, snapshot })).toThrow('Invalid plan-round machine version: 1.5');
    expect(() => migrateSnapshot({ machineVersion: '1' as unknown as number, snapshot })).toThrow('Invalid plan-round machine version: 1');
    expect(() => migrateSnapshot({ machineVersion: 2, snapshot })).toThrow('Plan-round snapshot is from machine version 2, newer than 1');
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: null })).toThrow(/^Not a plan-round snapshot$/);
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: 'draftingPlan' })).toThrow(/^Not a plan-round snapshot$/);
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: { ...snapshot, context: null } })).toThrow('Not a plan-round snapshot (context)');
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: { ...snapshot, context: 'x' } })).toThrow('Not a plan-round snapshot (context)');
    expect(() => migrateSnapshot({ machineVersion: 1, snapshot: { ...snapshot, context: { forcedSteps: {} } } })).toThrow('Not a plan-round snapshot (context)');
    expect(() => evaluate({ value: { collectingNeeds: 'x' } }, acceptedOf('CANCEL'))).toThrow('Unknown plan-round state: {"collectingNeeds":"x"}');
  });

  it('recognises the states by name only', () => {
    expect(PLAN_ROUND_STATES.every(isPlanRoundState)).toBe(true);
    expect(isPlanRoundState('Planarbete')).toBe(false);
    expect(isPlanRoundState(1)).toBe(false);
    expect(isPlanRoundState(null)).toBe(false);
  });

  it('labels every state and step in Swedish, and shows the phases in order without cancelled', () => {
    const table = (labels: Record<string, string>) => Object.entries(labels).map(([key, label]) => `${key}=${label}`).join('; ');
    expect(table(PLAN_ROUND_STATE_LABELS)).toBe(
      'preparing=Förberedelse; collectingNeeds=Behovsinsamling; draftingPlan=Planarbete; consultation=Remiss; ' +
        'compilingResponses=Sammanställning av remissvar; awaitingDecision=Inför beslut; followUp=Uppföljning; closed=Avslutad; cancelled=Avbruten',
    );
    expect(table(PLAN_ROUND_EVENT_LABELS)).toBe(
      'LAUNCH=Starta behovsinsamlingen; CLOSE_NEEDS=Stäng behovsinsamlingen; REOPEN_NEEDS=Öppna behovsinsamlingen igen; ' +
        'SEND_FOR_CONSULTATION=Skicka planen på remiss; CLOSE_CONSULTATION=Stäng remissen; SUBMIT_FOR_DECISION=Lämna planen till beslut; ' +
        'RECORD_DECISION=Registrera beslutet; CLOSE_ROUND=Avsluta planomgången; CANCEL=Avbryt planomgången; DEADLINE_REACHED=Tidsfristen har passerat',
    );
    expect(PLAN_ROUND_EVENT_TYPES).toEqual(Object.keys(PLAN_ROUND_EVENT_LABELS));
    expect(PLAN_ROUND_PHASES).toEqual(['preparing', 'collectingNeeds', 'draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp', 'closed']);
    expect(PLAN_ROUND_FINAL_STATES).toEqual(['closed', 'cancelled']);
    for (const state of NON_FINAL_STATES) {
      expect(evaluate(state, { type: 'DEADLINE_REACHED', deadline: 'needs', facts: okFacts }).reasons).toEqual([
        `Steget är inte möjligt när planomgången är i läget ${PLAN_ROUND_STATE_LABELS[state]}`,
      ]);
    }
    expect.assertions(5 + NON_FINAL_STATES.length);
  });

  it('marks only the forcible steps as forcible in what it offers', () => {
    expect(availableEvents('consultation', blockedFacts)).toEqual([
      { type: 'CLOSE_CONSULTATION', allowed: false, reasons: ['3 remissinstanser har inte svarat'], forcible: true },
      { type: 'CANCEL', allowed: true, reasons: [], forcible: false },
    ]);
    expect(availableEvents('followUp', okFacts)).toEqual([
      { type: 'CLOSE_ROUND', allowed: true, reasons: [], forcible: false },
      { type: 'CANCEL', allowed: true, reasons: [], forcible: false },
    ]);
  });
});
