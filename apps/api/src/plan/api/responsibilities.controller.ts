import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { CSV_CONTENT_TYPE } from '@samverka/kernel';
import { AllocationFile, DOCX_CONTENT_TYPE, ResponsibilityService, XLSX_CONTENT_TYPE } from '@samverka/plan';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, ofDepartment, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { ApiAnswer, ApiErrors, ApiFileAnswer } from '../../shell/api-contract';
import { IdParam } from '../../shell/uuid-param';
import { DepartmentSummaryDto, MarkSummaryReadDto, MatrixQueryDto, ResponsibilityMatrixDto, VersionQueryDto } from './dto/responsibilities.dto';
import { toMatrixDto, toSummaryDto, versionChoice } from './responsibilities.mapper';
import { VersionParam } from './version-param';

const ROUND_READERS = [strategist(), admin(), participantOfRound(fromParam('id'))];
/** A department's summary: strategists, admins, and the department's own management and coordinators (another department's are refused). */
const SUMMARY_READERS = [strategist(), admin(), ofDepartment(['management', 'coordinator'], fromParam('departmentId'))];

/**
 * Ansvarsfördelning: the matrix of a plan (draft or version) with its CSV and XLSX, each department's
 * summary with its Word document, the plan version's Word document, and "we have read it".
 */
@ApiTags('plan')
@Controller('api/v1/rounds/:id')
export class ResponsibilitiesController {
  constructor(private readonly responsibilities: ResponsibilityService) {}

  private static download(reply: FastifyReply, file: AllocationFile): string | Buffer {
    void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store');
    return file.content;
  }

  @Get('responsibilities')
  @ApiAnswer(200, ResponsibilityMatrixDto)
  @ApiErrors(403, 404)
  @Allow(...ROUND_READERS)
  @ApiOperation({ summary: "The responsibility matrix: items × organisations (the contact centre first) with their RACI roles and each organisation's total estimated effort; filterable by area and organisation" })
  async matrix(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: MatrixQueryDto): Promise<ResponsibilityMatrixDto> {
    return toMatrixDto(await this.responsibilities.matrix(principal, id, versionChoice(query.version), { areaCode: query.areaCode, organisation: query.organisation }));
  }

  @Get('responsibilities.csv')
  @Allow(...ROUND_READERS)
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiFileAnswer(CSV_CONTENT_TYPE, 'ansvarsfordelning-<year>-v<n>.csv: one row per item, one column per organisation (R, A, C or I), the totals last; UTF-8 with BOM, `;`-separated (Swedish Excel)')
  @ApiErrors(403, 404)
  @ApiOperation({ summary: 'The responsibility matrix as CSV (same filters as the matrix)' })
  async csv(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: MatrixQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return ResponsibilitiesController.download(reply, await this.responsibilities.exportMatrix(principal, id, versionChoice(query.version), { areaCode: query.areaCode, organisation: query.organisation }, 'csv'));
  }

  @Get('responsibilities.xlsx')
  @Allow(...ROUND_READERS)
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiFileAnswer(XLSX_CONTENT_TYPE, 'ansvarsfordelning-<year>-v<n>.xlsx: the matrix, header row and item columns frozen, the totals last')
  @ApiErrors(403, 404)
  @ApiOperation({ summary: 'The responsibility matrix as an Excel workbook (same filters as the matrix)' })
  async xlsx(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: MatrixQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return ResponsibilitiesController.download(reply, await this.responsibilities.exportMatrix(principal, id, versionChoice(query.version), { areaCode: query.areaCode, organisation: query.organisation }, 'xlsx'));
  }

  @Get('responsibilities/:departmentId')
  @ApiAnswer(200, DepartmentSummaryDto)
  @ApiErrors(403, 404)
  @Allow(...SUMMARY_READERS)
  @ApiOperation({ summary: "Everything the plan expects of one department, item by item (role, expectations, effort, dates), beside the contact centre's own part, with the department's total effort" })
  async summary(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('departmentId', 'Förvaltningen') departmentId: string,
    @Query() query: VersionQueryDto,
  ): Promise<DepartmentSummaryDto> {
    return toSummaryDto(await this.responsibilities.summary(principal, id, departmentId, versionChoice(query.version)));
  }

  @Get('responsibilities/:departmentId/document.docx')
  @Allow(...SUMMARY_READERS)
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiFileAnswer(DOCX_CONTENT_TYPE, "the department's summary as a Word document: case number, version and date on the first page, heading styles, Swedish, repeating table headers")
  @ApiErrors(403, 404)
  @ApiOperation({ summary: "The department's responsibility summary as a Word document (.docx) for the diary" })
  async summaryDocument(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('departmentId', 'Förvaltningen') departmentId: string,
    @Query() query: VersionQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return ResponsibilitiesController.download(reply, await this.responsibilities.summaryDocument(principal, id, departmentId, versionChoice(query.version)));
  }

  @Post('responsibilities/:departmentId/read')
  @ApiAnswer(204)
  @ApiErrors(403, 404)
  @Allow(ofDepartment(['management', 'coordinator'], fromParam('departmentId')))
  @HttpCode(204)
  @ApiOperation({ summary: "The caller, a person of the department (management or coordinator), has read its summary of that version; doing it again changes nothing" })
  async markRead(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Planomgången') id: string,
    @IdParam('departmentId', 'Förvaltningen') departmentId: string,
    @Body() dto: MarkSummaryReadDto,
  ): Promise<void> {
    await this.responsibilities.markRead(principal, id, departmentId, dto.version);
  }

  @Get('plan/versions/:n/document.docx')
  @Allow(...ROUND_READERS)
  @ApiProduces(DOCX_CONTENT_TYPE)
  @ApiFileAnswer(DOCX_CONTENT_TYPE, 'the plan version as a Word document: case number, version and date on the first page, texts, areas, items and their responsibilities')
  @ApiErrors(404)
  @ApiOperation({ summary: 'A frozen plan version as a Word document (.docx) for the diary' })
  async versionDocument(
    @CurrentPrincipal() principal: Principal,
    @IdParam('id', 'Planomgången') id: string,
    @VersionParam('n') n: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    return ResponsibilitiesController.download(reply, await this.responsibilities.versionDocument(principal, id, n));
  }
}
