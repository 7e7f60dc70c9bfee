import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService, personLabelOf } from '@samverka/audit';
import { Clock, CommonError, refuseIfAny } from '@samverka/kernel';
import { PlanRoundQueryService } from '@samverka/rounds';
import { PlanError, PlanErrorCode } from '../plan.exception';
import { AnsweringItem, CoverageRow, CoverageSection, PlanCoverageRepository } from '../repositories/plan-coverage.repository';
import { PlanDocumentRepository } from '../repositories/plan-document.repository';
import type { PlanDocument } from '../plan.model';
import { deferralViolations } from '../rules/plan-questions.rules';
import { PLAN_EDITABLE_STATE, PlanDraftService } from './plan-draft.service';

export type { AnsweringItem, CoverageRow } from '../repositories/plan-coverage.repository';

/**
 * The handed-in needs of a round, sorted into what the plan does with each (an answered need is
 * answered even if a deferral remains), one page of each section, with each section's size.
 */
export interface NeedsCoverage {
  roundId: string;
  /** Neither answered by an item nor deferred. */
  unanswered: CoverageRow[];
  /** Deferred with a reason (and not answered). */
  deferred: CoverageRow[];
  /** Answered by at least one item of the draft. */
  answered: CoverageRow[];
  counts: { total: number; unanswered: number; deferred: number; answered: number };
}

/** What the plan does with one of a department's needs, as its needs page says it. */
export type NeedAnswer = { kind: 'answered'; items: AnsweringItem[] } | { kind: 'deferred'; reason: string };

export interface DeferralInput {
  reason: string;
}

/** The round states in which the plan is read (from drafting on). */
export const PLAN_READABLE_STATES: readonly string[] = ['draftingPlan', 'consultation', 'compilingResponses', 'awaitingDecision', 'followUp', 'closed'];

/** Rows of each coverage section when the caller names no page: the answer stays bounded however many needs the city hands in. */
export const NEEDS_COVERAGE_SECTION_LIMIT = 100;

/** What a plan document (a frozen version) does with a department's needs: the items answering each, else its deferral. */
export function answersIn(document: PlanDocument, departmentId: string): Map<string, NeedAnswer> {
  const answers = new Map<string, NeedAnswer>();
  const own = new Set<string>();
  for (const area of document.areas) {
    for (const item of area.items) {
      for (const need of item.needs.filter((n) => n.departmentId === departmentId)) {
        own.add(need.id);
        const found = answers.get(need.id);
        const entry = { id: item.id, code: item.code, title: item.title };
        if (found?.kind === 'answered') found.items.push(entry);
        else answers.set(need.id, { kind: 'answered', items: [entry] });
      }
    }
  }
  // A deferral names only the need: the caller looks up its own department's needs by id.
  for (const d of document.deferrals ?? []) if (!own.has(d.needId)) answers.set(d.needId, { kind: 'deferred', reason: d.reason });
  return answers;
}

/**
 * Needs coverage (behovstäckning): every need handed in to the round is answered by an item of the
 * plan, deferred with a reason that its department sees, or still unanswered. Deferrals are part of
 * the plan document (`deferrals`): deferring or undoing one is an edit of the draft
 * (`PlanDraftService.editDraft`: only while the round drafts its plan, the plan's row locked, the draft
 * marked changed).
 */
@Injectable()
export class PlanNeedsCoverageService {
  constructor(
    private readonly coverage: PlanCoverageRepository,
    private readonly drafts: PlanDraftService,
    private readonly documents: PlanDocumentRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /**
   * Why the plan's needs coverage cannot be changed now, in Swedish (null: it can): the round must draft
   * its plan (a first deferral starts an empty plan, as any first edit does).
   */
  async whyNotEditable(roundId: string): Promise<string | null> {
    const round = await this.rounds.basics(roundId);
    return round.state === PLAN_EDITABLE_STATE ? null : 'Planen kan bara ändras medan planomgången tar fram planen.';
  }

  /**
   * The round's handed-in needs: one page of each section (unanswered, deferred, answered; the same
   * `limit` and `offset` for the three) with the counts, in one statement after the round's.
   */
  async coverageOf(roundId: string, page: { limit: number; offset: number } = { limit: NEEDS_COVERAGE_SECTION_LIMIT, offset: 0 }): Promise<NeedsCoverage> {
    await this.rounds.basics(roundId);
    const { rows, counts } = await this.coverage.coveragePage(roundId, page.limit, page.offset);
    const of = (section: CoverageSection): CoverageRow[] => rows.filter((r) => r.section === section).map(({ section: _, ...row }) => row);
    return { roundId, unanswered: of('unanswered'), deferred: of('deferred'), answered: of('answered'), counts: { total: counts.unanswered + counts.deferred + counts.answered, ...counts } };
  }

  /** How many of the round's handed-in needs are unanswered, deferred and answered (the counts alone). */
  async coverageCounts(roundId: string): Promise<NeedsCoverage['counts']> {
    return (await this.coverageOf(roundId, { limit: 0, offset: 0 })).counts;
  }

  /**
   * What the plan does with each of a department's handed-in needs, by need id, once the round is past
   * collecting needs (empty before: the plan is not drafted yet). A need still unanswered has no entry.
   * `draft` (for those who read the draft: strategists and admins) reads the draft as it stands;
   * `latestVersion` (for the department's own people, who read only frozen versions) the last frozen
   * version, and nothing before the first freeze.
   */
  async answersForDepartment(roundId: string, departmentId: string, source: 'draft' | 'latestVersion' = 'latestVersion'): Promise<Map<string, NeedAnswer>> {
    const round = await this.rounds.basics(roundId);
    if (!PLAN_READABLE_STATES.includes(round.state)) return new Map();
    if (source === 'latestVersion') {
      const version = await this.documents.latestVersionOf(roundId);
      return version ? answersIn(version, departmentId) : new Map();
    }
    const answers = new Map<string, NeedAnswer>();
    for (const row of await this.coverage.coverageOf(roundId, departmentId)) {
      if (row.items.length > 0) answers.set(row.needId, { kind: 'answered', items: row.items });
      else if (row.deferral) answers.set(row.needId, { kind: 'deferred', reason: row.deferral.reason });
    }
    return answers;
  }

  /** Defers a handed-in need with a reason (or rewrites the reason); a need an item answers cannot be deferred. */
  async defer(actor: Actor, roundId: string, needId: string, input: DeferralInput): Promise<CoverageRow> {
    refuseIfAny(deferralViolations(input));
    const reason = input.reason.trim();
    return this.drafts.editDraft(roundId, async () => {
      const need = await this.coverage.needForDeferral(needId);
      if (!need || need.roundId !== roundId) throw CommonError.notFound('Behovet', needId);
      if (!need.submissionStatus || !['submitted', 'endorsed'].includes(need.submissionStatus)) {
        throw new PlanError(PlanErrorCode.PLAN_NEED_NOT_HANDED_IN, 'Bara inlämnade behov kan skjutas upp', { needId });
      }
      if (need.answeredBy.length > 0) {
        throw new PlanError(PlanErrorCode.PLAN_NEED_ANSWERED, `Behovet besvaras av ${need.answeredBy.length > 1 ? 'insatserna' : 'insatsen'} ${need.answeredBy.join(', ')} och kan inte skjutas upp`, {
          needId,
          items: need.answeredBy,
        });
      }
      await this.coverage.upsertDeferral(roundId, needId, reason, { personId: actor.personId, name: personLabelOf(actor) }, this.clock.now());
      await this.audit.record(actor, { action: 'plan.need_deferred', subjectType: 'plan_round', subjectId: roundId, before: null, after: { needId, reason } });
      return (await this.coverage.coverageOf(roundId, need.departmentId)).find((r) => r.needId === needId)!;
    });
  }

  /** Undoes a need's deferral: it is unanswered again. */
  async undefer(actor: Actor, roundId: string, needId: string): Promise<void> {
    await this.drafts.editDraft(roundId, async () => {
      const removed = await this.coverage.deleteDeferral(roundId, needId);
      if (!removed) throw new PlanError(PlanErrorCode.PLAN_DEFERRAL_NOT_FOUND, 'Behovet är inte uppskjutet', { needId });
      await this.audit.record(actor, { action: 'plan.need_undeferred', subjectType: 'plan_round', subjectId: roundId, before: { needId, reason: removed.reason }, after: null });
    });
  }
}
