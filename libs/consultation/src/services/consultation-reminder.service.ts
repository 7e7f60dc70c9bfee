import { Injectable, Logger } from '@nestjs/common';
import { TransactionHost } from '@samverka/database';
import { addWorkingDays, LocalDate, localDateInCity, workingDaysBetween } from '@samverka/kernel';
import { Links, NotificationOutbox, Recipient } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { ConsultationExtensionRepository } from '../repositories/consultation-extension.repository';
import { ConsultationReminderRepository, UnansweredRecipientRow } from '../repositories/consultation-reminder.repository';

/** The reminders of a recipient's reply date, in the order they fall due. */
export const CONSULTATION_REMINDER_STAGES = ['before10', 'before3', 'after'] as const;
export type ConsultationReminderStage = (typeof CONSULTATION_REMINDER_STAGES)[number];

/** Swedish working days before the reply date of the two reminders (the same offsets as the needs reminders). */
export const CONSULTATION_REMINDER_WORKING_DAYS = { before10: 10, before3: 3 } as const;

/** The latest reminder due on `today` for a reply date, or null before the first: 10 and 3 working days before it, and any day after it. */
export function dueConsultationReminder(replyBy: LocalDate, today: LocalDate): ConsultationReminderStage | null {
  if (today > replyBy) return 'after';
  if (today >= addWorkingDays(replyBy, -CONSULTATION_REMINDER_WORKING_DAYS.before3)) return 'before3';
  if (today >= addWorkingDays(replyBy, -CONSULTATION_REMINDER_WORKING_DAYS.before10)) return 'before10';
  return null;
}

export interface ConsultationReminderSweepResult {
  queued: number;
  failed: number;
}

/**
 * Reminds recipient committees of a remiss that have not responded, in Swedish working days before
 * and after each recipient's OWN reply date: the committee's secretaries and the coordinators and
 * deputies (valid today) of the departments under it. Only the latest stage due is sent. Each stage
 * goes once per round, committee, reply date and person (the outbox key), so an approved extension,
 * which moves the reply date, starts a new series. A recipient stops getting reminders once it has
 * a current submitted response (a decline included), or the round moves on. One set-based query
 * finds who is missing; one transaction per recipient queues.
 */
@Injectable()
export class ConsultationReminderService {
  private readonly logger = new Logger('ConsultationReminders');

  constructor(
    private readonly tx: TransactionHost,
    private readonly reminders: ConsultationReminderRepository,
    private readonly extensions: ConsultationExtensionRepository,
    private readonly coordinators: CoordinatorService,
    private readonly outbox: NotificationOutbox,
    private readonly links: Links,
  ) {}

  async sendDueReminders(now: Date): Promise<ConsultationReminderSweepResult> {
    const today = localDateInCity(now);
    const due = (await this.reminders.findUnansweredRecipients(addWorkingDays(today, CONSULTATION_REMINDER_WORKING_DAYS.before10)))
      .map((row) => ({ row, stage: dueConsultationReminder(row.replyBy, today) }))
      .filter((m): m is { row: UnansweredRecipientRow; stage: ConsultationReminderStage } => m.stage !== null);
    const result: ConsultationReminderSweepResult = { queued: 0, failed: 0 };
    if (due.length === 0) return result;

    const departmentIds = [...new Set(due.flatMap((m) => m.row.departmentIds))];
    const active = (await this.coordinators.currentByDepartment(departmentIds)).filter((a) => a.person && this.coordinators.statusOf(a, today) === 'active');

    for (const { row, stage } of due) {
      try {
        result.queued += await this.tx.run(async () => {
          // Hold the recipient and look again: one that responded (or had its date moved) since the query gets nothing now.
          const recipient = await this.extensions.lockRecipient(row.roundId, row.committeeId);
          if (!recipient || recipient.responded || recipient.replyBy !== row.replyBy) return 0;
          const recipients = new Map<string, Recipient>();
          for (const s of row.secretaries) recipients.set(s.personId, { email: s.email, name: s.name, personId: s.personId });
          for (const a of active.filter((x) => row.departmentIds.includes(x.departmentId))) {
            if (!recipients.has(a.personId)) recipients.set(a.personId, { email: a.person!.email, name: a.person!.name, personId: a.personId });
          }
          const passed = stage === 'after';
          const data = {
            roundTitle: row.roundTitle,
            caseNumber: row.caseNumber,
            committeeName: row.committeeName,
            replyBy: row.replyBy,
            workingDaysLeft: passed ? 0 : workingDaysBetween(today, row.replyBy),
            passed,
            responseUrl: this.links.consultationResponse(row.roundId, row.committeeId),
          };
          let queued = 0;
          for (const r of recipients.values()) {
            if (await this.outbox.enqueue('consultation.reminder', r, data, `consultation.reminder:${row.roundId}:${row.committeeId}:${row.replyBy}:${stage}:${r.personId}`)) queued++;
          }
          return queued;
        });
      } catch (e) {
        result.failed++;
        this.logger.warn(`Consultation reminder ${stage} for committee ${row.committeeId} in round ${row.roundId} not queued, retried next sweep: ${(e as Error).message}`);
      }
    }
    return result;
  }
}
