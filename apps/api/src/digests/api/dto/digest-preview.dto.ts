import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'DigestDeadline' })
export class DigestDeadlineDto {
  @ApiProperty({ example: 'Sista dag för behov' }) label!: string;
  @ApiProperty({ format: 'date', example: '2027-02-26' }) date!: string;
}

@ApiSchema({ name: 'DigestOwed' })
export class DigestOwedDto {
  @ApiProperty({ example: 'Lämna in förvaltningens behov', description: 'what to do, in Swedish' }) text!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-02-26' }) dueOn!: string | null;
  @ApiProperty({ description: 'dueOn is before today (Europe/Stockholm)' }) overdue!: boolean;
  @ApiProperty({ example: 'https://samverka.example/planomgangar/…/behov/…', description: 'the page where it is done' }) href!: string;
}

@ApiSchema({ name: 'DigestOwedList' })
export class DigestOwedListDto {
  @ApiProperty({ type: [DigestOwedDto], description: 'the first five, overdue first' }) shown!: DigestOwedDto[];
  @ApiProperty({ example: 0, description: 'how many more ("och N till")' }) more!: number;
  @ApiProperty({ description: 'where the rest are' }) moreUrl!: string;
}

@ApiSchema({ name: 'DigestItem' })
export class DigestItemDto {
  @ApiProperty({ example: 'MS-1' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'Enligt plan', description: 'the latest follow-up status, in Swedish ("Ej rapporterad" without a report)' }) statusLabel!: string;
  @ApiProperty({ type: Number, nullable: true, example: 40 }) progress!: number | null;
  @ApiProperty({ description: 'reported since the last digest' }) changed!: boolean;
}

@ApiSchema({ name: 'DigestItemList' })
export class DigestItemListDto {
  @ApiProperty({ type: [DigestItemDto], description: 'the first five, changed first' }) shown!: DigestItemDto[];
  @ApiProperty({ example: 0 }) more!: number;
  @ApiProperty() moreUrl!: string;
}

@ApiSchema({ name: 'DigestRound' })
export class DigestRoundDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: 'Behovsinsamling' }) phaseLabel!: string;
  @ApiProperty({ type: DigestDeadlineDto, nullable: true }) nextDeadline!: DigestDeadlineDto | null;
  @ApiProperty() roundUrl!: string;
  @ApiProperty({ type: DigestOwedListDto, description: 'what the department owes now' }) owed!: DigestOwedListDto;
  @ApiProperty({ example: 0 }) overdueCount!: number;
  @ApiProperty({ type: DigestItemListDto, description: "the department's items in the adopted plan" }) items!: DigestItemListDto;
  @ApiProperty({ example: 0, description: 'follow-up reports on its items since the last digest' }) changes!: number;
}

@ApiSchema({ name: 'DigestDepartment' })
export class DigestDepartmentDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ example: 'Miljöförvaltningen' }) name!: string;
  @ApiProperty({ type: [DigestRoundDto], description: 'the open rounds it takes part in' }) rounds!: DigestRoundDto[];
}

@ApiSchema({ name: 'DigestRatio' })
export class DigestRatioDto {
  @ApiProperty({ example: 14 }) covered!: number;
  @ApiProperty({ example: 15 }) total!: number;
}

@ApiSchema({ name: 'DigestCityRound' })
export class DigestCityRoundDto {
  @ApiProperty({ format: 'uuid' }) roundId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() phaseLabel!: string;
  @ApiProperty({ type: 'object', properties: { handedIn: { type: 'integer' }, total: { type: 'integer' } } }) submissions!: { handedIn: number; total: number };
  @ApiProperty({ type: 'object', nullable: true, properties: { responded: { type: 'integer' }, total: { type: 'integer' } } }) responses!: { responded: number; total: number } | null;
  @ApiProperty({ type: 'object', nullable: true, properties: { reported: { type: 'integer' }, due: { type: 'integer' } } }) reports!: { reported: number; due: number } | null;
}

@ApiSchema({ name: 'DigestCity' })
export class DigestCityDto {
  @ApiProperty({ type: DigestRatioDto, description: 'active departments with a primary coordinator today' }) coverage!: DigestRatioDto;
  @ApiProperty({ type: [DigestCityRoundDto] }) rounds!: DigestCityRoundDto[];
}

@ApiSchema({ name: 'DigestSections' })
export class DigestSectionsDto {
  @ApiProperty({ example: '16 november 2026 kl. 07:00', description: 'the start of the window: the end of the last digest' }) since!: string;
  @ApiProperty({ example: '30 november 2026 kl. 10:12' }) until!: string;
  @ApiProperty({ type: [DigestDepartmentDto] }) departments!: DigestDepartmentDto[];
  @ApiProperty({ type: DigestCityDto }) city!: DigestCityDto;
}

/** The caller's next status digest as it stands now. */
@ApiSchema({ name: 'DigestPreview' })
export class DigestPreviewDto {
  @ApiProperty({ type: DigestSectionsDto }) sections!: DigestSectionsDto;
  @ApiProperty({ description: 'nothing new and nothing owed: no email would go out (always true for a user without a management role)' }) empty!: boolean;
}
