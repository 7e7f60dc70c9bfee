import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { FollowUpImportService, REPORT_CSV_LIMITS, ReportingOrganisation } from '@samverka/follow-up';
import { Principal } from '@samverka/identity';
import { CommonError, CSV_CONTENT_TYPE } from '@samverka/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromQuery, ofDepartment, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { readUpload } from '../../consultation/api/upload';
import { ApiAnswer, ApiErrors, ApiFileAnswer } from '../../shell/api-contract';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { ReportImportDto, ReportsCsvQueryDto, ReportsImportQueryDto } from './dto/follow-up-csv.dto';

/** A department's reports: its coordinators; strategists (the contact centre's, and reading any department's). */
const CSV_CALLERS = [strategist(), ofDepartment(['coordinator'], fromQuery('departmentId'))];

/** The organisation the query names: exactly one of `departmentId` and `contactCentre=true`. */
export function organisationOfQuery(query: ReportsCsvQueryDto): ReportingOrganisation {
  const contactCentre = query.contactCentre === 'true';
  if (contactCentre && query.departmentId) throw CommonError.invalidField('departmentId', 'oneOrganisation', 'Ange antingen departmentId eller contactCentre=true, inte båda');
  if (!contactCentre && !query.departmentId) throw CommonError.invalidField('departmentId', 'isNotEmpty', 'Ange förvaltningen (departmentId) eller contactCentre=true');
  return contactCentre ? { kind: 'contactCentre' } : { kind: 'department', departmentId: query.departmentId! };
}

/** The file of an import: the body as text/csv, or the `file` field of a multipart/form-data body. */
async function uploadedCsv(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) {
    const { file } = await readUpload(request);
    if (!file) throw CommonError.invalidField('file', 'isNotEmpty', 'Välj en CSV-fil');
    return file.content;
  }
  if (Buffer.isBuffer(request.body)) return request.body;
  throw CommonError.invalidField('file', 'isNotEmpty', 'Skicka filen som text/csv eller som multipart/form-data med fältet file');
}

/** The CSV round trip of a period's reports, one file per department (or the contact centre). */
@ApiTags('follow-up')
@Controller('api/v1/rounds/:id/follow-up/periods/:periodId')
export class FollowUpCsvController {
  constructor(private readonly imports: FollowUpImportService) {}

  @Get('reports.csv')
  @Allow(...CSV_CALLERS)
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiFileAnswer(
    CSV_CONTENT_TYPE,
    'uppfoljning-<period>-<organisation>.csv: one row per item the organisation reports on with its current report (Kod, Område, Insats, Status, Färdigt (%), Kommentar, Orsak, Vad som behövs, Senast rapporterad); UTF-8 with BOM, `;`-separated (Swedish Excel)',
  )
  @ApiErrors(403, 404, 422)
  @ApiOperation({ summary: "A period's reports of one department (departmentId) or of the contact centre (contactCentre=true) as CSV, to edit and import again" })
  async export(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('periodId', 'Rapportperioden') periodId: string,
    @Query() query: ReportsCsvQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.imports.exportReports(principal, id, periodId, organisationOfQuery(query));
    void reply.header('content-type', CSV_CONTENT_TYPE).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store');
    return file.content;
  }

  @Post('reports.csv')
  @HttpCode(200)
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({
    description: `the export's columns (Kod, Status, Färdigt (%), Kommentar required; Orsak, Vad som behövs), UTF-8 with or without BOM or Windows-1252, \`;\` or \`,\`; at most ${REPORT_CSV_LIMITS.bytes} bytes and ${REPORT_CSV_LIMITS.rows} rows`,
    schema: { type: 'string', format: 'binary', description: 'the CSV file as the body (text/csv), or as the `file` field of a multipart/form-data body' },
  })
  @ApiAnswer(200, ReportImportDto)
  @ApiErrors(403, 404, 409, 422)
  @Allow(...CSV_CALLERS)
  @ApiOperation({
    summary:
      "Import a period's reports from CSV for one department (its coordinators) or the contact centre (strategists): items matched by code; dryRun=true answers each row's outcome and errors by line without writing; " +
      'otherwise every row is written (each a report revision, source csv; rows equal to the current report are unchanged) or none: 422 REPORT_IMPORT_REJECTED naming each bad line (details field `line.<n>.<column>`)',
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('periodId', 'Rapportperioden') periodId: string,
    @Query() query: ReportsImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ReportImportDto> {
    const organisation = organisationOfQuery(query);
    return this.imports.importReports(principal, actor, id, periodId, organisation, await uploadedCsv(request), query.dryRun === 'true');
  }
}
