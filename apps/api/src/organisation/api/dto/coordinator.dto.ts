import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { AppointCoordinatorInput, appointmentViolations, ASSIGNMENT_MAX, COORDINATOR_KINDS, CoordinatorKind, EndAssignmentInput, endingViolations } from '@samverka/organisation';
import { IsLocalDate } from '../../../shell/is-local-date';
import { Trim } from '../../../shell/trim';
import { CheckedBy, MultiLine } from '../../../shell/validation';
import { OrganisationUnitRefDto } from './committee.dto';
import { CreatePersonDto, PersonDto } from './person.dto';

/** Shape only: the rules are appointmentViolations (libs/organisation), checked by CoordinatorService. */
@CheckedBy((appointment: Partial<AppointCoordinatorInput>) => appointmentViolations(appointment))
export class AppointCoordinatorDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'an existing person; or give `person` to create one' })
  @IsOptional() @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ type: CreatePersonDto, description: 'a new person, created together with the assignment' })
  @IsOptional() @ValidateNested() @Type(() => CreatePersonDto)
  person?: CreatePersonDto;

  @ApiProperty({ enum: COORDINATOR_KINDS })
  @IsIn(COORDINATOR_KINDS)
  kind!: CoordinatorKind;

  @ApiProperty({ example: 'Mandat att företräda förvaltningen i samarbetsprocessen för medborgarservice.', maxLength: ASSIGNMENT_MAX.mandate })
  @Trim() @IsString() @MultiLine()
  mandate!: string;

  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: ASSIGNMENT_MAX.responsibilities,
    description: `defaults to the three responsibilities in the development plan; each at most ${ASSIGNMENT_MAX.responsibility} characters`,
  })
  @IsOptional() @IsArray() @IsString({ each: true })
  responsibilities?: string[];

  @ApiProperty({ example: '2026-01-01', format: 'date', description: 'first valid day (YYYY-MM-DD, Europe/Stockholm)' })
  @IsLocalDate()
  validFrom!: string;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date', description: 'last valid day, not before validFrom; open ended when absent' })
  @IsOptional() @IsLocalDate()
  validTo?: string;
}

/** Shape only: the rules are endingViolations (libs/organisation), checked by CoordinatorService. */
@CheckedBy((ending: Partial<EndAssignmentInput>) => endingViolations(ending))
export class EndAssignmentDto {
  @ApiPropertyOptional({ example: '2026-06-30', format: 'date', description: 'last valid day; defaults to today' })
  @IsOptional() @IsLocalDate()
  validTo?: string;

  @ApiPropertyOptional({ example: 'Byter tjänst', maxLength: ASSIGNMENT_MAX.endReason })
  @IsOptional() @Trim() @IsString() @MultiLine()
  reason?: string;
}

export class CoordinatorListQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: every assignment ever made, newest first' })
  @IsOptional() @IsIn(['true', 'false'])
  history?: 'true' | 'false';
}

class DepartmentRefDto extends OrganisationUnitRefDto {}

export class CoordinatorAssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ type: DepartmentRefDto }) department!: DepartmentRefDto;
  @ApiProperty({ type: PersonDto }) person!: PersonDto;
  @ApiProperty({ enum: COORDINATOR_KINDS }) kind!: CoordinatorKind;
  @ApiProperty() mandate!: string;
  @ApiProperty({ type: [String] }) responsibilities!: string[];
  @ApiProperty({ example: '2026-01-01', format: 'date' }) validFrom!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validTo!: string | null;
  @ApiProperty({ enum: ['scheduled', 'active', 'ended'] }) status!: 'scheduled' | 'active' | 'ended';
  @ApiProperty({ type: PersonDto, nullable: true }) appointedBy!: PersonDto | null;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) endReason!: string | null;
  @ApiProperty() createdAt!: Date;
}

class CoverageGapDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'a primary appointed to start later' }) nextPrimaryFrom!: string | null;
  @ApiProperty({ example: '2026-10-01', format: 'date', description: 'first day without a primary: the day after the last one ended, or when the department was created' }) since!: string;
}

class CoverageTotalsDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) withoutPrimary!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) unacknowledged!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) endingSoon!: number;
}

export class CoverageDto {
  @ApiProperty({ example: '2026-11-22', format: 'date', description: 'today in Europe/Stockholm' }) date!: string;
  @ApiProperty({ type: [CoverageGapDto], description: 'one page (limit, offset) of the active departments without a primary, by name' }) withoutPrimary!: CoverageGapDto[];
  @ApiProperty({ type: [CoordinatorAssignmentDto], description: 'one page of the current or scheduled assignments nobody has acknowledged' }) unacknowledged!: CoordinatorAssignmentDto[];
  @ApiProperty({ type: [CoordinatorAssignmentDto], description: 'one page of the assignments ending within `endingWithinDays`, soonest first' }) endingSoon!: CoordinatorAssignmentDto[];
  @ApiProperty({ type: CoverageTotalsDto, description: 'how many each section holds in all: page on (offset) while any section has more' }) totals!: CoverageTotalsDto;
  @ApiProperty({ type: 'integer', minimum: 1, example: 30 }) endingWithinDays!: number;
}
