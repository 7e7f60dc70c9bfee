import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_ROW_OUTCOMES, type ImportRowOutcome } from '@samverka/follow-up';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ViolationDto } from '../../../shell/api-contract';

/** Whose reports: a department (`departmentId`), or the contact centre (`contactCentre=true`). */
export class ReportsCsvQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the department whose reports (its coordinators; strategists read any); leave out with contactCentre=true' })
  @IsOptional() @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: "true: the contact centre's reports (strategists)" })
  @IsOptional() @IsIn(['true', 'false'])
  contactCentre?: 'true' | 'false';
}

export class ReportsImportQueryDto extends ReportsCsvQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: "true: read the file and answer each row's outcome and errors without writing anything" })
  @IsOptional() @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ImportRowDto {
  @ApiProperty({ description: 'the row\'s line in the file (line 1 is the header)', example: 4 }) line!: number;
  @ApiProperty({ description: "the item's code as written in the row", example: 'LS-1' }) itemCode!: string;
  @ApiProperty({ enum: IMPORT_ROW_OUTCOMES, description: 'created: a first report; corrected: a new revision; unchanged: the same as the current report (no revision); blank: nothing but the code (left unreported); invalid: see errors' })
  status!: ImportRowOutcome;
  @ApiProperty({ type: [ViolationDto], description: "the row's errors, field being the column (code, status, progress, comment, cause, needed)" }) errors!: ViolationDto[];
}

export class ReportImportDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'no row has an error' }) valid!: boolean;
  @ApiProperty({ description: 'the number of errors over all rows' }) errors!: number;
  @ApiProperty({ enum: ['utf-8', 'windows-1252'], description: 'how the file was decoded (a UTF-8 BOM, valid UTF-8, else Windows-1252)' }) encoding!: 'utf-8' | 'windows-1252';
  @ApiProperty({ enum: [';', ','], description: 'the separator found in the header line' }) delimiter!: ';' | ',';
  @ApiProperty({ type: [ImportRowDto] }) rows!: ImportRowDto[];
  @ApiProperty({ description: 'rows stored as reports (0 in a dry run)' }) written!: number;
}
