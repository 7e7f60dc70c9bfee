import { Inject, Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { RecipientDirectory } from '@samverka/identity';
import { addWorkingDays, Clock, LocalDate, localDateInCity, workingDaysBetween } from '@samverka/kernel';
import { Links, NotificationKinds, NotificationOutbox, Recipient } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { reportingOrganisationKey } from '../follow-up.model';
import { FollowUpOpsRepository, OpenReportRow } from '../repositories/follow-up-ops.repository';
import { organisationName } from '../tasks/follow-up.tasks';

/** The reminders of a period's due date, in the order they fall due. */
export const FOLLOW_UP_REMINDER_STAGES = ['before10', 'before3', 'after', 'escalation'] as const;
export type FollowUpReminderStage = (typeof FOLLOW_UP_REMINDER_STAGES)[number];

/** Swedish working days before the due date of the two reminders, and after it of the escalation to management (as the needs reminders). */
export const FOLLOW_UP_REMINDER_WORKING_DAYS = { before10: 10, before3: 3, escalation: 5 } as const;

/** The latest reminder due on `today` for a due date, or null before the first: 10 and 3 working days before, any day after, 5 working days after (escalation). */
export function dueFollowUpReminder(dueOn: LocalDate, today: LocalDate): FollowUpReminderStage | null {
  if (today >= addWorkingDays(dueOn, FOLLOW_UP_REMINDER_WORKING_DAYS.escalation)) return 'escalation';
  if (today > dueOn) return 'after';
  if (today >= addWorkingDays(dueOn, -FOLLOW_UP_REMINDER_WORKING_DAYS.before3)) return 'before3';
  if (today >= addWorkingDays(dueOn, -FOLLOW_UP_REMINDER_WORKING_DAYS.before10)) return 'before10';
  return null;
}

export interface FollowUpReminderSweepResult {
  /** Emails queued by this sweep. */
  queued: number;
  /** Organisation-periods whose emails failed (left for the next sweep). */
  failed: number;
}

/**
 * Reminds the organisations that still owe follow-up reports for a period, in Swedish working days:
 * a department's coordinators and deputies (valid today), the contact centre's strategists, 10 and 3
 * working days before the period's due date and any day after it; a department's management 5
 * working days after it (the contact centre has no management above the strategists: its reminders
 * simply go on). Only the latest stage due is sent; each goes once per round, period, organisation,
 * due date, stage and person (the outbox key), so a moved due date starts a new series and two
 * workers sweeping at once queue each email once. The emails stop as soon as every item is reported.
 * One statement finds everything owed; then one transaction per organisation and period.
 */
@Injectable()
export class FollowUpReminderService {
  private readonly logger = new Logger('FollowUpReminders');

  constructor(
    private readonly tx: TransactionHost,
    private readonly ops: FollowUpOpsRepository,
    private readonly coordinators: CoordinatorService,
    private readonly directory: RecipientDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<FollowUpReminderSweepResult> {
    const today = localDateInCity(this.clock.now());
    const due = (await this.ops.findOpenReports('everyone', addWorkingDays(today, FOLLOW_UP_REMINDER_WORKING_DAYS.before10)))
      // The contact centre has no management to escalate to: its reminders stay at "after".
      .map((row) => ({ row, stage: dueFollowUpReminder(row.dueOn, today) }))
      .map(({ row, stage }) => ({ row, stage: stage === 'escalation' && row.organisation.kind === 'contactCentre' ? ('after' as const) : stage }))
      .filter((m): m is { row: OpenReportRow; stage: FollowUpReminderStage } => m.stage !== null);
    const result: FollowUpReminderSweepResult = { queued: 0, failed: 0 };
    if (due.length === 0) return result;

    const departmentIds = [...new Set(due.flatMap((m) => (m.row.organisation.kind === 'department' ? [m.row.organisation.departmentId] : [])))];
    const escalated = [...new Set(due.filter((m) => m.stage === 'escalation').flatMap((m) => (m.row.organisation.kind === 'department' ? [m.row.organisation.departmentId] : [])))];
    const [assignments, managers, strategists] = await Promise.all([
      departmentIds.length > 0 ? this.coordinators.currentByDepartment(departmentIds) : Promise.resolve([]),
      escalated.length > 0 ? this.directory.managementOf(escalated) : Promise.resolve([]),
      due.some((m) => m.row.organisation.kind === 'contactCentre') ? this.directory.strategists() : Promise.resolve([]),
    ]);
    const active = assignments
      .filter((a) => a.person && this.coordinators.statusOf(a, today) === 'active')
      .sort((a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'));

    for (const { row, stage } of due) {
      try {
        result.queued += await this.tx.run(async () => {
          // Look again inside the transaction: what was reported since the sweep's query is no longer owed.
          const owed = await this.ops.stillOwed(row.roundId, row.periodId, row.organisation);
          if (owed.length === 0) return 0;
          const org = row.organisation;
          const coordinators: Recipient[] =
            org.kind === 'department'
              ? active.filter((a) => a.departmentId === org.departmentId).map((a) => ({ email: a.person!.email, name: a.person!.name, personId: a.personId }))
              : strategists.map((s) => ({ email: s.email, name: s.name, personId: s.personId }));
          const reportUrl = this.links.followUp(row.roundId, org.kind === 'department' ? org.departmentId : undefined);
          if (stage === 'escalation' && org.kind === 'department') {
            const data = {
              roundTitle: row.roundTitle,
              departmentName: organisationName(row),
              periodLabel: row.periodLabel,
              dueOn: row.dueOn,
              workingDaysOverdue: workingDaysBetween(row.dueOn, today),
              items: owed,
              itemCount: owed.length,
              coordinatorNames: coordinators.map((c) => c.name),
              reportUrl,
            };
            return this.send('follow_up.escalation', managers.filter((m) => m.departmentId === org.departmentId).map((m) => ({ email: m.email, name: m.name, personId: m.personId })), data, row, stage);
          }
          const passed = stage !== 'before10' && stage !== 'before3';
          const data = {
            roundTitle: row.roundTitle,
            organisationName: organisationName(row),
            contactCentre: org.kind === 'contactCentre',
            periodLabel: row.periodLabel,
            dueOn: row.dueOn,
            workingDaysLeft: passed ? 0 : workingDaysBetween(today, row.dueOn),
            passed,
            items: owed,
            itemCount: owed.length,
            reportUrl,
          };
          return this.send('follow_up.reminder', coordinators, data, row, stage);
        });
      } catch (e) {
        result.failed++;
        this.logger.warn(`Follow-up reminder ${stage} for ${reportingOrganisationKey(row.organisation)} in period ${row.periodId} not queued, retried next sweep: ${(e as Error).message}`);
      }
    }
    return result;
  }

  private async send<K extends 'follow_up.reminder' | 'follow_up.escalation'>(
    kind: K,
    recipients: Recipient[],
    data: NotificationKinds[K],
    row: OpenReportRow,
    stage: FollowUpReminderStage,
  ): Promise<number> {
    let queued = 0;
    for (const r of recipients) {
      const key = `follow_up.reminder:${row.roundId}:${row.periodId}:${reportingOrganisationKey(row.organisation)}:${row.dueOn}:${stage}:${r.personId}`;
      if (await this.outbox.enqueue(kind, r, data, key)) queued++;
    }
    return queued;
  }
}
