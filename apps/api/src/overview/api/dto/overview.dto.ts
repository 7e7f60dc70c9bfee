import { ApiProperty } from '@nestjs/swagger';

class OverviewScopeDto {
  @ApiProperty({ description: 'the whole city (strategists); otherwise the departments below' }) all!: boolean;
  @ApiProperty({ type: [String], description: "the caller's departments (coordinator or management); empty for the whole city" }) departmentIds!: string[];
}

class OverviewOverdueEntryDto {
  @ApiProperty({ enum: ['needs', 'consultationResponse', 'followUpReport'] }) kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the department (needs, reports) or committee (responses) that owes it; null: the contact centre' }) ownerId!: string | null;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiProperty({ type: String, nullable: true, description: "a follow-up report's period" }) period!: string | null;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'items without a report (follow-up); 1 otherwise' }) count!: number;
}

class OverviewDeadlineDto {
  @ApiProperty({ enum: ['needs', 'consultationReply', 'decision'] }) kind!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() passed!: boolean;
}

class OverviewRoundDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ example: 'followUp' }) state!: string;
  @ApiProperty({ type: OverviewDeadlineDto, nullable: true, description: 'the deadline of the phase the round is in' }) deadline!: OverviewDeadlineDto | null;
  @ApiProperty({ type: 'integer', minimum: 0 }) participants!: number;
  @ApiProperty({ type: [OverviewOverdueEntryDto] }) overdue!: OverviewOverdueEntryDto[];
}

class OverviewCoveragePrimaryDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo!: string | null;
}

class OverviewCoverageRowDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: OverviewCoveragePrimaryDto, nullable: true, description: 'the primary coordinator valid today' }) primary!: OverviewCoveragePrimaryDto | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'deputies valid today' }) deputies!: number;
}

class OverviewCoverageDto {
  @ApiProperty({ type: 'integer', minimum: 0 }) departments!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) withPrimary!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) withoutPrimary!: number;
  @ApiProperty({ type: [OverviewCoverageRowDto] }) rows!: OverviewCoverageRowDto[];
}

class OverviewDigestFiguresDto {
  @ApiProperty() windowStart!: Date;
  @ApiProperty() windowEnd!: Date;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'management users whose digest was due' }) due!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'emails queued (something new or owed)' }) queued!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'of those, sent by the outbox' }) sent!: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'left out: nothing new and nothing owed' }) skippedAsEmpty!: number;
}

export class CityOverviewDto {
  @ApiProperty({ type: OverviewScopeDto }) scope!: OverviewScopeDto;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: [OverviewRoundDto], description: 'every open round (neither closed nor cancelled) the scope takes part in, with what is overdue and by whom' }) rounds!: OverviewRoundDto[];
  @ApiProperty({ type: OverviewCoverageDto, description: 'active departments with and without a valid primary coordinator' }) coverage!: OverviewCoverageDto;
  @ApiProperty({ type: OverviewDigestFiguresDto, nullable: true, description: 'the latest status digests (lägesrapporter); null when there are no figures to show' }) digests!: OverviewDigestFiguresDto | null;
}
