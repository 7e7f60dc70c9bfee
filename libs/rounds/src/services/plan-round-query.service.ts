import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@samverka/audit';
import { Clock, LocalDate, localDateInCity } from '@samverka/kernel';
import { RecipientDirectory } from '@samverka/identity';
import { PlanRoundEventEntity } from '../entities/plan-round-event.entity';
import { loadedFactsOf } from '../facts/plan-round-facts.loader';
import { LaunchPreview, NextRoundProposal, OwnParticipation, PlanRoundSummary, PlanRoundView, RoundBasics, SubmissionStepEntry } from '../plan-round.model';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { PlanRoundRepository, RoundReaderScope } from '../repositories/plan-round.repository';
import { RoundFactProviders } from '../facts/round-fact-providers';
import { RoundSource, RoundViewRepository } from '../repositories/round-view.repository';
import { assemblePlanRoundSummary, assemblePlanRoundView, roundAreasOf, roundDeadlinesOf, roundStateOf, submissionOf } from './plan-round-view.assembler';
import { proposedDeadlines } from '../next-round';

export type { RoundReaderScope } from '../repositories/plan-round.repository';

/** Reading plan rounds: the list, one round's view and history, what other contexts need of a round, and who may see it. */
@Injectable()
export class PlanRoundQueryService {
  constructor(
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly sources: RoundViewRepository,
    private readonly providers: RoundFactProviders,
    private readonly audit: AuditService,
    private readonly directory: RecipientDirectory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Today in the city (the day deadlines and guards are judged on). */
  today(): LocalDate {
    return localDateInCity(this.clock.now());
  }

  /** Rounds the reader may see, newest year first. */
  async list(scope: RoundReaderScope, filter: { year?: number; state?: string } = {}): Promise<PlanRoundSummary[]> {
    const today = this.today();
    return (await this.rounds.list(scope, filter)).map((round) => assemblePlanRoundSummary(round, today));
  }

  /**
   * What another context needs to know of a round to act within it (its phase, the needs deadline,
   * areas, participants). `lockForShare` holds the round's row until the caller's transaction ends,
   * so a workflow step cannot commit in between (it waits).
   */
  async basics(id: string, lockForShare = false): Promise<RoundBasics> {
    const round = await this.rounds.basicsOf(id, lockForShare);
    if (!round) throw this.rounds.notFound(id);
    return {
      id: round.id,
      title: round.title,
      year: round.year,
      state: roundStateOf(round),
      needsDeadline: round.needs_deadline,
      areas: round.areas,
      participants: round.participants,
    };
  }

  isVisibleTo(roundId: string, scope: RoundReaderScope): Promise<boolean> {
    return this.rounds.isVisibleTo(roundId, scope);
  }

  /** The round as its page and the API show it: state, deadlines, participants and the steps possible now (with reasons). One statement. */
  async view(id: string): Promise<PlanRoundView> {
    const today = this.today();
    const source = await this.sources.sourceOf(id, today);
    if (!source) throw this.rounds.notFound(id);
    return viewOf(source, today);
  }

  /** The round's history, oldest first. */
  async historyOf(id: string): Promise<PlanRoundEventEntity[]> {
    await this.rounds.require(id);
    return this.history.historyOf(id);
  }

  /** The departments' steps with their needs in the round (handed in, endorsed, returned), oldest first, with who took them (the audit's record). */
  async submissionStepsOf(id: string): Promise<SubmissionStepEntry[]> {
    const steps: readonly string[] = ['submit', 'nothingToReport', 'endorse', 'return'];
    return (await this.audit.historyOf('plan_round', id)).flatMap((e): SubmissionStepEntry[] => {
      const step = e.action.startsWith('needs_submission.') ? e.action.slice('needs_submission.'.length) : '';
      const after = e.after ?? {};
      if (!steps.includes(step) || typeof after.departmentId !== 'string') return [];
      return [
        {
          occurredAt: e.occurredAt,
          actorId: e.actorId,
          actorLabel: e.actorLabel,
          step: step as SubmissionStepEntry['step'],
          departmentId: after.departmentId,
          late: after.late === true,
          comment: step === 'return' && typeof after.returnComment === 'string' ? after.returnComment : null,
        },
      ];
    });
  }

  /**
   * For the round list: in each round (once launched), the departments of `departmentIds` taking
   * part, with their submission. One statement for every round listed.
   */
  async ownParticipation(rounds: readonly PlanRoundSummary[], departmentIds: readonly string[]): Promise<Map<string, OwnParticipation[]>> {
    const result = new Map<string, OwnParticipation[]>();
    const launched = rounds.filter((r) => r.state !== 'preparing' && r.state !== 'cancelled');
    if (departmentIds.length === 0 || launched.length === 0) return result;
    const today = this.today();
    const rows = await this.rounds.ownParticipantsWithNeedsFacts(
      launched.map((r) => r.id),
      departmentIds,
      (roundRef) => this.providers.jsonOf('needs', roundRef),
    );
    for (const round of launched) {
      const row = rows.get(round.id);
      if (!row || row.participants.length === 0) continue;
      const progress = this.providers.factsFrom('needs', row.needs);
      const overdue = round.state === 'collectingNeeds' && today > round.deadlines.needs;
      result.set(
        round.id,
        row.participants.map((p) => ({ departmentId: p.departmentId, name: p.name, submission: submissionOf(progress.get(p.departmentId), overdue) })),
      );
    }
    return result;
  }

  /**
   * What next year's round from this one starts with: the year after, its areas, its participants that
   * are still active, and its deadlines one year on moved to working days. Null when there is no such round.
   */
  async nextRoundProposal(fromRoundId: string): Promise<NextRoundProposal | null> {
    const previous = await this.rounds.findById(fromRoundId);
    if (!previous) return null;
    return {
      fromRoundId: previous.id,
      fromTitle: previous.title,
      year: previous.year + 1,
      areas: roundAreasOf(previous),
      participantDepartmentIds: (await this.rounds.participantsOf(previous.id)).filter((p) => p.active).map((p) => p.departmentId),
      deadlines: proposedDeadlines(roundDeadlinesOf(previous)),
    };
  }

  /** Whom launching the round would email today (the same people `RoundNotifier` writes to), and the departments nobody would hear of. */
  async launchPreview(view: Pick<PlanRoundView, 'participants' | 'assignmentsEnding'>): Promise<LaunchPreview> {
    const departmentIds = view.participants.map((p) => p.departmentId);
    const managers = departmentIds.length ? await this.directory.managementOf(departmentIds) : [];
    const coordinatorKeys = new Set(view.participants.flatMap((p) => p.coordinators.map((c) => `${p.departmentId}:${c.personId}`)));
    const people = new Set([...view.participants.flatMap((p) => p.coordinators.map((c) => c.personId)), ...managers.map((m) => m.personId)]);
    return {
      people: people.size,
      coordinators: coordinatorKeys.size,
      managers: new Set(managers.map((m) => m.userId)).size,
      withoutCoordinator: view.participants.filter((p) => p.coordinators.length === 0).map((p) => p.name),
      assignmentsEnding: view.assignmentsEnding,
    };
  }
}

/** The view of a round from its source (pure). */
export function viewOf(source: RoundSource, today: LocalDate): PlanRoundView {
  return assemblePlanRoundView({ round: source.round, loaded: loadedFactsOf(source, today), coordinators: source.coordinators, deadlinesReached: source.deadlinesReached, today });
}
