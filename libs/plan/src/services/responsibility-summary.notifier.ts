import { Inject, Injectable } from '@nestjs/common';
import { Actor, personLabelOf } from '@samverka/audit';
import { Clock, localDateInCity } from '@samverka/kernel';
import { Links, NotificationOutbox, PlanResponsibilitySummaryData, Recipient } from '@samverka/notifications';
import { PlanDocument } from '../plan.model';
import { DepartmentPeople } from './department-people';
import { ResponsibilityRepository } from '../repositories/responsibility.repository';
import { assembleDepartmentSummary, DepartmentSummary, departmentChanges, formatEffort, formatPeriod, SummaryChange } from './responsibility.assembler';

export interface VersionFrozen {
  roundId: string;
  /** The version before (null: the first version). */
  previous: PlanDocument | null;
  current: PlanDocument;
  actor: Actor;
}

const CHANGE_LABELS: Record<SummaryChange['kind'], string> = { added: 'ny för er', removed: 'borttagen för er', changed: 'ändrad' };

/**
 * The responsibility summary emails of a frozen version, queued in the freeze's transaction through
 * the outbox. To each participating department's coordinators and deputies (assignment valid today)
 * and management users: for version 1 every department gets its summary (or word that nothing is
 * expected of it); for a later version only the departments whose part changed, with what changed.
 * One email per department, version and person (the outbox key), however often this runs.
 */
@Injectable()
export class ResponsibilitySummaryNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly people: DepartmentPeople,
    private readonly allocation: ResponsibilityRepository,
    private readonly links: Links,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Queues the emails; the number queued now. */
  async versionFrozen({ roundId, previous, current, actor }: VersionFrozen): Promise<number> {
    if (current.version === null) throw new Error('versionFrozen needs a frozen version, not the draft');
    const version = current.version;
    const round = await this.allocation.roundOf(roundId);
    if (!round || round.participants.length === 0) return 0;

    const concerned: Array<{ summary: DepartmentSummary; changes: SummaryChange[] }> = [];
    const unchanged: string[] = [];
    for (const p of round.participants) {
      const department = { id: p.departmentId, name: p.name };
      const summary = assembleDepartmentSummary(current, department);
      const changes = previous ? departmentChanges(previous, current, department.id) : [];
      if (previous && changes.length === 0) unchanged.push(department.id);
      else concerned.push({ summary, changes });
    }
    // A department whose part did not change is not emailed, and what its people had read stays read.
    if (previous?.version) await this.allocation.carryReadMarks(roundId, previous.version, version, unchanged);
    if (concerned.length === 0) return 0;

    const recipients = await this.people.of(concerned.map((c) => c.summary.department.id));
    const frozenOn = localDateInCity(current.frozenAt ? new Date(current.frozenAt) : this.clock.now());
    const emails: Array<{ recipient: Recipient; data: PlanResponsibilitySummaryData; dedupKey: string }> = [];
    for (const { summary, changes } of concerned) {
      const data: PlanResponsibilitySummaryData = {
        roundTitle: round.title,
        caseNumber: round.caseNumber,
        departmentName: summary.department.name,
        version,
        frozenOn,
        frozenBy: personLabelOf(actor),
        changed: previous !== null,
        changes: changes.map((c) => ({ code: c.code, title: c.title, kindLabel: CHANGE_LABELS[c.kind], details: c.details })),
        items: summary.items.map((i) => ({
          code: i.code,
          title: i.title,
          roleLabel: i.roleLabel,
          expectations: i.expectations,
          effort: formatEffort(i.effortHours),
          period: formatPeriod(i.startsOn, i.endsOn),
          contactCentre: i.contactCentre ? `${i.contactCentre.roleLabel}: ${i.contactCentre.expectations}` : null,
        })),
        totalEffort: formatEffort(summary.totalEffortHours),
        summaryUrl: this.links.departmentSummary(roundId, summary.department.id),
      };
      for (const r of recipients.get(summary.department.id) ?? []) {
        emails.push({ recipient: r, data, dedupKey: `plan.responsibility_summary:${roundId}:${summary.department.id}:${version}:${r.personId}` });
      }
    }
    // Every department's emails in one statement, however many take part.
    return (await this.outbox.enqueueMany('plan.responsibility_summary', emails)).size;
  }
}
