import { Injectable } from '@nestjs/common';
import { RecipientDirectory } from '@samverka/identity';
import { Links, NotificationOutbox } from '@samverka/notifications';
import { DepartmentPeople } from '@samverka/plan';

export interface DecidedRound {
  id: string;
  title: string;
  caseNumber: string;
  participants: Array<{ departmentId: string; name: string }>;
}

export interface DecisionMail {
  decisionId: string;
  planVersion: number | null;
  decidedOn: string;
  body: string;
  minuteReference: string;
  reason: string | null;
  recordedBy: string | null;
}

/**
 * The decision's emails, queued in the step's transaction through the outbox. Adopted: to every
 * participating department's coordinators and deputies (valid today) and management users, each person
 * once per department, with the link to the department's responsibility summary. Returned: to every strategist, with the reason.
 */
@Injectable()
export class DecisionNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly directory: RecipientDirectory,
    private readonly people: DepartmentPeople,
    private readonly links: Links,
  ) {}

  /** The number queued now (a key per round, department and person: never twice). */
  async adopted(round: DecidedRound, d: DecisionMail): Promise<number> {
    if (round.participants.length === 0) return 0;
    const recipients = await this.people.of(round.participants.map((p) => p.departmentId));
    let queued = 0;
    for (const p of round.participants) {
      const data = {
        roundTitle: round.title,
        caseNumber: round.caseNumber,
        departmentName: p.name,
        version: d.planVersion,
        decidedOn: d.decidedOn,
        body: d.body,
        minuteReference: d.minuteReference,
        summaryUrl: this.links.departmentSummary(round.id, p.departmentId),
      };
      for (const r of recipients.get(p.departmentId) ?? []) {
        if (await this.outbox.enqueue('plan.adopted', r, data, `plan.adopted:${round.id}:${p.departmentId}:${r.personId}`)) queued++;
      }
    }
    return queued;
  }

  /** To every strategist: the plan came back, with the reason (a key per decision and strategist). */
  async returned(round: DecidedRound, d: DecisionMail): Promise<number> {
    let queued = 0;
    for (const s of await this.directory.strategists()) {
      const data = {
        roundTitle: round.title,
        caseNumber: round.caseNumber,
        version: d.planVersion,
        decidedOn: d.decidedOn,
        body: d.body,
        minuteReference: d.minuteReference,
        reason: d.reason ?? '',
        recordedBy: d.recordedBy,
        roundUrl: this.links.round(round.id),
      };
      if (await this.outbox.enqueue('plan.returned', { email: s.email, name: s.name, personId: s.personId }, data, `plan.returned:${round.id}:${d.decisionId}:${s.userId}`)) queued++;
    }
    return queued;
  }
}
