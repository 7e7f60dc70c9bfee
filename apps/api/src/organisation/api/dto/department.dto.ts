import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../shell/trim';
import { CODE_PATTERN } from './committee.dto';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'FSK' })
  @Trim() @IsString() @IsNotEmpty() @Matches(CODE_PATTERN, { message: 'code must be 1–16 letters, digits, "-" or "_"' })
  code!: string;

  @ApiProperty({ example: 'Förskoleförvaltningen' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'the committee the department serves' })
  @IsUUID()
  committeeId!: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional()
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
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
