import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_HIGH_VOLUME_THRESHOLD, NEEDS_GAP_KINDS, type NeedsGapKind, SUBMISSION_STATUSES, type SubmissionStatus } from '@samverka/needs';
import { IsIn, IsOptional } from 'class-validator';
import { NeedListQueryDto } from './needs.dto';

export class AnalysisTotalsDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'needs counted (each once)' }) needs!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'departments with at least one need counted' }) departments!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'errands per month, summed (a need without an estimate counts as 0)' }) monthlyVolume!: number;
}

export class AreaChannelCellDto {
  @ApiProperty({ example: 'LOKAL_SERVICE' }) areaCode!: string;
  @ApiProperty() areaName!: string;
  @ApiProperty({ example: 'library' }) channel!: string;
  @ApiProperty({ example: 'Bibliotek' }) channelName!: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'needs in the area that name the channel (a need with two channels counts in both)' }) count!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'their errands per month, summed' }) monthlyVolume!: number;
}

export class DistrictTargetGroupCellDto {
  @ApiProperty({ nullable: true, type: String, example: 'norr', description: 'null: needs that name no district' }) district!: string | null;
  @ApiProperty({ nullable: true, type: String }) districtName!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'newcomers', description: 'null: needs that name no target group' }) targetGroup!: string | null;
  @ApiProperty({ nullable: true, type: String }) targetGroupName!: string | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) monthlyVolume!: number;
}

export class DepartmentAreaCellDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() departmentName!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty() areaName!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) count!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) monthlyVolume!: number;
}

export class NeedsGapDto {
  @ApiProperty({
    enum: NEEDS_GAP_KINDS,
    description:
      `highVolumeWithoutPhysicalPresence: a district with at least ${DEFAULT_HIGH_VOLUME_THRESHOLD} errands/month in remote channels and no need naming a physical one; ` +
      'departmentWithoutNeedsInArea: a department with needs, but none in this area; ' +
      'areaWithoutPlanItem: an area with needs but no item in the plan; channelWithoutPlanItem: a channel with needs none of which a plan item answers (both once the round has a plan).',
  })
  kind!: NeedsGapKind;

  @ApiProperty({ example: 'Norr: 900 ärenden per månad via Telefon, E-post, men inget behov i stadsområdet nämner en fysisk kanal' })
  description!: string;

  @ApiPropertyOptional({ description: 'highVolumeWithoutPhysicalPresence' }) district?: string;
  @ApiPropertyOptional() districtName?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'highVolumeWithoutPhysicalPresence: errands per month in remote channels' }) monthlyVolume?: number;
  @ApiPropertyOptional({ type: [String], description: 'highVolumeWithoutPhysicalPresence: the remote channels named' }) channels?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'departmentWithoutNeedsInArea' }) departmentId?: string;
  @ApiPropertyOptional() departmentName?: string;
  @ApiPropertyOptional({ description: 'departmentWithoutNeedsInArea' }) areaCode?: string;
  @ApiPropertyOptional() areaName?: string;
  @ApiPropertyOptional({ description: 'channelWithoutPlanItem' }) channel?: string;
  @ApiPropertyOptional() channelName?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'areaWithoutPlanItem, channelWithoutPlanItem: the needs counted' }) needCount?: number;
}

/** The analysis' and the exports' filter: the needs list's, and whether to count the needs not yet handed in. */
export class NeedsAnalysisQueryDto extends NeedListQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "count drafts and needs sent back too (the caller's own departments' only); by default only needs handed in (submitted) or approved (endorsed) count. `status` narrows to one status instead",
  })
  @IsOptional() @IsIn(['true', 'false'])
  includeDrafts?: 'true' | 'false';
}

export class NeedsAnalysisDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES, isArray: true, description: 'the submission statuses whose needs are counted' }) countedStatuses!: SubmissionStatus[];
  @ApiProperty({ type: AnalysisTotalsDto }) totals!: AnalysisTotalsDto;
  @ApiProperty({ type: [AreaChannelCellDto] }) byAreaAndChannel!: AreaChannelCellDto[];
  @ApiProperty({ type: [DistrictTargetGroupCellDto] }) byDistrictAndTargetGroup!: DistrictTargetGroupCellDto[];
  @ApiProperty({ type: [DepartmentAreaCellDto], description: 'only cells with needs; see the gaps for the empty ones' }) byDepartmentAndArea!: DepartmentAreaCellDto[];
  @ApiProperty({ type: [NeedsGapDto] }) gaps!: NeedsGapDto[];
}
