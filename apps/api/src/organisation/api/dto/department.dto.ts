import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { ORGANISATION_MAX } from '@samverka/organisation';
import { Trim } from '../../../shell/trim';
import { CheckedAsOrganisationUnit, CODE_PROPERTY } from './committee.dto';

/** Shape only: the rules are organisationUnitViolations (libs/organisation), checked by OrganisationRegistryService. */
@CheckedAsOrganisationUnit()
export class CreateDepartmentDto {
  @ApiProperty({ example: 'FSK', ...CODE_PROPERTY })
  @Trim() @IsString()
  code!: string;

  @ApiProperty({ example: 'Förskoleförvaltningen', maxLength: ORGANISATION_MAX.name })
  @Trim() @IsString()
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'the committee the department serves' })
  @IsUUID()
  committeeId!: string;
}

@CheckedAsOrganisationUnit()
export class UpdateDepartmentDto {
  @ApiPropertyOptional({ maxLength: ORGANISATION_MAX.name })
  @IsOptional() @Trim() @IsString()
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ description: 'false deactivates the department' })
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class DepartmentQueryDto {
  @ApiPropertyOptional({ description: 'exact code, case-insensitive' })
  @IsOptional() @IsString()
  code?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional() @IsIn(['true', 'false'])
  @Transform(({ value }: { value: unknown }) => value)
  active?: 'true' | 'false';
}

export class CommitteeRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty({ type: CommitteeRefDto }) committee!: CommitteeRefDto;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
