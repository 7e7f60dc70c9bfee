import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../shell/trim';

export const CODE_PATTERN = /^[A-Za-z0-9ÅÄÖåäöÉé_-]{1,16}$/;
const CODE_MESSAGE = 'code must be 1–16 letters, digits, "-" or "_"';

export class CreateCommitteeDto {
  @ApiProperty({ example: 'FSKN' })
  @Trim() @IsString() @IsNotEmpty() @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: 'Förskolenämnden' })
  @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name!: string;
}

export class UpdateCommitteeDto {
  @ApiPropertyOptional()
  @IsOptional() @Trim() @IsString() @IsNotEmpty() @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates the committee' })
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class CommitteeQueryDto {
  @ApiPropertyOptional({ description: 'exact code, case-insensitive' })
  @IsOptional() @IsString()
  code?: string;
}

export class CommitteeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
