import { Injectable } from '@nestjs/common';
import { Actor, personLabelOf } from '@samverka/audit';
import { RecipientDirectory } from '@samverka/identity';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { PLAN_ROUND_STATE_LABELS, PlanRoundState } from '@samverka/workflow';
import { DEADLINE_LABELS, deadlineOf, NEXT_DEADLINE } from '../deadlines';
import { DeadlineKind } from '../entities/plan-round-event.entity';
import { PhaseChangeDigests } from '../facts/phase-change-digests';
import { ParticipantProgress } from '../facts/round-fact-provider';
import { PlanRoundEntity } from '../entities/plan-round.entity';
import { ParticipantRow } from '../repositories/plan-round.repository';
import { ActiveCoordinatorRow } from '../repositories/round-view.repository';

/**
 * The emails a round's steps cause, queued in the step's transaction through the outbox; each key
 * names the round, the step (row version) or deadline, and the recipient, so none is sent twice.
 */
@Injectable()
export class RoundNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly directory: RecipientDirectory,
    private readonly links: Links,
    private readonly digests: PhaseChangeDigests,
  ) {}

  /**
   * To every coordinator and deputy (assignment valid today: `coordinators`, read with the round) of each
   * participating department, with the needs deadline. One statement.
   */
  async launched(actor: Actor, round: PlanRoundEntity, participants: ParticipantRow[], coordinators: readonly ActiveCoordinatorRow[]): Promise<number> {
    const names = new Map(participants.map((p) => [p.departmentId, p.name]));
    const emails = coordinators
      .filter((a) => names.has(a.departmentId))
      .map((a) => ({
        recipient: { email: a.email, name: a.name, personId: a.personId },
        data: {
          roundTitle: round.title,
          year: round.year,
          caseNumber: round.caseNumber,
          departmentName: names.get(a.departmentId)!,
          kind: a.kind,
          needsDeadline: round.needsDeadline,
          areas: (round.areas ?? []).map((x) => x.name),
          roundUrl: this.links.round(round.id),
          needsUrl: this.links.departmentNeeds(round.id, a.departmentId),
          launchedBy: personLabelOf(actor),
        },
        dedupKey: `round.launched:${round.id}:${a.departmentId}:${a.personId}`,
      }));
    return (await this.outbox.enqueueMany('round.launched', emails)).size;
  }

  /**
   * To the management users of the participating departments: one email per person, naming their
   * departments, with their phase-change status digest (all their departments) when the app has one.
   * One statement for the managers, the digests' own, one for the emails.
   */
  async phaseChanged(
    round: PlanRoundEntity,
    participants: ParticipantRow[],
    change: { from: PlanRoundState; to: PlanRoundState; forced: boolean; reason: string | null },
  ): Promise<number> {
    if (participants.length === 0) return 0;
    const managers = await this.directory.managementOf(participants.map((p) => p.departmentId));
    const byUser = new Map<string, { email: string; name: string; personId: string; departments: string[] }>();
    for (const m of managers) {
      const entry = byUser.get(m.userId) ?? { email: m.email, name: m.name, personId: m.personId, departments: [] };
      entry.departments.push(participants.find((p) => p.departmentId === m.departmentId)!.name);
      byUser.set(m.userId, entry);
    }
    if (byUser.size === 0) return 0;
    const nextKind = NEXT_DEADLINE[change.to];
    const nextDate = nextKind ? deadlineOf(round, nextKind) : null;
    const digests = await this.digests.atPhaseChange(round.id, [...byUser.keys()]);
    const emails = [...byUser].map(([userId, m]) => ({
      recipient: { email: m.email, name: m.name, personId: m.personId },
      data: {
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
      dedupKey: `round.phase_changed:${round.id}:${round.version}:${userId}`,
    }));
    return (await this.outbox.enqueueMany('round.phase_changed', emails)).size;
  }

  /**
   * To every coordinator and deputy (assignment valid today: `coordinators`, read with the round) of each
   * participating department, when the round leaves needs collection (closed, forced or cancelled):
   * where their submission ended up. One statement.
   */
  async needsCollectionClosed(
    round: PlanRoundEntity,
    participants: ParticipantRow[],
    coordinators: readonly ActiveCoordinatorRow[],
    progress: ReadonlyMap<string, ParticipantProgress>,
    to: PlanRoundState,
  ): Promise<number> {
    const names = new Map(participants.map((p) => [p.departmentId, p.name]));
    const emails = coordinators
      .filter((a) => names.has(a.departmentId))
      .map((a) => {
        const p = progress.get(a.departmentId);
        return {
          recipient: { email: a.email, name: a.name, personId: a.personId },
          data: {
            roundTitle: round.title,
            departmentName: names.get(a.departmentId)!,
            statusLabel: (p?.statusLabel ?? 'utkast').toLocaleLowerCase('sv-SE'),
            handedIn: Boolean(p?.submitted || p?.nothingToReport),
            cancelled: to === 'cancelled',
            toLabel: PLAN_ROUND_STATE_LABELS[to].toLocaleLowerCase('sv-SE'),
            roundUrl: this.links.departmentNeeds(round.id, a.departmentId),
          },
          dedupKey: `needs.collection_closed:${round.id}:${round.version}:${a.departmentId}:${a.personId}`,
        };
      });
    return (await this.outbox.enqueueMany('needs.collection_closed', emails)).size;
  }

  /** To every strategist: a deadline passed while its phase was open, with what was still missing (one statement for the emails). */
  async deadlinePassed(
    round: PlanRoundEntity,
    deadline: { kind: DeadlineKind; date: string },
    phase: PlanRoundState,
    outstanding: string[],
    autoClosed: boolean,
  ): Promise<number> {
    const emails = (await this.directory.strategists()).map((s) => ({
      recipient: { email: s.email, name: s.name, personId: s.personId },
      data: {
        roundTitle: round.title,
        year: round.year,
        deadlineLabel: DEADLINE_LABELS[deadline.kind],
        date: deadline.date,
        phaseLabel: PLAN_ROUND_STATE_LABELS[phase],
        outstanding,
        autoClosed,
        roundUrl: this.links.round(round.id),
      },
      dedupKey: `round.deadline_passed:${round.id}:${deadline.kind}:${deadline.date}:${s.userId}`,
    }));
    return (await this.outbox.enqueueMany('round.deadline_passed', emails)).size;
  }
}
