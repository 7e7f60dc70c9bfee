import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { PlanErrorCode, ResponsibilityService, VersionChoice } from '@samverka/plan';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { fieldIds, FormErrorMap, formAction, FormRejected } from '../../shell/form-action';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { VersionParamPipe } from '../api/version-param';
import { buildMatrixPage, buildPrintablePage, buildSummaryPage, readVersionParam, summaryPath } from './allocation-page.presenter';

const ROUND = UuidParam('Planomgången');
const DEPARTMENT = UuidParam('Förvaltningen');

/** The notice after "Markera som läst" (post/redirect/get). */
const READ_NOTICE_PARAM = 'last';
const READ_NOTICE = 'Sammanställningen är markerad som läst.';

/** The mark-as-read form: only the version it was shown for (a hidden field), which belongs to no visible field. */
const MARK_READ_ERRORS: FormErrorMap = { fieldIdFor: fieldIds({}), refusals: { [PlanErrorCode.PLAN_VERSION_NOT_FOUND]: null } };

/**
 * Ansvarsfördelning's pages: the matrix (GET filter form, totals, downloads), each department's summary
 * (its items beside the contact centre's part, the Word document, "Markera som läst", the questions)
 * and a frozen version as a printable page. Who may read what is the service's (the access policy).
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(ROUNDS_PATH.slice(1))
export class AllocationPagesController {
  constructor(
    private readonly responsibilities: ResponsibilityService,
    private readonly views: ViewRenderer,
  ) {}

  @Get(':id/ansvarsfordelning')
  @Allow(admin(), strategist(), participantOfRound(fromParam('id')))
  async matrix(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    const versions = await this.responsibilities.versionsOf(id);
    const version = readVersionParam(query.version, versions, principal);
    const areaCode = typeof query.omrade === 'string' && query.omrade !== '' ? query.omrade : undefined;
    const organisation = typeof query.organisation === 'string' && query.organisation !== '' ? query.organisation : undefined;
    const matrix = await this.matrixOrUnfiltered(principal, id, version, areaCode, organisation);
    await this.views.send(reply, 'allocation-matrix', buildMatrixPage(matrix, versions, principal));
  }

  @Get(':id/ansvarsfordelning/:departmentId')
  @Allow(admin(), strategist(), ofDepartment(['management', 'coordinator'], fromParam('departmentId')))
  async summary(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const versions = await this.responsibilities.versionsOf(id);
    const version = readVersionParam(query.version, versions, principal);
    const summary = await this.responsibilities.summary(principal, id, departmentId, version);
    await this.views.send(reply, 'allocation-summary', buildSummaryPage(summary, versions, principal, query[READ_NOTICE_PARAM] === '1' ? { notice: READ_NOTICE } : {}));
  }

  @Post(':id/ansvarsfordelning/:departmentId/last')
  @Allow(ofDepartment(['management', 'coordinator'], fromParam('departmentId')))
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const posted = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const values = { version: typeof posted.version === 'string' ? posted.version : '' };
    await formAction({
      posted: body,
      values,
      errors: MARK_READ_ERRORS,
      run: () => {
        if (!/^[1-9][0-9]{0,5}$/.test(values.version)) throw new FormRejected({}, ['Sidan visade ingen fastställd version att markera som läst. Ladda om sidan och försök igen.']);
        return this.responsibilities.markRead(principal, id, departmentId, Number(values.version));
      },
      failed: async (failure) => {
        const versions = await this.responsibilities.versionsOf(id);
        const summary = await this.responsibilities.summary(principal, id, departmentId, undefined);
        await this.views.send(reply, 'allocation-summary', buildSummaryPage(summary, versions, principal, { error: failure.general[0] ?? 'Sammanställningen kunde inte markeras som läst.' }), failure.status);
      },
      done: () => void reply.redirect(`${summaryPath(id, departmentId)}?version=${values.version}&${READ_NOTICE_PARAM}=1`, HttpStatus.SEE_OTHER),
    });
  }

  @Get(':id/plan/versioner/:n/utskrift')
  @Allow(admin(), strategist(), participantOfRound(fromParam('id')))
  async printable(@CurrentPrincipal() principal: Principal, @Param('id', ROUND) id: string, @Param('n', VersionParamPipe) n: number, @Res() reply: FastifyReply): Promise<void> {
    const { round, document } = await this.responsibilities.printableVersion(principal, id, n);
    await this.views.send(reply, 'plan-version-print', buildPrintablePage(round, document));
  }

  /** The matrix; a filter value that is not one of the round's (a stale link) is dropped rather than refused, like the other filter pages. */
  private async matrixOrUnfiltered(principal: Principal, id: string, version: VersionChoice, areaCode: string | undefined, organisation: string | undefined) {
    try {
      return await this.responsibilities.matrix(principal, id, version, { areaCode, organisation });
    } catch (e) {
      if ((areaCode || organisation) && e instanceof Error && 'code' in e && e.code === 'VALIDATION_FAILED') return this.responsibilities.matrix(principal, id, version);
      throw e;
    }
  }
}
