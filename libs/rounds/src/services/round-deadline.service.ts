import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { Clock, LocalDate, localDateInCity } from '@samverka/kernel';
import { eventsAcceptedIn, FORCIBLE_EVENTS, isPlanRoundState, PlanRoundState, reasonsToCloseConsultation, reasonsToCloseNeeds } from '@samverka/workflow';
import { deadlineOf, PHASE_DEADLINE } from '../deadlines';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { DeadlineDueRow, PlanRoundRepository } from '../repositories/plan-round.repository';
import { PlanRoundFactsLoader } from '../facts/plan-round-facts.loader';
import { SteeringEventType } from '../plan-round.model';
import { PlanRoundStepService } from './plan-round-step.service';
import { RoundNotifier } from './round-notifier';

export interface DeadlineSweepResult {
  /** Deadlines recorded as passed (DEADLINE_REACHED) in this sweep. */
  recorded: number;
  /** Phases closed automatically at their deadline. */
  autoClosed: number;
  /** Rounds whose handling failed (left for the next sweep). */
  failed: number;
}

/**
 * The deadline sweep, run by the worker on a schedule (never an in-memory timer): for each round
 * whose phase deadline has passed, once per deadline and date, it records DEADLINE_REACHED in the
 * history (the round shows as overdue), tells the strategists what was still missing, and closes
 * the phase when the round asks for it. Each round is its own transaction; a failure is retried by
 * the next sweep, and two workers sweeping at once record and send everything once.
 */
@Injectable()
export class RoundDeadlineService {
  private readonly logger = new Logger('RoundDeadlines');

  constructor(
    private readonly tx: TransactionHost,
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly factsLoader: PlanRoundFactsLoader,
    private readonly steps: PlanRoundStepService,
    private readonly notifier: RoundNotifier,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<DeadlineSweepResult> {
    const today = localDateInCity(this.clock.now());
    const result: DeadlineSweepResult = { recorded: 0, autoClosed: 0, failed: 0 };
    for (const due of await this.rounds.findPassedUnrecordedDeadlines(today)) {
      try {
        const outcome = await this.tx.run(() => this.handle(due, today));
        if (outcome.recorded) result.recorded++;
        if (outcome.autoClosed) result.autoClosed++;
      } catch (e) {
        result.failed++;
        this.logger.warn(`Deadline ${due.deadline} ${due.date} of round ${due.roundId} not handled, retried next sweep: ${(e as Error).message}`);
      }
    }
    return result;
  }

  private async handle(due: DeadlineDueRow, today: LocalDate): Promise<{ recorded: boolean; autoClosed: boolean }> {
    // Re-read inside the transaction: the round may have moved on, or its deadline changed, since the query.
    const loaded = await this.factsLoader.load(due.roundId, today);
    const round = loaded?.round;
    if (!loaded || !round || !isPlanRoundState(round.state) || PHASE_DEADLINE[round.state] !== due.deadline || deadlineOf(round, due.deadline) !== due.date) {
      return { recorded: false, autoClosed: false };
    }
    const phase = round.state;
    const { facts } = loaded;
    // What was missing at the end of the last day (judged as of that day, when the deadline did not yet excuse it).
    const asOfDeadline = { ...facts, today: due.date };
    const outstanding =
      due.deadline === 'needs'
        ? reasonsToCloseNeeds(asOfDeadline)
        : due.deadline === 'consultationReply'
          ? reasonsToCloseConsultation(asOfDeadline)
          : ['Beslutet är inte registrerat'];
    const recorded = await this.history.recordDeadlineReached({
      roundId: round.id,
      deadline: due.deadline,
      deadlineDate: due.date,
      fromState: phase,
      actorLabel: SYSTEM_ACTOR.label,
      data: { outstanding },
    });
    if (!recorded) return { recorded: false, autoClosed: false };
    await this.audit.record(SYSTEM_ACTOR, {
      action: 'plan_round.deadline_reached',
      subjectType: 'plan_round',
      subjectId: round.id,
      after: { deadline: due.deadline, date: due.date, state: phase, outstanding },
    });
    const autoClose = (due.deadline === 'needs' && round.autoCloseNeeds) || (due.deadline === 'consultationReply' && round.autoCloseConsultation) ? closingStepOf(phase) : null;
    if (autoClose) await this.steps.transition(SYSTEM_ACTOR, round.id, { type: autoClose }, round.version);
    await this.notifier.deadlinePassed(round, { kind: due.deadline, date: due.date }, phase, outstanding, autoClose !== null);
    this.logger.log(`Round ${round.id}: ${due.deadline} deadline ${due.date} passed${autoClose ? `, ${autoClose} taken` : ''}`);
    return { recorded: true, autoClosed: autoClose !== null };
  }
}

/** The step that closes a phase at its deadline: the one the machine accepts in that state and lets be forced (CLOSE_NEEDS, CLOSE_CONSULTATION). */
function closingStepOf(state: PlanRoundState): SteeringEventType | null {
  return (eventsAcceptedIn(state).find((type) => FORCIBLE_EVENTS.includes(type)) as SteeringEventType | undefined) ?? null;
}
