import { Inject, Injectable } from '@nestjs/common';
import { Clock, LocalDate, localDateInCity } from '@samverka/kernel';
import { CoordinatorService } from '@samverka/organisation';
import { PlanRoundEventEntity } from '../entities/plan-round-event.entity';
import { PlanRoundFactsLoader } from '../facts/plan-round-facts.loader';
import { PlanRoundSummary, PlanRoundView, RoundBasics } from '../plan-round.model';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { PlanRoundRepository, RoundReaderScope } from '../repositories/plan-round.repository';
import { assemblePlanRoundSummary, assemblePlanRoundView, roundAreasOf, roundStateOf } from './plan-round-view.assembler';

export type { RoundReaderScope } from '../repositories/plan-round.repository';

/** Reading plan rounds: the list, one round's view and history, what other contexts need of a round, and who may see it. */
@Injectable()
export class PlanRoundQueryService {
  constructor(
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly factsLoader: PlanRoundFactsLoader,
    private readonly coordinators: CoordinatorService,
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
    const round = lockForShare ? await this.rounds.findByIdForShare(id) : await this.rounds.findById(id);
    if (!round) throw this.rounds.notFound(id);
    const participants = await this.rounds.participantsOf(round.id);
    return {
      id: round.id,
      title: round.title,
      year: round.year,
      state: roundStateOf(round),
      needsDeadline: round.needsDeadline,
      areas: roundAreasOf(round),
      participants: participants.map((p) => ({ departmentId: p.departmentId, name: p.name, committeeId: p.committeeId })),
    };
  }

  isVisibleTo(roundId: string, scope: RoundReaderScope): Promise<boolean> {
    return this.rounds.isVisibleTo(roundId, scope);
  }

  /** The round as its page and the API show it: state, deadlines, participants and the steps possible now (with reasons). */
  async view(id: string): Promise<PlanRoundView> {
    const round = await this.rounds.require(id);
    const today = this.today();
    const loaded = await this.factsLoader.load(round, today);
    const departmentIds = loaded.participants.map((p) => p.departmentId);
    const assignments = departmentIds.length ? await this.coordinators.currentByDepartment(departmentIds) : [];
    const coordinators = assignments
      .filter((a) => this.coordinators.statusOf(a, today) === 'active')
      .map((a) => ({ departmentId: a.departmentId, personId: a.personId, name: a.person?.name ?? '', kind: a.kind }));
    const deadlinesReached = await this.history.deadlinesReached([round.id]);
    return assemblePlanRoundView({ round, loaded, coordinators, deadlinesReached, today });
  }

  /** The round's history, oldest first. */
  async historyOf(id: string): Promise<PlanRoundEventEntity[]> {
    await this.rounds.require(id);
    return this.history.historyOf(id);
  }
}
