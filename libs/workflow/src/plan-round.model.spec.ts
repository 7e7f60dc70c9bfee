/**
 * Model-based: @xstate/graph generates every simple path through the machine, driven by events
 * whose facts satisfy the guards (plus forced variants and refused ones), and each path is checked
 * against the invariants of the workflow.
 */
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { transition } from 'xstate';
import { acceptedEvents, allEvents } from './fixtures/facts';
import {
  evaluate,
  PLAN_ROUND_FINAL_STATES,
  PLAN_ROUND_STATES,
  planRoundMachine,
  type PlanRoundSnapshot,
  type PlanRoundState,
} from './plan-round.machine';

const serializeState = (s: PlanRoundSnapshot): string =>
  JSON.stringify([s.value, [...new Set(s.context.forcedSteps.map((f) => f.event))].sort(), s.context.returns.length > 0]);

/** The generated paths, without the graph's own initial `xstate.init` step. */
const withoutInit = <P extends { steps: Array<{ event: { type: string } }> }>(path: P): P => ({
  ...path,
  steps: path.steps.filter((s) => s.event.type !== 'xstate.init'),
});
const paths = getSimplePaths(planRoundMachine, { events: allEvents, serializeState }).map(withoutInit);
const stateOf = (s: PlanRoundSnapshot) => s.value as PlanRoundState;
const isFinal = (s: PlanRoundState) => PLAN_ROUND_FINAL_STATES.includes(s);
const context = { forcedSteps: [], returns: [], cancellation: null };

describe('plan-round model (every simple path)', () => {
  it('generates paths that reach every state', () => {
    expect(paths.length).toBeGreaterThan(50);
    const reached = new Set(paths.map((p) => stateOf(p.state)));
    expect([...reached].sort()).toEqual([...PLAN_ROUND_STATES].sort());
  });

  it('final states accept no further event', () => {
    const finals = paths.filter((p) => isFinal(stateOf(p.state)));
    expect(finals.length).toBeGreaterThan(0);
    for (const { state } of finals) {
      expect(state.status).toBe('done');
      for (const event of allEvents) {
        expect(state.can(event)).toBe(false);
        expect(evaluate(state, event).allowed).toBe(false);
        expect(transition(planRoundMachine, state, event)[0].value).toBe(state.value);
      }
    }
  });

  it('no path reaches a decision or follow-up without passing consultation', () => {
    const afterConsultation: readonly PlanRoundState[] = ['compilingResponses', 'awaitingDecision', 'followUp', 'closed'];
    let checked = 0;
    for (const path of paths) {
      let consulted = false;
      for (const step of path.steps) {
        const state = stateOf(step.state);
        if (state === 'consultation') consulted = true;
        if (afterConsultation.includes(state)) {
          checked++;
          expect({ path: path.steps.map((s) => s.event.type), consulted }).toEqual({ path: path.steps.map((s) => s.event.type), consulted: true });
        }
      }
    }
    // Every step into those states was checked, and there are such steps.
    expect(checked).toBe(paths.flatMap((p) => p.steps).filter((s) => afterConsultation.includes(stateOf(s.state))).length);
    expect(checked).toBeGreaterThan(0);
  });

  it('every forced step carries a non-empty reason and is remembered', () => {
    let forced = 0;
    let remembered = 0;
    for (const path of paths) {
      for (const step of path.steps) {
        if ('force' in step.event && step.event.force) {
          forced++;
          expect(typeof step.event.reason).toBe('string');
          expect((step.event.reason ?? '').trim()).not.toBe('');
          expect(step.state.context.forcedSteps).toContainEqual({
            event: step.event.type,
            reason: (step.event.reason ?? '').trim(),
            on: step.event.facts.today,
          });
        }
      }
      for (const recorded of path.state.context.forcedSteps) {
        remembered++;
        expect(recorded.reason.trim()).not.toBe('');
      }
    }
    expect(forced).toBeGreaterThan(0);
    expect(remembered).toBeGreaterThan(0);
  });

  it('only the listed events ever move the machine', () => {
    const steps = paths.flatMap((path) => path.steps);
    expect(steps.length).toBeGreaterThan(0);
    expect.assertions(steps.length + 1);
    for (const step of steps) expect(acceptedEvents).toContain(step.event);
  });

  it('returned decisions go back to drafting the plan, adopted ones to follow-up', () => {
    const decided = { adopted: 0, returned: 0 };
    for (const path of paths) {
      for (const step of path.steps) {
        if (step.event.type === 'RECORD_DECISION') {
          decided[step.event.outcome]++;
          expect(stateOf(step.state)).toBe(step.event.outcome === 'adopted' ? 'followUp' : 'draftingPlan');
        }
      }
    }
    expect(decided.adopted).toBeGreaterThan(0);
    expect(decided.returned).toBeGreaterThan(0);
  });
});

describe('cancellation reachability', () => {
  it.each(PLAN_ROUND_STATES.filter((s) => !isFinal(s)))('cancelled is reachable in one step from %s', (state) => {
    const fromState = planRoundMachine.resolveState({ value: state, context });
    const toCancelled = getShortestPaths(planRoundMachine, {
      events: allEvents,
      serializeState,
      fromState,
      toState: (s) => s.value === 'cancelled',
    }).map(withoutInit);
    // (one shortest path per cancelled snapshot; they differ in the remembered forced steps/returns)
    expect(toCancelled.length).toBeGreaterThan(0);
    const shortest = [...toCancelled].sort((a, b) => a.weight - b.weight)[0];
    expect(shortest.steps.map((s) => s.event.type)).toEqual(['CANCEL']);
    for (const path of toCancelled) expect(path.steps.at(-1)?.event.type).toBe('CANCEL');
  });

  it.each(PLAN_ROUND_FINAL_STATES)('nothing is reachable from %s', (state) => {
    const fromState = planRoundMachine.resolveState({ value: state, context });
    const reachable = getShortestPaths(planRoundMachine, { events: allEvents, serializeState, fromState }).map(withoutInit);
    expect(reachable.map((p) => [p.state.value, p.steps.length])).toEqual([[state, 0]]);
  });
});
