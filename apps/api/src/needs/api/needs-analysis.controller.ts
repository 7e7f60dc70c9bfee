import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal } from '@samverka/identity';
import { AnalysisFilter, CSV_CONTENT_TYPE, NeedsAnalysisService, NeedsExportFile, XLSX_CONTENT_TYPE } from '@samverka/needs';
import { roundReadScope } from '@samverka/rounds';
import type { FastifyReply } from 'fastify';
import { admin, fromParam, participantOfRound, strategist } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { IdParam } from '../../shell/uuid-param';
import { ApiAnswer, ApiErrors, ApiFileAnswer } from '../../shell/api-contract';
import { NeedsAnalysisDto, NeedsAnalysisQueryDto } from './dto/needs-analysis.dto';

const analysisFilter = ({ includeDrafts, ...rest }: NeedsAnalysisQueryDto): AnalysisFilter => ({ ...rest, includeDrafts: includeDrafts === 'true' });


/** Behovsanalys and export: who may read a round's needs may read them counted and download them, over the same departments. */
@ApiTags('needs')
@Controller('api/v1/rounds/:id')
export class NeedsAnalysisController {
  constructor(private readonly analysis: NeedsAnalysisService) {}

  private static download(reply: FastifyReply, file: NeedsExportFile): string | Buffer {
    void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store');
    return file.content;
  }

  @Get('needs/analysis')
  @ApiAnswer(200, NeedsAnalysisDto)
  @ApiErrors(404)
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiOperation({
    summary:
      "The round's needs counted by area × channel, district × target group and department × area (errands per month summed), with the gaps; same filters and visibility as the needs list",
  })
  analyse(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: NeedsAnalysisQueryDto): Promise<NeedsAnalysisDto> {
    return this.analysis.analyse(id, roundReadScope(principal), analysisFilter(query));
  }

  @Get('needs.csv')
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiFileAnswer(CSV_CONTENT_TYPE, 'behov-<year>.csv: one row per need; UTF-8 with BOM, `;`-separated (Swedish Excel)')
  @ApiErrors(404)
  @ApiOperation({ summary: "The round's needs as CSV (same filters and visibility as the needs list; by default only needs handed in or approved, see includeDrafts)" })
  async csv(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: NeedsAnalysisQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return NeedsAnalysisController.download(reply, await this.analysis.exportFile(id, roundReadScope(principal), analysisFilter(query), 'csv'));
  }

  @Get('needs.xlsx')
  @Allow(strategist(), admin(), participantOfRound(fromParam('id')))
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiFileAnswer(XLSX_CONTENT_TYPE, 'behov-<year>.xlsx: one row per need, header row frozen')
  @ApiErrors(404)
  @ApiOperation({ summary: "The round's needs as an Excel workbook (same filters and visibility as the needs list)" })
  async xlsx(@CurrentPrincipal() principal: Principal, @IdParam('id', 'Planomgången') id: string, @Query() query: NeedsAnalysisQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return NeedsAnalysisController.download(reply, await this.analysis.exportFile(id, roundReadScope(principal), analysisFilter(query), 'xlsx'));
  }
}
