import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DIGEST_FREQUENCIES, DigestFrequency } from '@samverka/identity';
import { NOTIFICATION_KINDS, NOTIFICATION_STATUSES, NotificationKind, NotificationStatus } from '@samverka/notifications';

/** Far beyond any list there is, and within every integer type the database has. */
const MAX_OFFSET = 1_000_000_000;

export class NotificationPreferencesInputDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES, description: 'how often the optional emails come, as a digest; off: never' })
  @IsIn(DIGEST_FREQUENCIES, { message: `digestFrequency must be one of ${DIGEST_FREQUENCIES.join(', ')}` })
  digestFrequency!: DigestFrequency;
}

export class MandatoryKindDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: NotificationKind;
  @ApiProperty({ example: 'Utsedd till samordnare eller ersättare' }) description!: string;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: DIGEST_FREQUENCIES }) digestFrequency!: DigestFrequency;
  @ApiProperty({ type: [MandatoryKindDto], description: 'kinds that always go out, whatever the preference (deadlines, assignments)' })
  mandatoryKinds!: MandatoryKindDto[];
}

export class NotificationQueryDto {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional() @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ enum: NOTIFICATION_KINDS })
  @IsOptional() @IsIn(NOTIFICATION_KINDS)
  kind?: NotificationKind;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET)
  offset?: number;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'coordinator.appointed' }) kind!: string;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status!: NotificationStatus;
  @ApiProperty({ format: 'email' }) recipientEmail!: string;
  @ApiProperty() recipientName!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
  @ApiProperty() nextAttemptAt!: Date;
  @ApiProperty({ nullable: true, type: String, description: 'the last attempt’s error; kept after a retry until the next attempt' }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: Date }) sentAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

export class NotificationAttachmentDto {
  @ApiProperty({ example: 'sista-dag-behov.ics' }) filename!: string;
  @ApiProperty({ example: 'text/calendar; charset=utf-8; method=PUBLISH' }) contentType!: string;
  @ApiProperty({ description: 'the attachment as text (calendar files)' }) content!: string;
}

export class NotificationMessageDto {
  @ApiProperty({ type: NotificationDto }) notification!: NotificationDto;
  @ApiProperty({ nullable: true, type: String, description: 'null when the stored data no longer fits the kind’s templates (see renderError)' }) subject!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the HTML part' }) html!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the plain-text part' }) text!: string | null;
  @ApiProperty({ type: [NotificationAttachmentDto] }) attachments!: NotificationAttachmentDto[];
  @ApiProperty({ nullable: true, type: String, description: 'why the message cannot be rendered' }) renderError!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'how many match the filter' }) total!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200 }) limit!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset!: number;
}
