import { Inject, Injectable } from '@nestjs/common';
import { Actor, personLabelOf } from '@samverka/audit';
import { RecipientDirectory } from '@samverka/identity';
import { Clock, localDateInCity } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { PLAN_ROUND_STATE_LABELS, PlanRoundState } from '@samverka/workflow';
import { DEADLINE_LABELS, deadlineOf, NEXT_DEADLINE } from '../deadlines';
import { DeadlineKind } from '../entities/plan-round-event.entity';
import { PhaseChangeDigests } from '../facts/phase-change-digests';
import { ParticipantProgress } from '../facts/round-fact-provider';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { ParticipantRow } from '../repositories/plan-round.repository';

/**
 * The emails a round's steps cause, queued in the step's transaction through the outbox; each key
 * names the round, the step (row version) or deadline, and the recipient, so none is sent twice.
 */
@Injectable()
export class RoundNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly directory: RecipientDirectory,
    private readonly coordinators: CoordinatorService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: Links,
    private readonly digests: PhaseChangeDigests,
  ) {}

  /** To every coordinator and deputy (assignment valid today) of each participating department, with the needs deadline. */
  async launched(actor: Actor, round: PlanRoundEntity, participants: ParticipantRow[]): Promise<number> {
    if (participants.length === 0) return 0;
    const assignments = await this.activeAssignmentsOf(participants);
    let queued = 0;
    for (const a of assignments) {
      const department = participants.find((p) => p.departmentId === a.departmentId)!;
      const enqueued = await this.outbox.enqueue(
        'round.launched',
        { email: a.person!.email, name: a.person!.name, personId: a.personId },
        {
          roundTitle: round.title,
          year: round.year,
          caseNumber: round.caseNumber,
          departmentName: department.name,
          kind: a.kind,
          needsDeadline: round.needsDeadline,
          areas: (round.areas ?? []).map((x) => x.name),
          roundUrl: this.links.round(round.id),
          needsUrl: this.links.departmentNeeds(round.id, a.departmentId),
          launchedBy: personLabelOf(actor),
        },
        `round.launched:${round.id}:${a.departmentId}:${a.personId}`,
      );
      if (enqueued) queued++;
    }
    return queued;
  }

  /**
   * To the management users of the participating departments: one email per person, naming their
   * departments, with their phase-change status digest (all their departments) when the app has one.
   */
  async phaseChanged(
    round: PlanRoundEntity,
    participants: ParticipantRow[],
    change: { from: PlanRoundState; to: PlanRoundState; forced: boolean; reason: string | null },
  ): Promise<number> {
    const managers = await this.directory.managementOf(participants.map((p) => p.departmentId));
    const byUser = new Map<string, { email: string; name: string; personId: string; departments: string[] }>();
    for (const m of managers) {
      const entry = byUser.get(m.userId) ?? { email: m.email, name: m.name, personId: m.personId, departments: [] };
      entry.departments.push(participants.find((p) => p.departmentId === m.departmentId)!.name);
      byUser.set(m.userId, entry);
    }
    const nextKind = NEXT_DEADLINE[change.to];
    const nextDate = nextKind ? deadlineOf(round, nextKind) : null;
    const digests = await this.digests.atPhaseChange(round.id, [...byUser.keys()]);
    let queued = 0;
    for (const [userId, m] of byUser) {
      const enqueued = await this.outbox.enqueue(
        'round.phase_changed',
        { email: m.email, name: m.name, personId: m.personId },
        {
          roundTitle: round.title,
          year: round.year,
          caseNumber: round.caseNumber,
          departmentNames: m.departments,
          fromLabel: PLAN_ROUND_STATE_LABELS[change.from],
          toLabel: PLAN_ROUND_STATE_LABELS[change.to],
          reason: change.reason,
          forced: change.forced,
          cancelled: change.to === 'cancelled',
          nextDeadline: nextKind && nextDate ? { label: DEADLINE_LABELS[nextKind], date: nextDate } : null,
          roundUrl: this.links.round(round.id),
          digest: digests.get(userId) ?? null,
        },
        `round.phase_changed:${round.id}:${round.version}:${userId}`,
      );
      if (enqueued) queued++;
    }
    return queued;
  }

  /**
   * To every coordinator and deputy (assignment valid today) of each participating department, when
   * the round leaves needs collection (closed, forced or cancelled): where their submission ended up.
   */
  async needsCollectionClosed(round: PlanRoundEntity, participants: ParticipantRow[], progress: ReadonlyMap<string, ParticipantProgress>, to: PlanRoundState): Promise<number> {
    if (participants.length === 0) return 0;
    const assignments = await this.activeAssignmentsOf(participants);
    let queued = 0;
    for (const a of assignments) {
      const department = participants.find((p) => p.departmentId === a.departmentId)!;
      const p = progress.get(a.departmentId);
      const enqueued = await this.outbox.enqueue(
        'needs.collection_closed',
        { email: a.person!.email, name: a.person!.name, personId: a.personId },
        {
          roundTitle: round.title,
          departmentName: department.name,
          statusLabel: (p?.statusLabel ?? 'utkast').toLocaleLowerCase('sv-SE'),
          handedIn: Boolean(p?.submitted || p?.nothingToReport),
          cancelled: to === 'cancelled',
          toLabel: PLAN_ROUND_STATE_LABELS[to].toLocaleLowerCase('sv-SE'),
          roundUrl: this.links.departmentNeeds(round.id, a.departmentId),
        },
        `needs.collection_closed:${round.id}:${round.version}:${a.departmentId}:${a.personId}`,
      );
      if (enqueued) queued++;
    }
    return queued;
  }

  /** To every strategist: a deadline passed while its phase was open, with what was still missing. */
  async deadlinePassed(
    round: PlanRoundEntity,
    deadline: { kind: DeadlineKind; date: string },
    phase: PlanRoundState,
    outstanding: string[],
    autoClosed: boolean,
  ): Promise<number> {
    let queued = 0;
    for (const s of await this.directory.strategists()) {
      const enqueued = await this.outbox.enqueue(
        'round.deadline_passed',
        { email: s.email, name: s.name, personId: s.personId },
        {
          roundTitle: round.title,
          year: round.year,
          deadlineLabel: DEADLINE_LABELS[deadline.kind],
          date: deadline.date,
          phaseLabel: PLAN_ROUND_STATE_LABELS[phase],
          outstanding,
          autoClosed,
          roundUrl: this.links.round(round.id),
        },
        `round.deadline_passed:${round.id}:${deadline.kind}:${deadline.date}:${s.userId}`,
      );
      if (enqueued) queued++;
    }
    return queued;
  }

  /** The coordinators and deputies whose assignment is valid today, of the participating departments (one query). */
  private async activeAssignmentsOf(participants: ParticipantRow[]) {
    const today = localDateInCity(this.clock.now());
    return (await this.coordinators.currentByDepartment(participants.map((p) => p.departmentId))).filter((a) => this.coordinators.statusOf(a, today) === 'active' && a.person);
  }
}
