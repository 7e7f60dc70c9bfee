import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { RecipientDirectory } from '@samverka/identity';
import { Clock, CommonError, refuseIfAny } from '@samverka/kernel';
import { Links, NotificationKinds, NotificationOutbox } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { PlanRoundQueryService, RoundBasics, RoundReaderScope } from '@samverka/rounds';
import { EDITABLE_STATUSES, HANDED_IN_STATUSES, NeedsSubmissionEntity, SubmissionStatus } from '../entities/needs-submission.entity';
import { NeedsError, NeedsErrorCode } from '../needs.exception';
import { SUBMISSION_STATUS_LABELS } from '../needs.vocabulary';
import { NeedRepository } from '../repositories/need.repository';
import { SubmissionRepository, SubmissionRow } from '../repositories/submission.repository';
import { nothingToReportViolations, returnCommentViolations } from '../rules/submission.rules';
import { visibleDepartments } from '../access/needs-access.policy';

export type SubmissionStep = 'submit' | 'endorse' | 'return' | 'nothingToReport';

/** One step in a submission's history: who took it, when, and what they wrote (the comment it was sent back with, or the reason). */
export interface SubmissionHistoryEntry {
  step: SubmissionStep;
  at: Date;
  by: string;
  text: string | null;
}

const STEP_ACTION = 'needs_submission.';

const snapshot = (s: NeedsSubmissionEntity) => ({
  status: s.status,
  late: s.late,
  nothingToReportReason: s.nothingToReportReason,
  returnComment: s.returnComment,
  version: s.version,
});

/**
 * Inlämningar: per department and round, draft → submitted → endorsed (by management), returned
 * (editable again) or nothingToReport. Handing in is possible only while the round collects needs;
 * after the needs deadline it is allowed and marked late. The workflow's close-needs guard reads
 * these statuses through `NeedsRoundFacts`.
 */
@Injectable()
export class SubmissionService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly submissions: SubmissionRepository,
    private readonly needs: NeedRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly directory: RecipientDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: Links,
    private readonly coordinators: CoordinatorService,
  ) {}

  async list(roundId: string, scope: RoundReaderScope): Promise<SubmissionRow[]> {
    const round = await this.rounds.basics(roundId);
    return this.submissions.forRound(roundId, visibleDepartments(round, scope));
  }

  /**
   * The department's submission steps in the order they were taken (from the audit trail): every
   * comment it was sent back with stays here after the needs are handed in again.
   */
  async history(roundId: string, departmentId: string): Promise<SubmissionHistoryEntry[]> {
    const events = await this.audit.historyOf('plan_round', roundId);
    return events
      .filter((e) => e.action.startsWith(STEP_ACTION) && e.after?.departmentId === departmentId)
      .map((e) => {
        const step = e.action.slice(STEP_ACTION.length) as SubmissionStep;
        const text = step === 'return' ? e.after?.returnComment : step === 'nothingToReport' ? e.after?.nothingToReportReason : null;
        return { step, at: e.occurredAt, by: personLabelOf({ personId: e.actorId, label: e.actorLabel }) ?? 'Samverka', text: typeof text === 'string' ? text : null };
      });
  }

  /** The coordinator hands in the department's needs (at least one); management is asked to endorse. */
  submit(actor: Actor, roundId: string, departmentId: string): Promise<SubmissionRow> {
    return this.step(actor, roundId, departmentId, 'submit', async (round, s) => {
      this.requireStatus(s, EDITABLE_STATUSES, 'Behoven är redan inlämnade');
      const count = await this.needs.countFor(roundId, departmentId);
      if (count === 0) {
        throw new NeedsError(NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED, 'Det finns inga behov att lämna in. Lägg till behov, eller meddela att förvaltningen inte har något att rapportera.', {
          status: s.status,
        });
      }
      // Handed in again after management sent it back: the managers' email says so, with the comment.
      const resubmission = s.status === 'returned' ? { returnComment: s.returnComment } : null;
      this.handIn(round, s, actor, 'submitted');
      return async (saved) => this.requestEndorsement(actor, round, departmentId, saved, count, resubmission);
    });
  }

  /** The coordinator reports that the department has no needs this round, with a reason. */
  async nothingToReport(actor: Actor, roundId: string, departmentId: string, reason: string): Promise<SubmissionRow> {
    refuseIfAny(nothingToReportViolations(reason));
    const text = reason.trim();
    return this.step(actor, roundId, departmentId, 'nothingToReport', async (round, s) => {
      this.requireStatus(s, EDITABLE_STATUSES, 'Behoven är redan inlämnade');
      if ((await this.needs.countFor(roundId, departmentId)) > 0) {
        throw new NeedsError(NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED, 'Förvaltningen har registrerade behov: lämna in dem, eller ta bort dem först', { status: s.status });
      }
      this.handIn(round, s, actor, 'nothingToReport');
      s.nothingToReportReason = text;
      return null;
    });
  }

  /** Management approves (godkänner) the submitted needs; the department's coordinators are told. */
  endorse(actor: Actor, roundId: string, departmentId: string): Promise<SubmissionRow> {
    return this.step(actor, roundId, departmentId, 'endorse', async (round, s) => {
      this.requireStatus(s, ['submitted'], 'Bara inlämnade behov kan godkännas');
      s.status = 'endorsed';
      s.endorsedAt = this.clock.now();
      s.endorsedById = actor.personId;
      const needCount = await this.needs.countFor(roundId, departmentId);
      return async (saved) =>
        this.tellCoordinators(round, departmentId, saved, 'needs.endorsed', (departmentName) => ({
          roundTitle: round.title,
          departmentName,
          endorsedBy: personLabelOf(actor),
          needCount,
          roundUrl: this.links.departmentNeeds(round.id, departmentId),
        }));
    });
  }

  /** Management sends the submission back (skickar tillbaka) with a comment: it is editable again; the coordinators get the comment. */
  async returnToDepartment(actor: Actor, roundId: string, departmentId: string, comment: string): Promise<SubmissionRow> {
    refuseIfAny(returnCommentViolations(comment));
    const text = comment.trim();
    return this.step(actor, roundId, departmentId, 'return', async (round, s) => {
      this.requireStatus(s, HANDED_IN_STATUSES, 'Bara inlämnade behov kan skickas tillbaka');
      s.status = 'returned';
      s.returnedAt = this.clock.now();
      s.returnComment = text;
      s.endorsedAt = null;
      s.endorsedById = null;
      return async (saved) =>
        this.tellCoordinators(round, departmentId, saved, 'needs.returned', (departmentName) => ({
          roundTitle: round.title,
          departmentName,
          returnedBy: personLabelOf(actor),
          comment: text,
          needsDeadline: round.needsDeadline,
          roundUrl: this.links.departmentNeeds(round.id, departmentId),
        }));
    });
  }

  /** One step: the round must be collecting needs (its row held so a workflow step waits), the submission locked, audited. */
  private step(
    actor: Actor,
    roundId: string,
    departmentId: string,
    step: SubmissionStep,
    apply: (round: RoundBasics, s: NeedsSubmissionEntity) => Promise<((saved: NeedsSubmissionEntity) => Promise<void>) | null>,
  ): Promise<SubmissionRow> {
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      if (!round.participants.some((p) => p.departmentId === departmentId)) {
        throw CommonError.notFound('Förvaltningens inlämning', `${roundId}/${departmentId}`);
      }
      if (round.state !== 'collectingNeeds') {
        throw new NeedsError(NeedsErrorCode.ROUND_NOT_COLLECTING, 'Planomgången tar inte emot behov just nu', { state: round.state });
      }
      const submission = await this.submissions.lockOrCreate(roundId, departmentId);
      const before = snapshot(submission);
      const after = await apply(round, submission);
      const saved = await this.submissions.save(submission);
      await this.audit.record(actor, {
        action: `needs_submission.${step}`,
        subjectType: 'plan_round',
        subjectId: roundId,
        before: { departmentId, ...before },
        after: { departmentId, ...snapshot(saved) },
      });
      if (after) await after(saved);
      const [row] = await this.submissions.forRound(roundId, [departmentId]);
      return row;
    });
  }

  private requireStatus(s: NeedsSubmissionEntity, allowed: readonly SubmissionStatus[], message: string): void {
    if (!allowed.includes(s.status)) {
      throw new NeedsError(NeedsErrorCode.SUBMISSION_STEP_NOT_ALLOWED, `${message} (status: ${SUBMISSION_STATUS_LABELS[s.status]})`, { status: s.status });
    }
  }

  private handIn(round: RoundBasics, s: NeedsSubmissionEntity, actor: Actor, status: 'submitted' | 'nothingToReport'): void {
    s.status = status;
    s.submittedAt = this.clock.now();
    s.submittedById = actor.personId;
    s.late = this.rounds.today() > round.needsDeadline;
    s.returnComment = null;
    s.nothingToReportReason = null;
  }

  /** To the department's coordinator and deputies (assignment valid today), once per step (the row version) and person. */
  private async tellCoordinators<K extends 'needs.endorsed' | 'needs.returned'>(
    round: RoundBasics,
    departmentId: string,
    saved: NeedsSubmissionEntity,
    kind: K,
    data: (departmentName: string) => NotificationKinds[K],
  ): Promise<void> {
    const department = round.participants.find((p) => p.departmentId === departmentId)!;
    const today = this.rounds.today();
    const assignments = (await this.coordinators.currentByDepartment([departmentId])).filter((a) => a.person && this.coordinators.statusOf(a, today) === 'active');
    for (const a of assignments) {
      await this.outbox.enqueue(kind, { email: a.person!.email, name: a.person!.name, personId: a.personId }, data(department.name), `${kind}:${round.id}:${departmentId}:${saved.version}:${a.personId}`);
    }
  }

  private async requestEndorsement(
    actor: Actor,
    round: RoundBasics,
    departmentId: string,
    saved: NeedsSubmissionEntity,
    needCount: number,
    resubmission: { returnComment: string | null } | null,
  ): Promise<void> {
    const department = round.participants.find((p) => p.departmentId === departmentId)!;
    for (const m of await this.directory.managementOf([departmentId])) {
      await this.outbox.enqueue(
        'needs.endorsement_requested',
        { email: m.email, name: m.name, personId: m.personId },
        {
          roundTitle: round.title,
          departmentName: department.name,
          submittedBy: personLabelOf(actor),
          needCount,
          late: saved.late,
          needsDeadline: round.needsDeadline,
          roundUrl: this.links.departmentNeeds(round.id, departmentId),
          resubmission,
        },
        `needs.endorsement_requested:${round.id}:${departmentId}:${saved.version}:${m.userId}`,
      );
    }
  }
}
