import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { TransactionHost } from '@samverka/database';
import { Clock, CommonError, LocalDate, localDateInCity, workingDaysBetween } from '@samverka/kernel';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';
import { RoundFactProviders } from '../facts/round-fact-providers';
import { PlanRoundEventRepository } from '../repositories/plan-round-event.repository';
import { PlanRoundRepository } from '../repositories/plan-round.repository';
import { RoundError, RoundErrorCode } from '../rounds.exception';
import { roundStateOf } from './plan-round-view.assembler';

/** A reminder sent: to whom, on which day. */
export interface RoundReminderResult {
  roundId: string;
  departmentId: string;
  departmentName: string;
  remindedOn: LocalDate;
  /** The coordinator and deputies emailed (their names). */
  recipients: string[];
}

/**
 * A strategist reminds one participating department, now, to hand in its needs: the
 * department's coordinator and deputies (valid today) get the needs reminder, and the round's
 * history records who reminded whom. At most once a day per department (the history's unique
 * key on the day settles two at once); nothing goes out to a department that has handed in.
 */
@Injectable()
export class RoundReminderService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly rounds: PlanRoundRepository,
    private readonly history: PlanRoundEventRepository,
    private readonly providers: RoundFactProviders,
    private readonly coordinators: CoordinatorService,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  remindDepartment(actor: Actor, roundId: string, departmentId: string): Promise<RoundReminderResult> {
    return this.tx.run(async () => {
      // Held until the end, so a step (closing the needs collection) waits for the reminder.
      const round = await this.rounds.findByIdForShare(roundId);
      if (!round) throw this.rounds.notFound(roundId);
      const department = (await this.rounds.participantsOf(round.id)).find((p) => p.departmentId === departmentId.toLowerCase());
      if (!department) throw CommonError.notFound('Förvaltningen i planomgången', `${roundId}/${departmentId}`);
      const state = roundStateOf(round);
      if (state !== 'collectingNeeds') {
        throw new RoundError(RoundErrorCode.REMINDER_NOT_POSSIBLE, 'Påminnelser om behov kan bara skickas medan planomgången samlar in behov', { state });
      }
      const progress = (await this.providers.factsOf('needs', round.id)).get(department.departmentId);
      if (progress && (progress.submitted || progress.nothingToReport)) {
        throw new RoundError(RoundErrorCode.REMINDER_NOT_POSSIBLE, `${department.name} har redan lämnat in sina behov och behöver ingen påminnelse`, {
          status: progress.status,
        });
      }
      const today = localDateInCity(this.clock.now());
      const recipients = (await this.coordinators.currentByDepartment([department.departmentId]))
        .filter((a) => a.person && this.coordinators.statusOf(a, today) === 'active')
        .sort((a, b) => Number(b.kind === 'primary') - Number(a.kind === 'primary'));
      if (recipients.length === 0) {
        throw new RoundError(RoundErrorCode.REMINDER_NOT_POSSIBLE, `${department.name} har ingen samordnare att påminna. Utse en samordnare först.`, {});
      }
      const names = recipients.map((a) => a.person!.name);
      const recorded = await this.history.recordReminder({
        roundId: round.id,
        departmentId: department.departmentId,
        remindedOn: today,
        state,
        actorId: actor.personId,
        actorLabel: actor.label,
        data: { departmentName: department.name, recipients: names },
      });
      if (!recorded) {
        throw new RoundError(
          RoundErrorCode.REMINDER_ALREADY_SENT,
          `${department.name} har redan fått en påminnelse i dag. Du kan påminna förvaltningen igen i morgon.`,
          { remindedOn: today },
        );
      }
      const passed = today > round.needsDeadline;
      for (const a of recipients) {
        await this.outbox.enqueue(
          'needs.reminder',
          { email: a.person!.email, name: a.person!.name, personId: a.personId },
          {
            roundTitle: round.title,
            departmentName: department.name,
            needsDeadline: round.needsDeadline,
            workingDaysLeft: passed ? 0 : workingDaysBetween(today, round.needsDeadline),
            passed,
            roundUrl: this.links.departmentNeeds(round.id, department.departmentId),
            remindedBy: personLabelOf(actor),
          },
          `needs.reminder:manual:${round.id}:${department.departmentId}:${today}:${a.personId}`,
        );
      }
      await this.audit.record(actor, {
        action: 'plan_round.reminder_sent',
        subjectType: 'plan_round',
        subjectId: round.id,
        after: { departmentId: department.departmentId, remindedOn: today, recipients: names },
      });
      return { roundId: round.id, departmentId: department.departmentId, departmentName: department.name, remindedOn: today, recipients: names };
    });
  }
}
