import { Inject, Injectable } from '@nestjs/common';
import { Clock, localDateInCity, LocalDate, Principal } from '@samverka/kernel';
import { DigestService } from '@samverka/digests';
import { PHASE_DEADLINE } from '@samverka/rounds';
import { isPlanRoundState } from '@samverka/workflow';
import { overviewScope } from '../access/overview-access.policy';
import type { CityOverview, DigestFigures, OverviewScope } from '../overview.model';
import { OpenRoundRow, OverviewRepository } from '../repositories/overview.repository';

/**
 * Stadsöversikten: every open round with its phase and what is overdue and by whom, the coordinator
 * coverage, and the latest status digests' figures — for strategists the whole city, for coordinators
 * and managers their own departments. A bounded number of statements, whatever the city's size.
 */
@Injectable()
export class OverviewService {
  constructor(
    private readonly repository: OverviewRepository,
    private readonly digestsService: DigestService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The caller's overview; null when they may not see one (the API refuses them before this). */
  async overviewFor(principal: Principal): Promise<CityOverview | null> {
    const scope = overviewScope(principal);
    return scope ? this.overview(scope) : null;
  }

  async overview(scope: OverviewScope): Promise<CityOverview> {
    const today = localDateInCity(this.clock.now());
    const [rounds, overdue, coverage, digests] = await Promise.all([
      this.repository.openRounds(scope),
      this.repository.overdue(scope, today),
      this.repository.coverage(scope, today),
      this.latestDigestFigures(scope),
    ]);
    const withPrimary = coverage.filter((c) => c.primary !== null).length;
    return {
      scope,
      today,
      rounds: rounds.map((r) => ({
        id: r.id,
        title: r.title,
        year: r.year,
        state: r.state,
        deadline: phaseDeadline(r, today),
        participants: r.participants,
        overdue: overdue.filter((o) => o.roundId === r.id).map(({ roundId: _, ...entry }) => entry),
      })),
      coverage: { departments: coverage.length, withPrimary, withoutPrimary: coverage.length - withPrimary, rows: coverage },
      digests,
    };
  }

  /**
   * The figures of the latest periodic status digests (lägesrapporter) to the managers of the scope's
   * departments (the whole city for strategists): none before the first sweep, and then no section.
   */
  latestDigestFigures(scope: OverviewScope): Promise<DigestFigures | null> {
    return this.digestsService.latestSweepFigures(scope);
  }
}

function phaseDeadline(r: OpenRoundRow, today: LocalDate): CityOverview['rounds'][number]['deadline'] {
  const kind = isPlanRoundState(r.state) ? PHASE_DEADLINE[r.state] : undefined;
  const date = kind === 'needs' ? r.needs : kind === 'consultationReply' ? r.consultationReply : kind === 'decision' ? r.decision : null;
  return kind && date ? { kind, date, passed: today > date } : null;
}
