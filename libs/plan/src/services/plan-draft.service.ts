import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { declareConflict, TransactionHost } from '@samverka/database';
import { Clock, CommonError, CommonErrorCode, FieldViolation, Violations } from '@samverka/kernel';
import { PlanRoundQueryService, RoundBasics } from '@samverka/rounds';
import { PlanError, PlanErrorCode } from '../plan.exception';
import {
  CreatePlanItemInput,
  PlanDocument,
  PlanItem,
  PlanItemStatus,
  ResponsibilityInput,
  SetResponsibilitiesInput,
  StartPlanInput,
  UpdatePlanItemInput,
  UpdatePlanTextsInput,
} from '../plan.model';
import { ResponsibilitySummaryNotifier } from './responsibility-summary.notifier';
import { PlanDocumentRepository } from '../repositories/plan-document.repository';
import { LockedPlan, NewPlanItem, PlanDraftRepository, ResponsibilityRow } from '../repositories/plan-draft.repository';
import { accountableCount, createPlanItemViolations, planItemViolations, planTextsViolations, responsibilitiesViolations, startPlanViolations } from '../rules/plan.rules';
import { areaPrefixes, nextItemCode } from '../rules/plan-item-code';

/** The round state in which the plan may be edited. */
export const PLAN_EDITABLE_STATE = 'draftingPlan';

/** The refusal of a second accountable on an item (by the service's check, or the database's index in a race). */
export function secondAccountable(code?: string): PlanError {
  const item = code ? `Insatsen ${code}` : 'Insatsen';
  return new PlanError(PlanErrorCode.PLAN_SECOND_ACCOUNTABLE, `${item} kan bara ha en ansvarig (A)`, [
    { field: 'responsibilities', rule: 'oneAccountable', message: `${item} kan bara ha en ansvarig (A)` },
  ]);
}

declareConflict('plan_responsibility_one_accountable', () => secondAccountable());
declareConflict('plan_item_code_unique', (key) => itemCodeTaken(key.code));
declareConflict('plan_pkey', () => new PlanError(PlanErrorCode.PLAN_EXISTS, 'Planomgången har redan en plan'));

function itemCodeTaken(code: string | undefined): PlanError {
  const message = code ? `Koden ${code} används redan i planen` : 'Koden används redan i planen';
  return new PlanError(PlanErrorCode.PLAN_ITEM_CODE_TAKEN, message, [{ field: 'code', rule: 'unique', message }]);
}

/** An item as created: its id and its code. */
export interface CreatedPlanItem {
  id: string;
  code: string;
}

const text = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.trim() || null);

/**
 * Utvecklingsplanens utkast: strategists write the plan-level texts, the items, and each item's
 * responsibilities, and freeze the draft into immutable versions. Every method is one transaction
 * that holds the round (for share: no workflow step commits in between) and locks the plan's row,
 * writes, marks the draft changed and records an audit event.
 */
@Injectable()
export class PlanDraftService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly drafts: PlanDraftRepository,
    private readonly documents: PlanDocumentRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly audit: AuditService,
    private readonly summaries: ResponsibilitySummaryNotifier,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** Starts the round's plan: empty, or from the previous round's adopted plan (its items carried over with their responsibilities). */
  async start(actor: Actor, roundId: string, input: StartPlanInput): Promise<{ startedFrom: string | null; itemsCarried: number }> {
    new Violations().addAll(startPlanViolations(input)).throwIfAny();
    return this.tx.run(async () => {
      const round = await this.editableRound(roundId);
      const previous = input.startFrom === 'previousRound' ? await this.drafts.previousAdoptedPlan(roundId) : null;
      if (input.startFrom === 'previousRound' && !previous) {
        throw new PlanError(PlanErrorCode.PLAN_NO_PREVIOUS, 'Det finns ingen tidigare planomgång med en antagen plan att utgå från');
      }
      if (!(await this.drafts.createPlan(roundId, previous?.roundId ?? null))) throw new PlanError(PlanErrorCode.PLAN_EXISTS, 'Planomgången har redan en plan');
      await this.drafts.lockPlan(roundId);
      const itemsCarried = previous ? await this.carryOver(round, previous.roundId, previous.document) : 0;
      await this.audit.record(actor, { action: 'plan.started', subjectType: 'plan', subjectId: roundId, after: { startFrom: input.startFrom, startedFromRoundId: previous?.roundId ?? null, itemsCarried } });
      return { startedFrom: previous?.roundId ?? null, itemsCarried };
    });
  }

  /**
   * Next year's round from an earlier one: when the round is created (in the creation's transaction),
   * the earlier round's adopted plan becomes the first draft of this round's plan. `carry` decides per
   * item whether it is carried over and with which status (the follow-up's latest statuses: null leaves
   * it behind); items of an area the new round lacks and responsibilities of departments that do not
   * take part stay behind. Nothing happens when the earlier round has no adopted plan (returns null).
   */
  async startFromRound(actor: Actor, roundId: string, fromRoundId: string, carry: (item: PlanItem) => PlanItemStatus | null): Promise<{ itemsCarried: number } | null> {
    return this.tx.run(async () => {
      const round = await this.rounds.basics(roundId, true);
      if (round.state !== 'preparing') throw new PlanError(PlanErrorCode.PLAN_NOT_EDITABLE, 'Planen kan bara startas från en tidigare omgång när planomgången skapas', { state: round.state });
      const document = await this.drafts.adoptedPlanOf(fromRoundId);
      if (!document) return null;
      if (!(await this.drafts.createPlan(roundId, fromRoundId))) throw new PlanError(PlanErrorCode.PLAN_EXISTS, 'Planomgången har redan en plan');
      await this.drafts.lockPlan(roundId);
      const itemsCarried = await this.carryOver(round, fromRoundId, document, carry);
      await this.audit.record(actor, { action: 'plan.started', subjectType: 'plan', subjectId: roundId, after: { startFrom: 'previousRound', startedFromRoundId: fromRoundId, itemsCarried } });
      return { itemsCarried };
    });
  }

  /**
   * The decision adopted this frozen version: it becomes the round's adopted plan (the next round starts
   * from it). Called by the decision's step effect, inside the step's transaction; 404 when the version is not frozen.
   */
  async adopt(actor: Actor, roundId: string, version: number): Promise<void> {
    await this.tx.run(async () => {
      if (!(await this.drafts.setAdoptedVersion(roundId, version))) throw new PlanError(PlanErrorCode.PLAN_VERSION_NOT_FOUND, `Planen har ingen version ${version}`, { roundId, version });
      await this.audit.record(actor, { action: 'plan.adopted', subjectType: 'plan', subjectId: roundId, after: { adoptedVersion: version } });
    });
  }

  /** The plan-level texts and the areas' introductions (only those given change). */
  async updateTexts(actor: Actor, roundId: string, input: UpdatePlanTextsInput): Promise<void> {
    new Violations().addAll(planTextsViolations(input)).throwIfAny();
    await this.tx.run(async () => {
      const round = await this.editableRound(roundId);
      const given = ['introduction', 'contactCentreMandate', 'departmentResponsibility', 'areaIntroductions'].some((k) => input[k as keyof UpdatePlanTextsInput] !== undefined);
      if (!given) return;
      const areaIntroductions = (input.areaIntroductions ?? []).map((a) => ({ areaCode: a.areaCode.trim().toUpperCase(), introduction: a.introduction.trim() }));
      const v = new Violations();
      areaIntroductions.forEach((a, i) => v.when(!round.areas.some((x) => x.code === a.areaCode), `areaIntroductions[${i}].areaCode`, 'roundArea', `Planomgången har inget utvecklingsområde med koden ${a.areaCode}`));
      refuseUnknown(v.list);
      await this.lockOrStart(roundId);
      const texts = {
        ...(input.introduction !== undefined ? { introduction: input.introduction.trim() } : {}),
        ...(input.contactCentreMandate !== undefined ? { contactCentreMandate: input.contactCentreMandate.trim() } : {}),
        ...(input.departmentResponsibility !== undefined ? { departmentResponsibility: input.departmentResponsibility.trim() } : {}),
      };
      await this.drafts.updateTexts(roundId, texts);
      await this.drafts.setAreaIntroductions(roundId, areaIntroductions);
      await this.drafts.markChanged(roundId);
      await this.audit.record(actor, { action: 'plan.textsUpdated', subjectType: 'plan', subjectId: roundId, after: { ...texts, areaIntroductions } });
    });
  }

  /** Adds an item at the end of its area; its code is generated from the area when none is given. */
  async createItem(actor: Actor, roundId: string, input: CreatePlanItemInput): Promise<CreatedPlanItem> {
    new Violations().addAll(createPlanItemViolations(input)).throwIfAny();
    return this.tx.run(async () => {
      const round = await this.editableRound(roundId);
      const areaCode = input.areaCode.trim().toUpperCase();
      const needIds = [...new Set(input.needIds ?? [])];
      await this.checkReferences(round, areaCode, needIds);
      await this.lockOrStart(roundId);
      const inUse = await this.drafts.codesInUse(roundId);
      let code: string;
      if (input.code !== undefined && input.code !== null && input.code.trim() !== '') {
        code = input.code.trim().toUpperCase();
        if (inUse.some((c) => c.code === code)) throw itemCodeTaken(code);
      } else {
        const prefix = areaPrefixes(round.areas.map((a) => a.code)).get(areaCode)!;
        code = nextItemCode(prefix, inUse.map((c) => c.code));
      }
      const item: NewPlanItem = {
        roundId,
        areaCode,
        code,
        title: input.title.trim(),
        description: input.description.trim(),
        expectedEffect: text(input.expectedEffect) ?? null,
        indicator: text(input.indicator) ?? null,
        startsOn: text(input.startsOn) ?? null,
        endsOn: text(input.endsOn) ?? null,
        status: input.status ?? 'planned',
        carriedOverFromRoundId: null,
        carriedOverFromCode: null,
      };
      const [id] = await this.drafts.insertItems([item]);
      await this.drafts.setItemNeeds(id, needIds);
      await this.drafts.markChanged(roundId);
      await this.audit.record(actor, { action: 'plan.itemCreated', subjectType: 'plan_item', subjectId: id, after: { ...item, needIds } });
      return { id, code };
    });
  }

  /** Changes an item's fields (those given); `needIds` replaces the needs it answers. Returns the item as read. */
  async updateItem(actor: Actor, roundId: string, itemId: string, input: UpdatePlanItemInput): Promise<PlanItem> {
    return this.tx.run(async () => {
      const round = await this.editableRound(roundId);
      const item = await this.itemOf(roundId, itemId);
      new Violations().addAll(planItemViolations(input, { complete: false, current: item })).throwIfAny();
      const areaCode = input.areaCode?.trim().toUpperCase();
      const needIds = input.needIds === undefined ? undefined : [...new Set(input.needIds)];
      await this.checkReferences(round, areaCode, needIds ?? []);
      await this.lockOrStart(roundId);
      const changes: Partial<NewPlanItem> = {};
      if (input.code !== undefined && input.code !== null && input.code.trim() !== '') {
        const code = input.code.trim().toUpperCase();
        if (code !== item.code) {
          const inUse = await this.drafts.codesInUse(roundId);
          if (inUse.some((c) => c.code === code && c.itemId !== itemId)) throw itemCodeTaken(code);
          changes.code = code;
        }
      }
      if (areaCode !== undefined) changes.areaCode = areaCode;
      if (input.title !== undefined) changes.title = input.title.trim();
      if (input.description !== undefined) changes.description = input.description.trim();
      for (const field of ['expectedEffect', 'indicator', 'startsOn', 'endsOn'] as const) {
        const value = text(input[field]);
        if (value !== undefined) changes[field] = value;
      }
      if (input.status !== undefined) changes.status = input.status;
      // Only what really changes counts (an empty PATCH, or the same values again, changes nothing).
      for (const key of Object.keys(changes) as Array<keyof typeof changes>) if (changes[key] === item[key]) delete changes[key];
      if (Object.keys(changes).length === 0 && needIds === undefined) return (await this.readItem(roundId, itemId))!;
      const before = { code: item.code, areaCode: item.areaCode, title: item.title, description: item.description, expectedEffect: item.expectedEffect, indicator: item.indicator, startsOn: item.startsOn, endsOn: item.endsOn, status: item.status };
      await this.drafts.updateItem(item, changes);
      if (needIds !== undefined) await this.drafts.setItemNeeds(itemId, needIds);
      await this.drafts.markChanged(roundId);
      await this.audit.record(actor, { action: 'plan.itemUpdated', subjectType: 'plan_item', subjectId: itemId, before, after: { ...changes, ...(needIds ? { needIds } : {}) } });
      return (await this.readItem(roundId, itemId))!;
    });
  }

  async deleteItem(actor: Actor, roundId: string, itemId: string): Promise<void> {
    await this.tx.run(async () => {
      await this.editableRound(roundId);
      const item = await this.itemOf(roundId, itemId);
      await this.lockOrStart(roundId);
      await this.drafts.deleteItem(itemId);
      await this.drafts.markChanged(roundId);
      await this.audit.record(actor, { action: 'plan.itemDeleted', subjectType: 'plan_item', subjectId: itemId, before: { code: item.code, title: item.title, areaCode: item.areaCode } });
    });
  }

  /**
   * Replaces the item's whole list of responsibilities. Exactly one organisation per entry, one entry
   * per organisation, participating departments only, at most one accountable (a second: 409, and
   * the database's partial unique index settles a race the same way). Returns the item as read.
   */
  async setResponsibilities(actor: Actor, roundId: string, itemId: string, input: SetResponsibilitiesInput): Promise<PlanItem> {
    new Violations().addAll(responsibilitiesViolations(input)).throwIfAny();
    return this.tx.run(async () => {
      const round = await this.editableRound(roundId);
      const item = await this.itemOf(roundId, itemId);
      const participants = new Set(round.participants.map((p) => p.departmentId));
      const v = new Violations();
      input.responsibilities.forEach((r, i) => {
        if (r.departmentId) v.when(!participants.has(r.departmentId), `responsibilities[${i}].departmentId`, 'participant', 'Förvaltningen deltar inte i planomgången');
      });
      refuseUnknown(v.list);
      if (accountableCount(input.responsibilities) > 1) throw secondAccountable(item.code);
      await this.lockOrStart(roundId);
      const rows = input.responsibilities.map(responsibilityRow);
      const before = (await this.readItem(roundId, itemId))?.responsibilities ?? [];
      await this.drafts.replaceResponsibilities(itemId, rows);
      await this.drafts.markChanged(roundId);
      await this.audit.record(actor, { action: 'plan.responsibilitiesSet', subjectType: 'plan_item', subjectId: itemId, before: { responsibilities: before }, after: { responsibilities: rows } });
      const read = await this.readItem(roundId, itemId);
      return read!;
    });
  }

  /**
   * Freezes the draft into the next immutable version (1, 2, …). 409 PLAN_UNCHANGED when nothing
   * changed since the last version; of two concurrent freezes the second waits for the plan's lock
   * and then finds nothing changed.
   */
  async freeze(actor: Actor, roundId: string): Promise<{ version: number }> {
    return this.tx.run(async () => {
      await this.editableRound(roundId);
      const plan = await this.drafts.lockPlan(roundId);
      if (!plan) throw new PlanError(PlanErrorCode.PLAN_NOT_FOUND, 'Planomgången har ingen plan att låsa');
      if (!plan.draftChanged) throw new PlanError(PlanErrorCode.PLAN_UNCHANGED, `Inget har ändrats sedan version ${plan.latestVersion}`, { latestVersion: plan.latestVersion });
      const draft = await this.documents.draftOf(roundId);
      const frozenAt = this.clock.now();
      const current: PlanDocument = { ...draft!.document, version: plan.latestVersion + 1, frozenAt: frozenAt.toISOString(), frozenBy: actor.label };
      await this.drafts.insertVersion(roundId, current, frozenAt, actor.personId, actor.label);
      // Each department's responsibility summary (version 1: every participant; later: those whose part changed), in this transaction.
      const previous = plan.latestVersion > 0 ? await this.documents.versionOf(roundId, plan.latestVersion) : null;
      await this.summaries.versionFrozen({ roundId, previous, current, actor });
      await this.audit.record(actor, { action: 'plan.frozen', subjectType: 'plan', subjectId: roundId, after: { version: current.version } });
      return { version: current.version! };
    });
  }

  /**
   * For the plan's other writers (deferrals, …): one transaction that holds the round while it drafts
   * its plan (else PLAN_NOT_EDITABLE), locks the plan's row (starting it empty if need be), runs
   * `work` and marks the draft changed. The caller writes its own audit event inside `work`.
   */
  async editDraft<T>(roundId: string, work: (round: RoundBasics) => Promise<T>): Promise<T> {
    return this.tx.run(async () => {
      const round = await this.editableRound(roundId);
      await this.lockOrStart(roundId);
      const result = await work(round);
      await this.drafts.markChanged(roundId);
      return result;
    });
  }

  /** The round, held for share, when it drafts its plan; else PLAN_NOT_EDITABLE. */
  private async editableRound(roundId: string): Promise<RoundBasics> {
    const round = await this.rounds.basics(roundId, true);
    if (round.state !== PLAN_EDITABLE_STATE) {
      throw new PlanError(PlanErrorCode.PLAN_NOT_EDITABLE, 'Planen kan bara ändras medan planomgången tar fram planen', { state: round.state });
    }
    return round;
  }

  /** Locks the plan's row; the first write on a round without a plan starts it empty. */
  private async lockOrStart(roundId: string): Promise<LockedPlan> {
    const locked = await this.drafts.lockPlan(roundId);
    if (locked) return locked;
    await this.drafts.createPlan(roundId, null);
    return (await this.drafts.lockPlan(roundId))!;
  }

  private async itemOf(roundId: string, itemId: string) {
    const item = await this.drafts.findItem(roundId, itemId);
    if (!item) throw new PlanError(PlanErrorCode.PLAN_ITEM_NOT_FOUND, `Insatsen ${itemId} finns inte i planomgångens plan`, { itemId });
    return item;
  }

  private async readItem(roundId: string, itemId: string): Promise<PlanItem | null> {
    const draft = await this.documents.draftOf(roundId);
    return draft?.document.areas.flatMap((a) => a.items).find((i) => i.id === itemId) ?? null;
  }

  /** The area is the round's, the needs are handed-in needs of the round (422 naming the field). */
  private async checkReferences(round: RoundBasics, areaCode: string | undefined, needIds: string[]): Promise<void> {
    const v = new Violations();
    if (areaCode !== undefined) v.when(!round.areas.some((a) => a.code === areaCode), 'areaCode', 'roundArea', `Planomgången har inget utvecklingsområde med koden ${areaCode}`);
    if (needIds.length > 0) {
      const valid = await this.drafts.handedInNeeds(round.id, needIds);
      const unknown = needIds.filter((id) => !valid.has(id));
      v.when(unknown.length > 0, 'needIds', 'handedInNeed', `Behoven måste vara inlämnade behov i planomgången: ${unknown.join(', ')}`);
    }
    refuseUnknown(v.list);
  }

  /**
   * Copies the previous round's adopted items into this draft with their codes and responsibilities
   * (not their needs: needs belong to their round), marked as carried over. Completed and cancelled
   * items stay behind; so do items of an area this round does not have, and responsibilities of
   * departments that do not take part in this round.
   */
  private async carryOver(round: RoundBasics, fromRoundId: string, document: PlanDocument, carry: (item: PlanItem) => PlanItemStatus | null = unfinished): Promise<number> {
    const areas = new Set(round.areas.map((a) => a.code));
    const participants = new Set(round.participants.map((p) => p.departmentId));
    const items = document.areas
      .flatMap((a) => a.items)
      .flatMap((i) => {
        const status = areas.has(i.areaCode) ? carry(i) : null;
        return status === null ? [] : [{ ...i, status }];
      });
    const ids = await this.drafts.insertItems(
      items.map((i) => ({
        roundId: round.id,
        areaCode: i.areaCode,
        code: i.code,
        title: i.title,
        description: i.description,
        expectedEffect: i.expectedEffect,
        indicator: i.indicator,
        startsOn: i.startsOn,
        endsOn: i.endsOn,
        status: i.status,
        carriedOverFromRoundId: fromRoundId,
        carriedOverFromCode: i.code,
      })),
    );
    await this.drafts.insertResponsibilities(
      items.flatMap((item, n) =>
        item.responsibilities
          .filter((r) => r.organisation.kind === 'contactCentre' || participants.has(r.organisation.departmentId))
          .map((r) => ({
            itemId: ids[n],
            departmentId: r.organisation.kind === 'department' ? r.organisation.departmentId : null,
            contactCentre: r.organisation.kind === 'contactCentre',
            role: r.role,
            expectations: r.expectations,
            effortHours: r.effortHours,
          })),
      ),
    );
    return items.length;
  }
}

/** The default of what is carried over: the items not completed or cancelled, with their status. */
function unfinished(item: PlanItem): PlanItemStatus | null {
  return item.status === 'completed' || item.status === 'cancelled' ? null : item.status;
}

function responsibilityRow(r: ResponsibilityInput): ResponsibilityRow {
  return {
    departmentId: r.contactCentre ? null : (r.departmentId ?? null),
    contactCentre: r.contactCentre === true,
    role: r.role,
    expectations: (r.expectations ?? '').trim(),
    effortHours: r.effortHours ?? null,
  };
}

/** Unknown references (an area not in the round, a need not handed in, a department not taking part): 422 naming each field. */
function refuseUnknown(violations: FieldViolation[]): void {
  if (violations.length === 0) return;
  throw new CommonError(CommonErrorCode.UNKNOWN_REFERENCE, violations.map((v) => v.message).join('; '), violations);
}
