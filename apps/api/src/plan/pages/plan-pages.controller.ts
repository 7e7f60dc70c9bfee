import { CompilationService, proposalsByItem } from '@samverka/consultation';
import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { Principal } from '@samverka/identity';
import { CommonError } from '@samverka/kernel';
import {
  diffPlans,
  mayEditPlan,
  mayReadPlanDraft,
  PLAN_EDITABLE_STATE,
  PLAN_START_FROM,
  PlanDocument,
  PlanDraftService,
  PlanDraftView,
  PlanError,
  PlanErrorCode,
  PlanItem,
  PlanNeedsCoverageService,
  PlanQueryService,
  PlanStartFrom,
} from '@samverka/plan';
import { PlanRoundQueryService, RoundBasics } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, validInput } from '../../shell/form-action';
import { formField } from '../../shell/form-body';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { buildPlanDraftPage, PLAN_NOTICE_PARAM, PLAN_NOTICE_SLUGS, PlanNotice, PlanRoundHead, readPlanNotice } from './plan-draft-page.presenter';
import {
  buildPlanFreezePage,
  buildPlanItemDeletePage,
  buildPlanItemPage,
  buildPlanResponsibilitiesPage,
  buildPlanTextsPage,
  departmentsWhosePartChanged,
} from './plan-forms.presenter';
import { itemAnchor, planPath, planVersionPath, planVersionsPath, planDiffPath } from './plan-format';
import { emptyPlanItemForm, PLAN_ITEM_FORM_ERRORS, PlanItemFormValues, planItemFormValues, readPlanItemForm, toUpdatePlanItem, validatePlanItemForm } from './plan-item-form';
import { lastNeedPage, needPickerQuery, NeedSearch, NO_NEED_SEARCH, readNeedSearch } from './plan-item-needs';
import {
  planResponsibilitiesFormErrors,
  planResponsibilitiesFormValues,
  readPlanResponsibilitiesForm,
  responsibilityOrganisations,
  validatePlanResponsibilitiesForm,
} from './plan-responsibilities-form';
import { planTextsFormErrors, planTextsFormValues, readPlanTextsForm, toUpdatePlanTexts } from './plan-texts-form';
import { buildPlanDiffPage, buildPlanVersionPage, buildPlanVersionsPage } from './plan-versions.presenter';

const ROUND = UuidParam('Planomgången');
const ITEM = UuidParam('Insatsen');

/** Who reads the plan's pages: strategists and admins (the draft), and those taking part in the round (its frozen versions). */
const PLAN_READERS = [admin(), strategist(), participantOfRound(fromParam('id'))];
/** Only strategists edit the plan (its forms are theirs alone). */
const PLAN_EDITORS = [strategist()];

/** A version's number from the address: a positive whole number, else the version does not exist (404). */
function versionNumber(raw: string): number {
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw new PlanError(PlanErrorCode.PLAN_VERSION_NOT_FOUND, `Planen har ingen version ${raw}`, { version: raw });
  return Number(raw);
}

const notEditable = () => new PlanError(PlanErrorCode.PLAN_NOT_EDITABLE, 'Planen kan bara ändras medan planomgången tar fram planen');

/**
 * Utvecklingsplanen's pages, at /planomgangar/:id/plan: the draft with its forms for strategists
 * (texts, items, responsibilities, freezing), the frozen versions and what changed between two, for
 * everyone who reads the round. They work without JavaScript: every change is a form post
 * (formAction: errors at the fields with a summary, what was typed kept), then a redirect.
 * Participants who may not read the draft are shown the latest frozen version instead.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/plan`)
export class PlanPagesController {
  constructor(
    private readonly rounds: PlanRoundQueryService,
    private readonly plans: PlanQueryService,
    private readonly drafts: PlanDraftService,
    private readonly views: ViewRenderer,
    private readonly coverage: PlanNeedsCoverageService,
    private readonly compilations: CompilationService,
  ) {}

  @Get()
  @Allow(...PLAN_READERS)
  async show(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    if (!mayReadPlanDraft(principal)) {
      const versions = await this.plans.versions(id);
      const latest = versions.at(-1);
      return void reply.redirect(latest ? planVersionPath(id, latest.version) : planVersionsPath(id), HttpStatus.SEE_OTHER);
    }
    await this.draftPage(reply, id, { notice: readPlanNotice(query) }, HttpStatus.OK, mayEditPlan(principal));
  }

  @Post('starta')
  @Allow(...PLAN_EDITORS)
  async start(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const values = { startFrom: formField(body, 'startFrom') };
    await formAction({
      posted: body,
      values,
      errors: { fieldIdFor: (path) => (path === 'startFrom' ? 'startFrom' : undefined), refusals: { [PlanErrorCode.PLAN_EXISTS]: null, [PlanErrorCode.PLAN_NO_PREVIOUS]: null, [PlanErrorCode.PLAN_NOT_EDITABLE]: null } },
      run: () => {
        const startFrom = values.startFrom as PlanStartFrom;
        if (!PLAN_START_FROM.includes(startFrom)) throw CommonError.invalid([{ field: 'startFrom', rule: 'isIn', message: 'Välj hur planen ska påbörjas' }]);
        return this.drafts.start(actor, id, { startFrom });
      },
      failed: (failure) => this.draftPage(reply, id, { startError: failure.errors.startFrom ?? failure.general[0] }, failure.status, true),
      done: () => this.toPlan(reply, id, 'started'),
    });
  }

  @Get('texter')
  @Allow(...PLAN_EDITORS)
  async textsPage(@Param('id', ROUND) id: string, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.editable(id);
    await this.views.send(reply, 'plan-texts-edit', buildPlanTextsPage(round, draft.document.areas, planTextsFormValues(draft.document)));
  }

  @Post('texter')
  @Allow(...PLAN_EDITORS)
  async texts(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.readDraft(id);
    const areas = draft.document.areas;
    const values = readPlanTextsForm(body, areas.map((a) => a.code));
    await formAction({
      posted: body,
      values,
      errors: planTextsFormErrors(values),
      run: () => this.drafts.updateTexts(actor, id, toUpdatePlanTexts(values)),
      failed: (failure) => this.views.send(reply, 'plan-texts-edit', buildPlanTextsPage(round, areas, values, failure), failure.status),
      done: () => this.toPlan(reply, id, 'texts'),
    });
  }

  @Get('insatser/ny')
  @Allow(...PLAN_EDITORS)
  async newItemPage(@Param('id', ROUND) id: string, @Query('omrade') area: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.editable(id);
    const areaCode = typeof area === 'string' && draft.document.areas.some((a) => a.code === area) ? area : '';
    const values = emptyPlanItemForm(areaCode);
    const needs = await this.needsToOffer(id, values, NO_NEED_SEARCH, null);
    await this.views.send(reply, 'plan-item-edit', buildPlanItemPage(round, draft.document.areas, needs, values, null));
  }

  /** Saves the new item, or (a search or page of the needs asked) shows the form again with everything kept. */
  @Post('insatser')
  @Allow(...PLAN_EDITORS)
  async createItem(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.readDraft(id);
    const values = readPlanItemForm(body);
    const { shown, asked } = readNeedSearch(body);
    if (asked) {
      if (!draft.state.editable) throw notEditable();
      const needs = await this.needsToOffer(id, values, asked, null);
      return this.views.send(reply, 'plan-item-edit', buildPlanItemPage(round, draft.document.areas, needs, values, null));
    }
    await formAction({
      posted: body,
      values,
      errors: PLAN_ITEM_FORM_ERRORS,
      run: () => this.drafts.createItem(actor, id, validInput(validatePlanItemForm(values))),
      failed: async (failure) =>
        this.views.send(reply, 'plan-item-edit', buildPlanItemPage(round, draft.document.areas, await this.needsToOffer(id, failure.values, shown, null), values, null, failure), failure.status),
      done: (created) => this.toPlan(reply, id, 'itemAdded', created.code),
    });
  }

  @Get('insatser/:itemId')
  @Allow(...PLAN_EDITORS)
  async itemPage(@Param('id', ROUND) id: string, @Param('itemId', ITEM) itemId: string, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.editable(id);
    const item = itemOf(draft.document, itemId);
    const values = planItemFormValues(item);
    const needs = await this.needsToOffer(id, values, NO_NEED_SEARCH, item.id);
    await this.views.send(reply, 'plan-item-edit', buildPlanItemPage(round, draft.document.areas, needs, values, item));
  }

  /** Saves the item's changes, or (a search or page of the needs asked) shows the form again with everything kept. */
  @Post('insatser/:itemId')
  @Allow(...PLAN_EDITORS)
  async updateItem(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Param('itemId', ITEM) itemId: string, @Body() body: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.readDraft(id);
    const item = itemOf(draft.document, itemId);
    const values = readPlanItemForm(body);
    const { shown, asked } = readNeedSearch(body);
    if (asked) {
      if (!draft.state.editable) throw notEditable();
      const needs = await this.needsToOffer(id, values, asked, item.id);
      return this.views.send(reply, 'plan-item-edit', buildPlanItemPage(round, draft.document.areas, needs, values, item));
    }
    await formAction({
      posted: body,
      values,
      errors: PLAN_ITEM_FORM_ERRORS,
      run: () => this.drafts.updateItem(actor, id, itemId, toUpdatePlanItem(validInput(validatePlanItemForm(values)))),
      failed: async (failure) =>
        this.views.send(reply, 'plan-item-edit', buildPlanItemPage(round, draft.document.areas, await this.needsToOffer(id, failure.values, shown, item.id), values, item, failure), failure.status),
      done: (changed) => this.toPlan(reply, id, 'itemChanged', changed.code),
    });
  }

  @Get('insatser/:itemId/ta-bort')
  @Allow(...PLAN_EDITORS)
  async deleteItemPage(@Param('id', ROUND) id: string, @Param('itemId', ITEM) itemId: string, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.editable(id);
    await this.views.send(reply, 'plan-item-delete', buildPlanItemDeletePage(round, itemOf(draft.document, itemId)));
  }

  @Post('insatser/:itemId/ta-bort')
  @Allow(...PLAN_EDITORS)
  async deleteItem(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Param('itemId', ITEM) itemId: string, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft } = await this.readDraft(id);
    const item = itemOf(draft.document, itemId);
    await formAction({
      posted: null,
      values: {},
      errors: { fieldIdFor: () => undefined, refusals: { [PlanErrorCode.PLAN_NOT_EDITABLE]: null } },
      run: () => this.drafts.deleteItem(actor, id, itemId),
      failed: (failure) => this.views.send(reply, 'plan-item-delete', buildPlanItemDeletePage(round, item, failure.general), failure.status),
      done: () => this.toPlan(reply, id, 'itemDeleted'),
    });
  }

  @Get('insatser/:itemId/ansvar')
  @Allow(...PLAN_EDITORS)
  async responsibilitiesPage(@Param('id', ROUND) id: string, @Param('itemId', ITEM) itemId: string, @Res() reply: FastifyReply): Promise<void> {
    const { round, draft, basics } = await this.editable(id);
    const item = itemOf(draft.document, itemId);
    const organisations = responsibilityOrganisations(basics.participants);
    await this.views.send(reply, 'plan-responsibilities-edit', buildPlanResponsibilitiesPage(round, item, planResponsibilitiesFormValues(item, organisations)));
  }

  @Post('insatser/:itemId/ansvar')
  @Allow(...PLAN_EDITORS)
  async setResponsibilities(
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('itemId', ITEM) itemId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { round, draft, basics } = await this.readDraft(id);
    const organisations = responsibilityOrganisations(basics.participants);
    const item = itemOf(draft.document, itemId);
    const values = readPlanResponsibilitiesForm(body, organisations);
    const checked = validatePlanResponsibilitiesForm(values);
    await formAction({
      posted: body,
      values,
      errors: planResponsibilitiesFormErrors(checked.rowOfEntry),
      run: () => this.drafts.setResponsibilities(actor, id, itemId, validInput(checked)),
      failed: (failure) =>
        this.views.send(reply, 'plan-responsibilities-edit', buildPlanResponsibilitiesPage(round, item, planResponsibilitiesFormValues(item, organisations), failure), failure.status),
      done: () => this.toPlan(reply, id, 'responsibilities', item.code),
    });
  }

  /** Låsa: what will happen (version N+1, who gets the responsibility summary), with the button that freezes. */
  @Get('las')
  @Allow(...PLAN_EDITORS)
  async freezePage(@Param('id', ROUND) id: string, @Res() reply: FastifyReply): Promise<void> {
    const read = await this.editable(id);
    await this.views.send(reply, 'plan-freeze-confirm', await this.freezeModel(read));
  }

  @Post('las')
  @Allow(...PLAN_EDITORS)
  async freeze(@CurrentActor() actor: Actor, @Param('id', ROUND) id: string, @Res() reply: FastifyReply): Promise<void> {
    await formAction({
      posted: null,
      values: {},
      errors: { fieldIdFor: () => undefined, refusals: { [PlanErrorCode.PLAN_UNCHANGED]: null, [PlanErrorCode.PLAN_NOT_EDITABLE]: null } },
      run: () => this.drafts.freeze(actor, id),
      // The page as the plan is now (another strategist may have frozen it meanwhile), with why it failed.
      failed: async (failure) => this.views.send(reply, 'plan-freeze-confirm', await this.freezeModel(await this.readDraft(id), failure.general), failure.status),
      done: ({ version }) => void reply.redirect(planVersionPath(id, version), HttpStatus.SEE_OTHER),
    });
  }

  @Get('versioner')
  @Allow(...PLAN_READERS)
  async versionsPage(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Res() reply: FastifyReply): Promise<void> {
    const [round, versions] = await Promise.all([this.head(id), this.plans.versions(id)]);
    await this.views.send(reply, 'plan-versions', buildPlanVersionsPage(round, versions, mayReadPlanDraft(principal)));
  }

  /** The pick-two-versions form (GET ?fran=1&till=2): on to that comparison's page. */
  @Get('versioner/jamfor')
  @Allow(...PLAN_READERS)
  compare(@Param('id', ROUND) id: string, @Query('fran') from: unknown, @Query('till') to: unknown, @Res() reply: FastifyReply): void {
    const a = versionNumber(typeof from === 'string' ? from : '');
    const b = versionNumber(typeof to === 'string' ? to : '');
    void reply.redirect(planDiffPath(id, a, b), HttpStatus.SEE_OTHER);
  }

  @Get('versioner/:n')
  @Allow(...PLAN_READERS)
  async versionPage(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Param('n') n: string, @Res() reply: FastifyReply): Promise<void> {
    const version = versionNumber(n);
    const [round, doc, versions] = await Promise.all([this.head(id), this.plans.version(id, version), this.plans.versions(id)]);
    await this.views.send(reply, 'plan-version-view', buildPlanVersionPage(round, doc, versions.at(-1)?.version ?? version, mayReadPlanDraft(principal)));
  }

  @Get('versioner/:n/jamfor/:b')
  @Allow(...PLAN_READERS)
  async diffPage(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Param('n') rawA: string, @Param('b') rawB: string, @Res() reply: FastifyReply): Promise<void> {
    const [a, b] = [versionNumber(rawA), versionNumber(rawB)];
    const [round, diff, versions] = await Promise.all([this.head(id), this.plans.diff(id, a, b), this.plans.versions(id)]);
    const proposals = await this.compilations.proposalsForItems(principal, id, [...diff.itemsChanged.map((c) => c.code), ...diff.itemsAdded.map((i) => i.code)]);
    await this.views.send(
      reply,
      'plan-version-diff',
      buildPlanDiffPage(round, a, b, diff, versions.map((v) => v.version), mayReadPlanDraft(principal), proposalsByItem(proposals)),
    );
  }

  /** The plan page: the draft, its state, and the round's own reasons why it cannot go to consultation yet. */
  private async draftPage(reply: FastifyReply, id: string, state: { notice?: PlanNotice; startError?: string }, status: number, mayEdit: boolean): Promise<void> {
    const [view, draft, coverage] = await Promise.all([this.rounds.view(id), this.plans.draft(id), this.coverage.coverageCounts(id)]);
    const consultation = view.events.find((e) => e.type === 'SEND_FOR_CONSULTATION');
    const round: PlanRoundHead = { id, title: view.title, caseNumber: view.caseNumber, drafting: draft.state.editable, mayEdit };
    const page = buildPlanDraftPage(
      {
        round,
        draft: {
          started: draft.state.started,
          document: draft.document,
          latestVersion: draft.state.latestVersion > 0 ? draft.state.latestVersion : null,
          draftChanged: draft.state.draftChanged,
          previousPlanAvailable: draft.previousPlanAvailable,
        },
        consultationReasons: consultation ? consultation.reasons : null,
        unansweredNeeds: coverage.unanswered,
      },
      state,
    );
    await this.views.send(reply, 'plan-draft', page, status);
  }

  /** The round as the pages name it (its case number), for the version pages. */
  private async head(id: string): Promise<PlanRoundHead & { areas: RoundBasics['areas'] }> {
    const view = await this.rounds.view(id);
    return { id, title: view.title, caseNumber: view.caseNumber, drafting: view.state === PLAN_EDITABLE_STATE, areas: view.areas };
  }

  /** The draft and the round (a round that has no plan, or no round: 404). */
  private async readDraft(id: string): Promise<DraftRead> {
    const [basics, draft] = await Promise.all([this.rounds.basics(id), this.plans.draft(id)]);
    return { round: { id, title: basics.title, caseNumber: null, drafting: draft.state.editable }, draft, basics };
  }

  /** The forms are offered only while the plan may change; otherwise the error page says why. */
  private async editable(id: string): Promise<DraftRead> {
    const read = await this.readDraft(id);
    if (!read.draft.state.editable) throw notEditable();
    return read;
  }

  /**
   * The needs the item form shows: those ticked, and the page of the others the search asks for (one
   * statement; a page past the last shows the last, one more).
   */
  private async needsToOffer(id: string, values: PlanItemFormValues, search: NeedSearch, itemId: string | null) {
    const picker = await this.plans.needsToOffer(id, needPickerQuery(search, values.needIds, itemId));
    const last = lastNeedPage(picker);
    if (search.page <= last) return { picker, search };
    const onLast = { ...search, page: last };
    return { picker: await this.plans.needsToOffer(id, needPickerQuery(onLast, values.needIds, itemId)), search: onLast };
  }

  /** The freeze page: the next version's number and who gets the summary by email. */
  private async freezeModel({ round, draft, basics }: DraftRead, general: string[] = []) {
    const latest = draft.state.latestVersion > 0 ? await this.plans.latestVersion(round.id) : null;
    const next = draft.state.latestVersion + 1;
    const unchanged = latest !== null && !draft.state.draftChanged;
    const recipients = latest === null ? basics.participants.map((p) => p.name).sort((x, y) => x.localeCompare(y, 'sv')) : departmentsWhosePartChanged(diffPlans(latest, draft.document), latest, draft.document);
    const itemCount = draft.document.areas.reduce((n, a) => n + a.items.length, 0);
    return buildPlanFreezePage(round, { version: next, unchanged, recipients, itemCount }, general);
  }

  /** Post/redirect/get: 303 to the plan page, which names what was done (at the item when there is one). */
  private toPlan(reply: FastifyReply, id: string, notice: PlanNotice, itemCode?: string): void {
    const anchor = itemCode ? `#${itemAnchor(itemCode)}` : '';
    void reply.redirect(`${planPath(id)}?${PLAN_NOTICE_PARAM}=${PLAN_NOTICE_SLUGS[notice]}${anchor}`, HttpStatus.SEE_OTHER);
  }
}

/** The draft with the round: as the pages name it, and its basics (areas, participants). */
interface DraftRead {
  round: PlanRoundHead;
  draft: PlanDraftView;
  basics: RoundBasics;
}

/** The item of the draft (404 when it is not in this round's plan). */
function itemOf(doc: PlanDocument, itemId: string): PlanItem {
  const item = doc.areas.flatMap((a) => a.items).find((i) => i.id === itemId);
  if (!item) throw new PlanError(PlanErrorCode.PLAN_ITEM_NOT_FOUND, 'Insatsen finns inte i planen', { itemId });
  return item;
}
