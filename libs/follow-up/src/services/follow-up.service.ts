import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { declareConflict, TransactionHost } from '@samverka/database';
import { Clock, Principal, refuseIfAny } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import { mayReportFor } from '../access/follow-up-access.policy';
import { FollowUpError, FollowUpErrorCode } from '../follow-up.exception';
import { RecordedReport, ReportingOrganisation, reportingOrganisationKey, ReportingPeriod, ReportInput, ReportSource, SetPeriodsInput } from '../follow-up.model';
import { FollowUpRepository } from '../repositories/follow-up.repository';
import { optionalText, periodsViolations, reportViolations } from '../rules/follow-up.rules';

/** The round state in which periods are changed and reports sent. */
export const FOLLOW_UP_STATE = 'followUp';

const reportConflict = () =>
  new FollowUpError(FollowUpErrorCode.REPORT_CONFLICT, 'En annan rapport för samma insats, organisation och period sparades samtidigt. Läs den och rätta vid behov.');
declareConflict('follow_up_report_department_revision', () => reportConflict());
declareConflict('follow_up_report_contact_centre_revision', () => reportConflict());

/** The organisation a report names: a department, or the contact centre. */
export function organisationOf(input: Pick<ReportInput, 'departmentId' | 'contactCentre'>): ReportingOrganisation {
  return input.contactCentre === true ? { kind: 'contactCentre' } : { kind: 'department', departmentId: input.departmentId! };
}

/**
 * The follow-up's writes: a round's reporting periods (strategists), and the reports of the organisations
 * responsible for the adopted plan's items (a department through its coordinators, the contact centre
 * through strategists). A report is kept as sent; sending again for the same period is a correction,
 * stored as the next revision.
 */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly followUp: FollowUpRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** The round's reporting periods in order (404 when the round does not exist). */
  async periods(roundId: string): Promise<ReportingPeriod[]> {
    await this.rounds.basics(roundId);
    return this.followUp.periodsOf(roundId);
  }

  /**
   * Replaces the round's periods (in the order given): a listed `id` keeps that period and its reports,
   * a period left out is removed (409 when it has reports), one without `id` is new.
   */
  async setPeriods(actor: Actor, roundId: string, input: SetPeriodsInput): Promise<ReportingPeriod[]> {
    refuseIfAny(periodsViolations(input));
    return this.tx.run(async () => {
      await this.openRound(roundId);
      await this.followUp.lockPeriods(roundId);
      const before = await this.followUp.periodsOf(roundId);
      const known = new Set(before.map((p) => p.id));
      const unknown = input.periods.map((p, i) => ({ p, i })).filter(({ p }) => p.id !== undefined && !known.has(p.id));
      if (unknown.length > 0) {
        refuseIfAny(unknown.map(({ i }) => ({ field: `periods.${i}.id`, rule: 'exists', message: 'Perioden finns inte i planomgången' })));
      }
      const kept = new Set(input.periods.map((p) => p.id).filter((id): id is string => id !== undefined));
      const removed = before.filter((p) => !kept.has(p.id));
      const blocked = new Set(await this.followUp.periodsWithReports(roundId, removed.map((p) => p.id)));
      if (blocked.size > 0) {
        const labels = removed.filter((p) => blocked.has(p.id)).map((p) => p.label);
        throw new FollowUpError(FollowUpErrorCode.PERIOD_HAS_REPORTS, `Perioder med rapporter kan inte tas bort: ${labels.join(', ')}`, { periods: labels.join(', ') });
      }
      await this.followUp.replacePeriods(roundId, input.periods.map((p) => ({ id: p.id, label: p.label.trim(), dueOn: p.dueOn })));
      const after = await this.followUp.periodsOf(roundId);
      await this.audit.record(actor, { action: 'follow_up.periods_set', subjectType: 'plan_round', subjectId: roundId, before: { periods: before }, after: { periods: after } });
      return after;
    });
  }

  /** Records one organisation's report on one item for one period (a correction when it has reported before). */
  async report(principal: Principal, actor: Actor, roundId: string, itemId: string, input: ReportInput, source: ReportSource = 'api'): Promise<RecordedReport> {
    refuseIfAny(reportViolations(input));
    const organisation = organisationOf(input);
    if (!mayReportFor(principal, organisation)) {
      throw new FollowUpError(
        FollowUpErrorCode.REPORT_NOT_ALLOWED,
        organisation.kind === 'department' ? 'Bara förvaltningens samordnare rapporterar för förvaltningen' : 'Bara strateger på kontaktcenter rapporterar för kontaktcenter',
      );
    }
    return this.tx.run(async () => {
      await this.openRound(roundId);
      const item = await this.followUp.itemWithObligations(roundId, itemId);
      if (!item) throw new FollowUpError(FollowUpErrorCode.FOLLOW_UP_ITEM_NOT_FOUND, 'Insatsen finns inte i den antagna planen', { entity: 'item', id: itemId });
      if (!item.reporters.some((r) => reportingOrganisationKey(r) === reportingOrganisationKey(organisation))) {
        const field = organisation.kind === 'department' ? 'departmentId' : 'contactCentre';
        const message = `${organisation.kind === 'department' ? 'Förvaltningen' : 'Kontaktcenter'} är inte utförare (R) av insatsen ${item.code} och rapporterar inte på den`;
        throw new FollowUpError(FollowUpErrorCode.NOT_RESPONSIBLE_FOR_ITEM, message, [{ field, rule: 'responsible', message }]);
      }
      const periods = await this.followUp.existingPeriodIds(roundId, [input.periodId]);
      if (!periods.has(input.periodId)) {
        const message = 'Rapportperioden finns inte i planomgången';
        throw new FollowUpError(FollowUpErrorCode.PERIOD_NOT_FOUND, message, [{ field: 'periodId', rule: 'exists', message }]);
      }
      const stored = await this.followUp.insertReport({
        roundId,
        periodId: input.periodId,
        itemId,
        organisation,
        status: input.status,
        progress: input.progress,
        comment: input.comment.trim(),
        cause: optionalText(input.cause),
        needed: optionalText(input.needed),
        source,
        reportedById: principal.personId,
        reportedByName: personLabelOf(actor),
        reportedAt: this.clock.now(),
      });
      await this.audit.record(actor, { action: 'follow_up.reported', subjectType: 'plan_item', subjectId: itemId, after: { ...stored } });
      return {
        id: stored.id,
        revision: stored.revision,
        periodId: stored.periodId,
        itemId: stored.itemId,
        itemCode: stored.itemCode,
        organisation: stored.organisation,
        status: stored.status,
        progress: stored.progress,
        reportedAt: stored.reportedAt,
      };
    });
  }

  /** The round, held (FOR SHARE) for the transaction, in follow-up; 409 otherwise. */
  private async openRound(roundId: string): Promise<void> {
    const round = await this.rounds.basics(roundId, true);
    if (round.state !== FOLLOW_UP_STATE) {
      throw new FollowUpError(FollowUpErrorCode.FOLLOW_UP_NOT_OPEN, 'Uppföljningen är bara öppen när planen är antagen och planomgången är i uppföljning', { state: round.state });
    }
  }
}
