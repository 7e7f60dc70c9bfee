import { createActor } from 'xstate';
import { acceptedEvents, allEvents, blockedFacts, okFacts } from './fixtures/facts';
import v1Fixture from './fixtures/plan-round.v1.drafting-plan.json';
import {
  applyPlanRoundEvent,
  availableEvents,
  evaluate,
  EVENTS_BY_STATE,
  migrateSnapshot,
  PLAN_ROUND_FINAL_STATES,
  PLAN_ROUND_MACHINE_VERSION,
  PLAN_ROUND_STATES,
  planRoundMachine,
  type PersistedPlanRound,
  type PlanRoundEvent,
  type PlanRoundState,
} from './plan-round.machine';

const context = { forcedSteps: [], returns: [], cancellation: null };
const snapshotIn = (value: PlanRoundState) => planRoundMachine.resolveState({ value, context });

describe('planRoundMachine definition', () => {
  it('is version 1 and starts in preparing', () => {
    expect(PLAN_ROUND_MACHINE_VERSION).toBe(1);
    const actor = createActor(planRoundMachine).start();
    expect(actor.getSnapshot().value).toBe('preparing');
    actor.stop();
  });

  it.each(PLAN_ROUND_STATES)('EVENTS_BY_STATE matches the transitions of %s', (state) => {
    const node = planRoundMachine.states[state];
    expect([...node.ownEvents].sort()).toEqual([...EVENTS_BY_STATE[state]].sort());
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
      reasons: ['Planversionen är inte låst', 'Området Lokal service saknar insats'],
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
    expect(evaluate('preparing', launchForced).reasons).toEqual(['Det här steget kan inte tvingas fram']);
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
      reasons: ['Planversionen är inte låst', 'Området Lokal service saknar insats'],
    });
    expect(JSON.stringify(stored)).toBe(before);
  });
});
