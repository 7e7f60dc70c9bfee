import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { ORGANISATION_CODE_PATTERN, ORGANISATION_MAX, organisationUnitViolations } from '@samverka/organisation';
import { Trim } from '../../../shell/trim';
import { CheckedBy } from '../../../shell/validation';

/** OpenAPI for a committee's or department's code; the rule is ORGANISATION_CODE_PATTERN, checked by the service. */
const CODE_PROPERTY = { pattern: ORGANISATION_CODE_PATTERN.source, maxLength: ORGANISATION_MAX.code } as const;

/** Checks an organisation unit's code and name (organisationUnitViolations) when the shape is wrong too. */
const CheckedAsOrganisationUnit = () => CheckedBy((unit: { code?: string; name?: string }) => organisationUnitViolations(unit));

/**
 * A new committee or department (an organisation unit): its code and name.
 * Shape only: the rules are organisationUnitViolations (libs/organisation),
 * checked by OrganisationRegistryService.
 */
@CheckedAsOrganisationUnit()
export class OrganisationUnitDto {
  @ApiProperty({ example: 'FSKN', ...CODE_PROPERTY })
  @Trim() @IsString()
  code!: string;

  @ApiProperty({ example: 'Förskolenämnden', maxLength: ORGANISATION_MAX.name })
  @Trim() @IsString()
  name!: string;
}

/** A change of a committee or department: its name, or whether it is active (false deactivates it). */
@CheckedAsOrganisationUnit()
export class OrganisationUnitChangesDto {
  @ApiPropertyOptional({ maxLength: ORGANISATION_MAX.name })
  @IsOptional() @Trim() @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'false deactivates it' })
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class CreateCommitteeDto extends OrganisationUnitDto {}

export class UpdateCommitteeDto extends OrganisationUnitChangesDto {}

export class CommitteeQueryDto {
  @ApiPropertyOptional({ description: 'exact code, case-insensitive' })
  @IsOptional() @IsString()
  code?: string;
}

/** A committee or department as another object names it. */
export class OrganisationUnitRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class CommitteeDto extends OrganisationUnitRefDto {
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
