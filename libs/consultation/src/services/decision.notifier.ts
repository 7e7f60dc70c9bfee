import { Inject, Injectable } from '@nestjs/common';
import { RecipientDirectory } from '@samverka/identity';
import { Clock, localDateInCity } from '@samverka/kernel';
import { Links, NotificationOutbox, Recipient } from '@samverka/notifications';
import { CoordinatorService } from '@samverka/organisation';

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
    private readonly coordinators: CoordinatorService,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The number queued now (a key per round, department and person: never twice). */
  async adopted(round: DecidedRound, d: DecisionMail): Promise<number> {
    if (round.participants.length === 0) return 0;
    const recipients = await this.peopleOf(round.participants.map((p) => p.departmentId));
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

  /** Per department: its coordinators and deputies valid today and its management users, each person once (two queries). */
  private async peopleOf(departmentIds: string[]): Promise<Map<string, Array<Recipient & { personId: string }>>> {
    const today = localDateInCity(this.clock.now());
    const assignments = await this.coordinators.currentByDepartment(departmentIds);
    const managers = await this.directory.managementOf(departmentIds);
    const byDepartment = new Map<string, Map<string, Recipient & { personId: string }>>();
    const add = (departmentId: string, r: Recipient & { personId: string }) => {
      const people = byDepartment.get(departmentId) ?? new Map<string, Recipient & { personId: string }>();
      if (!people.has(r.personId)) people.set(r.personId, r);
      byDepartment.set(departmentId, people);
    };
    for (const a of assignments) {
      if (a.person && this.coordinators.statusOf(a, today) === 'active') add(a.departmentId, { email: a.person.email, name: a.person.name, personId: a.personId });
    }
    for (const m of managers) if (m.departmentId) add(m.departmentId, { email: m.email, name: m.name, personId: m.personId });
    return new Map([...byDepartment].map(([id, people]) => [id, [...people.values()]]));
  }
}
