import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RESPONSE_STANCES, TRIAGE_DECISIONS, TRIAGE_LIMITS, triageViolations, type ResponseStance, type TriageDecision, type TriageInput } from '@samverka/consultation';
import { IsArray, IsOptional, IsString, IsUUID } from 'class-validator';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine } from '../../../shell/validation';

@CheckedBy((input: Partial<TriageInput>) => triageViolations(input))
export class TriageDto {
  @ApiProperty({ enum: TRIAGE_DECISIONS, example: 'accepted' })
  @IsString()
  decision!: TriageDecision;

  @ApiProperty({ example: 'Ansvarsfördelningen för LS-2 är förtydligad i version 2', maxLength: TRIAGE_LIMITS.motivation })
  @Trim() @IsString() @MultiLine()
  motivation!: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['LS-2'],
    description: "the plan items the proposal changed (codes of the round's plan, draft or any version); accepted and partly_accepted name them unless the motivation explains why none changed",
  })
  @IsOptional() @IsArray() @IsString({ each: true })
  itemCodes?: string[];
}

export class CompilationQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "only this committee's responses and proposals (what became of what it asked for)" })
  @IsOptional() @IsUUID()
  committeeId?: string;
}

export class ProposalTriageDto {
  @ApiProperty({ enum: TRIAGE_DECISIONS }) decision!: TriageDecision;
  @ApiProperty() motivation!: string;
  @ApiProperty({ type: [String] }) itemCodes!: string[];
  @ApiProperty({ nullable: true, type: String }) triagedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) triagedAt!: string;
}

export class CompiledProposalDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() committee!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ nullable: true, type: String }) areaCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) itemCode!: string | null;
  @ApiProperty({ type: ProposalTriageDto, nullable: true, description: 'null: not triaged yet' }) triage!: ProposalTriageDto | null;
  @ApiProperty({ type: 'integer', description: "the triage's version (0: untriaged; also the triage's ETag): send it as If-Match to re-triage" }) triageVersion!: number;
}

export class CompiledResponseDto {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() committee!: string;
  @ApiProperty({ enum: RESPONSE_STANCES }) stance!: ResponseStance;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'date' }) adoptedOn!: string;
  @ApiProperty({ description: 'the paragraph (§) of the minutes' }) minuteReference!: string;
  @ApiProperty({ nullable: true, type: String }) theirReference!: string | null;
  @ApiProperty() receivedOnPaper!: boolean;
  @ApiProperty({ type: 'integer' }) revision!: number;
}

export class CompilationStanceCountsDto {
  @ApiProperty({ type: 'integer' }) approve!: number;
  @ApiProperty({ type: 'integer' }) approve_with_remarks!: number;
  @ApiProperty({ type: 'integer' }) reject!: number;
  @ApiProperty({ type: 'integer' }) decline!: number;
  @ApiProperty({ type: 'integer', description: 'recipients without a current response' }) none!: number;
}

export class CompilationAreaCommentDto {
  @ApiProperty() committee!: string;
  @ApiProperty() comment!: string;
}

export class CompiledAreaDto {
  @ApiProperty() areaCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [CompilationAreaCommentDto] }) comments!: CompilationAreaCommentDto[];
}

export class CompilationRoundDto {
  @ApiProperty() title!: string;
  @ApiProperty() caseNumber!: string;
}

export class CompilationCommitteeDto {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() committee!: string;
}

export class CompilationMatrixCellDto {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty() proposed!: boolean;
}

export class CompilationMatrixRowDto {
  @ApiProperty({ format: 'uuid' }) proposalId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: TRIAGE_DECISIONS, nullable: true }) triageDecision!: TriageDecision | null;
  @ApiProperty({ type: [CompilationMatrixCellDto] }) committees!: CompilationMatrixCellDto[];
}

export class CompilationMatrixDto {
  @ApiProperty({ type: [CompilationCommitteeDto] }) committees!: CompilationCommitteeDto[];
  @ApiProperty({ type: [CompilationMatrixRowDto] }) rows!: CompilationMatrixRowDto[];
}

export class CompilationDto {
  @ApiProperty({ type: CompilationRoundDto }) round!: CompilationRoundDto;
  @ApiProperty({ type: 'integer', description: 'the plan version sent on consultation' }) planVersion!: number;
  @ApiProperty({ type: CompilationStanceCountsDto }) stanceCounts!: CompilationStanceCountsDto;
  @ApiProperty({ type: [CompiledResponseDto], description: "each committee's current (submitted, not superseded) response" }) responses!: CompiledResponseDto[];
  @ApiProperty({ type: [CompiledAreaDto], description: 'the comments grouped per plan area' }) areas!: CompiledAreaDto[];
  @ApiProperty({ type: [CompiledProposalDto] }) proposals!: CompiledProposalDto[];
  @ApiProperty({ type: CompilationMatrixDto, description: 'proposals × recipient committees' }) matrix!: CompilationMatrixDto;
}
