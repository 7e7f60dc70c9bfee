import { Controller, Get, HttpStatus, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { FollowUpImportService, ImportContext, ReportingOrganisation } from '@samverka/follow-up';
import { Principal } from '@samverka/identity';
import { Clock, CommonError, localDateInCity } from '@samverka/kernel';
import { isUUID } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromParam, ofDepartment, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { takePageUpload } from '../../consultation/api/upload';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, FormErrorMap } from '../../shell/form-action';
import { formField } from '../../shell/form-body';
import { UuidParam } from '../../shell/uuid-param';
import { ROUNDS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';
import { buildImportPage, ImportFormValues, importPath, PAGE_IMPORT_MAX_BYTES } from './follow-up-import-page.presenter';

const ROUND = UuidParam('Planomgången');
const DEPARTMENT = UuidParam('Förvaltningen');

/** The department's coordinators (their department), and strategists (reading any department's files). */
const IMPORT_CALLERS = [strategist(), ofDepartment(['coordinator'], fromParam('departmentId'))];

const IMPORT_ERRORS: FormErrorMap = {
  fieldIdFor: (path) => (path === 'file' ? 'file' : path === 'periodId' ? 'period' : undefined),
  readByOwnRule: ['content'],
};

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const departmentOf = (departmentId: string): ReportingOrganisation => ({ kind: 'department', departmentId });

/** The period posted: a UUID (the service then checks that it is one of the round's). */
function postedPeriod(values: ImportFormValues): string {
  if (!isUUID(values.period)) throw CommonError.invalidField('periodId', 'isUuid', 'Välj en rapportperiod');
  return values.period;
}

/**
 * The CSV import of a department's follow-up reports, without JavaScript: the download links per
 * period, the upload (a multipart form) answered with a dry run's rows by line number, and the
 * confirmation, which posts the same file back (base64 in a hidden field; the import checks it all
 * again) and writes every row or none.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(`${ROUNDS_PATH.slice(1)}/:id/uppfoljning/forvaltningar/:departmentId`)
export class FollowUpImportPagesController {
  constructor(
    private readonly imports: FollowUpImportService,
    private readonly views: ViewRenderer,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('import')
  @Allow(...IMPORT_CALLERS)
  async page(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Query('importerade') written: string | undefined,
    @Query('oforandrade') unchanged: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = await this.imports.importContext(principal, id, departmentOf(departmentId));
    const done = written !== undefined && /^\d{1,5}$/.test(written) ? { written: Number(written), unchanged: /^\d{1,5}$/.test(unchanged ?? '') ? Number(unchanged) : 0 } : undefined;
    await this.views.send(reply, 'follow-up-import', buildImportPage(context, departmentId, this.today(), { done }));
  }

  @Get('rapporter.csv')
  @Allow(...IMPORT_CALLERS)
  async download(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Query('period') period: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.imports.exportReports(principal, id, postedPeriod({ period: period ?? '' }), departmentOf(departmentId));
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.content);
  }

  /** The uploaded file's dry run: each row's outcome and errors by line number, and the confirmation when it can be imported. */
  @Post('import')
  @Allow(...IMPORT_CALLERS)
  async review(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = await this.imports.importContext(principal, id, departmentOf(departmentId));
    const values: ImportFormValues = { period: formField(request.body, 'period') };
    await formAction({
      posted: request.body,
      values,
      errors: IMPORT_ERRORS,
      run: async () => {
        const file = takePageUpload(request);
        const periodId = postedPeriod(values);
        if (!file) throw CommonError.invalidField('file', 'isNotEmpty', 'Välj CSV-filen att importera');
        if (file.content.length > PAGE_IMPORT_MAX_BYTES) throw CommonError.invalidField('file', 'maxSize', `Filen får vara högst ${PAGE_IMPORT_MAX_BYTES / 1024} kB`);
        const result = await this.imports.importReports(principal, actor, id, periodId, departmentOf(departmentId), file.content, true);
        return { result, periodId, content: file.content.toString('base64') };
      },
      failed: (failure) => this.views.send(reply, 'follow-up-import', buildImportPage(context, departmentId, this.today(), { failure }), failure.status),
      done: (preview) => this.views.send(reply, 'follow-up-import', buildImportPage(context, departmentId, this.today(), { values, preview })),
    });
  }

  /** The confirmed import: the reviewed file again, written in one transaction (all rows or none), then back to the page with the count. */
  @Post('import/bekrafta')
  @Allow(...IMPORT_CALLERS)
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @Param('id', ROUND) id: string,
    @Param('departmentId', DEPARTMENT) departmentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context: ImportContext = await this.imports.importContext(principal, id, departmentOf(departmentId));
    const values: ImportFormValues = { period: formField(request.body, 'period') };
    const content = formField(request.body, 'content');
    await formAction({
      posted: request.body,
      values,
      errors: IMPORT_ERRORS,
      run: async () => {
        const periodId = postedPeriod(values);
        if (!content || !BASE64.test(content)) throw CommonError.invalidField('file', 'isNotEmpty', 'Filen följde inte med: ladda upp den igen');
        return this.imports.importReports(principal, actor, id, periodId, departmentOf(departmentId), Buffer.from(content, 'base64'), false);
      },
      failed: (failure) => this.views.send(reply, 'follow-up-import', buildImportPage(context, departmentId, this.today(), { failure }), failure.status),
      done: (result) => {
        const unchanged = result.rows.filter((r) => r.status === 'unchanged').length;
        void reply.redirect(`${importPath(id, departmentId)}?importerade=${result.written}&oforandrade=${unchanged}`, HttpStatus.SEE_OTHER);
      },
    });
  }

  private today() {
    return localDateInCity(this.clock.now());
  }
}
