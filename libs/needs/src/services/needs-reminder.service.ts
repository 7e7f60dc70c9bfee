import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { RecipientDirectory, RoleHolder } from '@samverka/identity';
import { addWorkingDays, Clock, LocalDate, localDateInCity, workingDaysBetween } from '@samverka/kernel';
import { Links, NotificationOutbox, Recipient } from '@samverka/notifications';
import { CoordinatorAssignmentEntity, CoordinatorService } from '@samverka/organisation';
import { MissingNeedsRow, ReminderRepository } from '../repositories/reminder.repository';
import { SubmissionRepository } from '../repositories/submission.repository';
import { HANDED_IN_STATUSES } from '../entities/needs-submission.entity';

/** The reminders of a needs deadline, in the order they fall due. */
export const NEEDS_REMINDER_STAGES = ['before10', 'before3', 'after', 'escalation'] as const;
export type NeedsReminderStage = (typeof NEEDS_REMINDER_STAGES)[number];

/** Swedish working days before the deadline of the two reminders, and after it of the escalation to management. */
export const NEEDS_REMINDER_WORKING_DAYS = { before10: 10, before3: 3, escalation: 5 } as const;

/**
 * The latest reminder due on `today` for a needs deadline, or null before the first one: 10 and 3
 * working days before the deadline, any day after it, and 5 working days after it (escalation).
 */
export function dueNeedsReminder(deadline: LocalDate, today: LocalDate): NeedsReminderStage | null {
  if (today >= addWorkingDays(deadline, NEEDS_REMINDER_WORKING_DAYS.escalation)) return 'escalation';
  if (today > deadline) return 'after';
  if (today >= addWorkingDays(deadline, -NEEDS_REMINDER_WORKING_DAYS.before3)) return 'before3';
  if (today >= addWorkingDays(deadline, -NEEDS_REMINDER_WORKING_DAYS.before10)) return 'before10';
  return null;
}

export interface NeedsReminderSweepResult {
  /** Emails queued by this sweep. */
  queued: number;
  /** Departments whose reminders failed (left for the next sweep). */
  failed: number;
}

/**
 * Reminds departments that have not handed in their needs for a round that collects needs,
 * counted in Swedish working days: their coordinators and deputies (valid today) 10 and 3 working
 * days before the needs deadline and on the day after it; management users 5 working days after
 * it. Only the latest stage due is sent, so a sweep that first runs late does not send the earlier
 * ones too. Each stage goes once per round, department, deadline and person (the outbox key), so
 * the worker sweeps every minute and two workers may sweep at once; a new deadline starts a new
 * series. A department stops getting reminders as soon as it hands in, or the round moves on.
 * One set-based query finds who is missing; one transaction per round and department queues.
 */
@Injectable()
export class NeedsReminderService {
  private readonly logger = new Logger('NeedsReminders');

  constructor(
    private readonly tx: TransactionHost,
    private readonly reminders: ReminderRepository,
    private readonly submissions: SubmissionRepository,
    private readonly coordinators: CoordinatorService,
    private readonly directory: RecipientDirectory,
    private readonly outbox: NotificationOutbox,
    @Inject(Clock) private readonly clock: Clock,
    private readonly links: Links,
  ) {}

  async sweep(): Promise<NeedsReminderSweepResult> {
    const today = localDateInCity(this.clock.now());
    // A deadline has reached its first reminder exactly when it is at most 10 working days after today.
    const missing = (await this.reminders.findDepartmentsMissingNeeds(addWorkingDays(today, NEEDS_REMINDER_WORKING_DAYS.before10)))
      .map((row) => ({ row, stage: dueNeedsReminder(row.needsDeadline, today) }))
      .filter((m): m is { row: MissingNeedsRow; stage: NeedsReminderStage } => m.stage !== null);
    const result: NeedsReminderSweepResult = { queued: 0, failed: 0 };
    if (missing.length === 0) return result;

    const departmentIds = [...new Set(missing.map((m) => m.row.departmentId))];
    const escalated = [...new Set(missing.filter((m) => m.stage === 'escalation').map((m) => m.row.departmentId))];
    const [assignments, managers] = await Promise.all([
      this.coordinators.currentByDepartment(departmentIds),
      escalated.length > 0 ? this.directory.managementOf(escalated) : Promise.resolve([]),
    ]);
    // Primary first, then deputies; a scheduled (future) or ended assignment gets nothing.
    const active = assignments
      .filter((a) => a.person && this.coordinators.statusOf(a, today) === 'active')
      .sort((a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'));

    for (const { row, stage } of missing) {
      try {
        result.queued += await this.tx.run(async () => {
          // Hold the submission (as handing in does) and look again: a department that handed in since the query gets nothing.
          const submission = await this.submissions.lockOrCreate(row.roundId, row.departmentId);
          if (HANDED_IN_STATUSES.includes(submission.status)) return 0;
          return stage === 'escalation'
            ? this.escalate(row, today, managers.filter((m) => m.departmentId === row.departmentId), active.filter((a) => a.departmentId === row.departmentId))
            : this.remind(row, stage, today, active.filter((a) => a.departmentId === row.departmentId));
        });
      } catch (e) {
        result.failed++;
        this.logger.warn(`Needs reminder ${stage} for department ${row.departmentId} in round ${row.roundId} not queued, retried next sweep: ${(e as Error).message}`);
      }
    }
    return result;
  }

  /** To the department's coordinator and deputies: the deadline, and the working days left (or that it has passed). */
  private async remind(row: MissingNeedsRow, stage: Exclude<NeedsReminderStage, 'escalation'>, today: LocalDate, coordinators: CoordinatorAssignmentEntity[]): Promise<number> {
    const passed = stage === 'after';
    const data = {
      roundTitle: row.roundTitle,
      departmentName: row.departmentName,
      needsDeadline: row.needsDeadline,
      workingDaysLeft: passed ? 0 : workingDaysBetween(today, row.needsDeadline),
      passed,
      roundUrl: this.links.departmentNeeds(row.roundId, row.departmentId),
      remindedBy: null,
    };
    let queued = 0;
    for (const a of coordinators) {
      const recipient: Recipient = { email: a.person!.email, name: a.person!.name, personId: a.personId };
      if (await this.outbox.enqueue('needs.reminder', recipient, data, this.key(row, stage, a.personId))) queued++;
    }
    return queued;
  }

  /** To the department's management users, naming its coordinators to follow up with. */
  private async escalate(row: MissingNeedsRow, today: LocalDate, managers: RoleHolder[], coordinators: CoordinatorAssignmentEntity[]): Promise<number> {
    const data = {
      roundTitle: row.roundTitle,
      departmentName: row.departmentName,
      needsDeadline: row.needsDeadline,
      workingDaysOverdue: workingDaysBetween(row.needsDeadline, today),
      coordinatorNames: coordinators.map((a) => a.person!.name),
      roundUrl: this.links.departmentNeeds(row.roundId, row.departmentId),
    };
    let queued = 0;
    for (const m of managers) {
      const recipient: Recipient = { email: m.email, name: m.name, personId: m.personId };
      if (await this.outbox.enqueue('needs.escalation', recipient, data, this.key(row, 'escalation', m.personId))) queued++;
    }
    return queued;
  }

  private key(row: MissingNeedsRow, stage: NeedsReminderStage, personId: string): string {
    return `needs.reminder:${row.roundId}:${row.departmentId}:${row.needsDeadline}:${stage}:${personId}`;
  }
}
