import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../shell/api-paging';
import { CommitteeDto, OrganisationUnitChangesDto, OrganisationUnitDto, OrganisationUnitRefDto } from './committee.dto';

export class CreateDepartmentDto extends OrganisationUnitDto {
  @ApiProperty({ format: 'uuid', description: 'the committee the department serves' })
  @IsUUID()
  committeeId!: string;
}

export class UpdateDepartmentDto extends OrganisationUnitChangesDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  committeeId?: string;
}

/** The departments' filters, and the page (`limit`, `offset`). */
export class DepartmentQueryDto extends PageQueryDto {
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

export class CommitteeRefDto extends OrganisationUnitRefDto {}

export class DepartmentDto extends CommitteeDto {
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty({ type: CommitteeRefDto }) committee!: CommitteeRefDto;
}
