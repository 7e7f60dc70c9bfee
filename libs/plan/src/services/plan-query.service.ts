import { Injectable } from '@nestjs/common';
import { PlanRoundQueryService } from '@samverka/rounds';
import type { PlanRoundState } from '@samverka/workflow';
import { diffPlans, PlanDiff } from '../diff/plan-diff';
import { PlanError, PlanErrorCode } from '../plan.exception';
import { PlanDocument, PlanVersionSummary } from '../plan.model';
import { PlanDocumentRepository } from '../repositories/plan-document.repository';
import { NeedPicker, NeedPickerQuery, NeedPickerRepository } from '../repositories/need-picker.repository';
import { PlanDraftRepository } from '../repositories/plan-draft.repository';
import { PLAN_EDITABLE_STATE } from './plan-draft.service';

export interface PlanDraftState {
  /** The round has a plan (a write or `start` made it); false: an empty draft to start. */
  started: boolean;
  /** The last frozen version's number (0: none yet). */
  latestVersion: number;
  /** The draft has changes not frozen in a version (or nothing was frozen yet). */
  draftChanged: boolean;
  /** The plan can be edited now (the round drafts its plan). */
  editable: boolean;
  roundState: PlanRoundState;
  startedFromRoundId: string | null;
}

/** The draft as the plan page and `GET /rounds/{id}/plan` show it. */
export interface PlanDraftView {
  document: PlanDocument;
  state: PlanDraftState;
  /** An earlier round's adopted plan exists to start from (only asked while the plan is not started). */
  previousPlanAvailable: boolean;
}

/** Reads the plan: the draft, the frozen versions, and what changed between two versions. */
@Injectable()
export class PlanQueryService {
  constructor(
    private readonly documents: PlanDocumentRepository,
    private readonly drafts: PlanDraftRepository,
    private readonly rounds: PlanRoundQueryService,
    private readonly needPicker: NeedPickerRepository,
  ) {}

  /**
   * The round's handed-in needs an item may answer, as the item form offers them: the chosen ones, and
   * one page of the others matching a search (bounded however many needs the city hands in), in one
   * statement. The caller has read the round (the form's draft).
   */
  needsToOffer(roundId: string, query: NeedPickerQuery): Promise<NeedPicker> {
    return this.needPicker.pick(roundId, query);
  }

  /**
   * The draft with its state. A round drafting its plan without one yet answers an empty draft
   * (`started: false`); a round before drafting (or one without a plan later on) has none: 404.
   */
  async draft(roundId: string): Promise<PlanDraftView> {
    const round = await this.rounds.basics(roundId);
    const draft = await this.documents.draftOf(roundId);
    const editable = round.state === PLAN_EDITABLE_STATE;
    if (draft) {
      return {
        document: draft.document,
        state: { started: true, latestVersion: draft.state.latestVersion, draftChanged: draft.state.draftChanged, editable, roundState: round.state, startedFromRoundId: draft.state.startedFromRoundId },
        previousPlanAvailable: false,
      };
    }
    if (!editable) throw new PlanError(PlanErrorCode.PLAN_NOT_FOUND, 'Planomgången har ingen plan', { state: round.state });
    const previous = await this.drafts.previousAdoptedPlan(roundId);
    return {
      document: {
        roundId,
        version: null,
        frozenAt: null,
        frozenBy: null,
        texts: { introduction: '', contactCentreMandate: '', departmentResponsibility: '' },
        areas: round.areas.map((a) => ({ code: a.code, name: a.name, introduction: '', items: [] })),
        deferrals: [],
      },
      state: { started: false, latestVersion: 0, draftChanged: false, editable, roundState: round.state, startedFromRoundId: null },
      previousPlanAvailable: previous !== null,
    };
  }

  /** The frozen versions, oldest first (404 when the round does not exist). */
  async versions(roundId: string): Promise<PlanVersionSummary[]> {
    await this.rounds.basics(roundId);
    return this.documents.versionsOf(roundId);
  }

  /** One frozen version's document (404 PLAN_VERSION_NOT_FOUND). */
  async version(roundId: string, version: number): Promise<PlanDocument> {
    const document = await this.documents.versionOf(roundId, version);
    if (!document) throw versionNotFound(roundId, version);
    return document;
  }

  /** The latest frozen version's document, or null. */
  latestVersion(roundId: string): Promise<PlanDocument | null> {
    return this.documents.latestVersionOf(roundId);
  }

  /** The number of the last frozen version, or null when none is frozen. */
  latestVersionNumber(roundId: string): Promise<number | null> {
    return this.drafts.latestVersionNumber(roundId);
  }

  /** What changed from version `a` to version `b`. */
  async diff(roundId: string, a: number, b: number): Promise<PlanDiff> {
    const before = await this.documents.versionOf(roundId, a);
    if (!before) throw versionNotFound(roundId, a);
    const after = await this.documents.versionOf(roundId, b);
    if (!after) throw versionNotFound(roundId, b);
    return diffPlans(before, after);
  }
}

function versionNotFound(roundId: string, version: number): PlanError {
  return new PlanError(PlanErrorCode.PLAN_VERSION_NOT_FOUND, `Planen har ingen version ${version}`, { roundId, version });
}
