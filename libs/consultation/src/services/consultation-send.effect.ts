import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '@samverka/audit';
import { Clock } from '@samverka/kernel';
import { ConsultationSentData, Links, NotificationOutbox } from '@samverka/notifications';
import { OnRoundStep, PlanRoundQueryService, RoundStep, RoundStepEffect } from '@samverka/rounds';
import { ConsultationError, ConsultationErrorCode } from '../consultation.exception';
import { ConsultationRepository } from '../repositories/consultation.repository';

/**
 * SEND_FOR_CONSULTATION sends the prepared remiss, in the step's own transaction: stamps `sent_at`
 * and queues `consultation.sent` to every secretary of every recipient committee (with the reply
 * date as .ics), once per round, committee, person and sending. The guard has already refused the step
 * without a remiss prepared for the last frozen version.
 */
@Injectable()
@OnRoundStep(['SEND_FOR_CONSULTATION'])
export class ConsultationSendEffect implements RoundStepEffect {
  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async afterStep(step: RoundStep): Promise<void> {
    const roundId = step.roundId;
    const view = await this.consultations.view(roundId, this.rounds.today());
    if (!view) throw new ConsultationError(ConsultationErrorCode.CONSULTATION_NOT_FOUND, 'Ingen remiss är förberedd för planomgången', { roundId });
    const now = this.clock.now();
    await this.consultations.markSent(roundId, now);
    const heading = await this.consultations.roundHeading(roundId);
    const areaNames = new Map((await this.rounds.basics(roundId)).areas.map((a) => [a.code, a.name]));
    const secretaries = await this.consultations.secretariesOfRecipients(roundId);
    for (const s of secretaries) {
      const data: ConsultationSentData = {
        roundTitle: heading.title,
        caseNumber: heading.caseNumber,
        committeeName: s.committeeName,
        planVersion: view.planVersion,
        replyBy: s.replyBy,
        coverLetter: view.coverLetter,
        contactPerson: view.contactPerson ? { name: view.contactPerson.name, email: view.contactPerson.email, title: view.contactPerson.title } : null,
        questions: view.questions.map((q) => ({ areaName: q.areaCode ? (areaNames.get(q.areaCode) ?? q.areaCode) : null, text: q.text })),
        planUrl: this.links.planVersion(roundId, view.planVersion),
        responseUrl: this.links.consultationResponse(roundId, s.committeeId),
      };
      // One key per sending: the first keeps its original key; a later sending (after a return) emails everyone again, once.
      const sending = view.sending > 1 ? `:${view.sending}` : '';
      await this.outbox.enqueue('consultation.sent', { email: s.email, name: s.name, personId: s.personId }, data, `consultation.sent:${roundId}:${s.committeeId}:${s.personId}${sending}`);
    }
    await this.audit.record(step.actor, {
      action: 'consultation.sent',
      subjectType: 'plan_round',
      subjectId: roundId,
      after: { sending: view.sending, planVersion: view.planVersion, replyBy: view.replyBy, committeeIds: view.recipients.map((r) => r.committeeId), emails: secretaries.length },
    });
  }
}
