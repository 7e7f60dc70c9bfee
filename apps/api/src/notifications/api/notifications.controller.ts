import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { NotificationPreferenceService, Principal } from '@samverka/identity';
import { NotificationAdminService, NotificationListItem } from '@samverka/notifications';
import { admin, signedIn } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentPrincipal } from '../../auth/request-principal';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { IdParam } from '../../shell/uuid-param';
import { ApiAnswer, ApiErrors } from '../../shell/api-contract';
import { NotificationDto, NotificationMessageDto, NotificationPageDto, NotificationPreferencesDto, NotificationPreferencesInputDto, NotificationQueryDto } from './dto/notification.dto';

export const toNotificationDto = (n: NotificationListItem): NotificationDto => ({
  id: n.id,
  kind: n.kind,
  status: n.status,
  recipientEmail: n.recipientEmail,
  recipientName: n.recipientName,
  attempts: n.attempts,
  nextAttemptAt: n.nextAttemptAt,
  lastError: n.lastError,
  sentAt: n.sentAt,
  createdAt: n.createdAt,
});

/** The signed-in user's own email preferences. */
@ApiTags('notifications')
@Controller('api/v1/me/notification-preferences')
@Allow(signedIn())
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferenceService) {}

  @Get()
  @ApiAnswer(200, NotificationPreferencesDto)
  @ApiOperation({ summary: 'My digest frequency for optional emails, and the kinds that always go out' })
  get(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.get(principal.userId);
  }

  @Put()
  @ApiAnswer(200, NotificationPreferencesDto)
  @ApiOperation({ summary: 'Choose the digest frequency for optional emails (mandatory ones always go out)' })
  set(@CurrentPrincipal() principal: Principal, @Body() dto: NotificationPreferencesInputDto): Promise<NotificationPreferencesDto> {
    return this.preferences.set(principal.userId, dto.digestFrequency);
  }
}

/** The outbox, for admins: what is pending, sent and failed, and a retry for a failed email. */
@ApiTags('admin')
@Controller('api/v1/admin/notifications')
@Allow(admin())
export class NotificationsAdminController {
  constructor(private readonly notifications: NotificationAdminService) {}

  @Get()
  @ApiAnswer(200, NotificationPageDto)
  @ApiOperation({ summary: 'Emails, newest first, optionally by status and kind, with the last error of each' })
  async list(@Query() query: NotificationQueryDto): Promise<NotificationPageDto> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = await this.notifications.list({ status: query.status, kind: query.kind, limit, offset });
    return { items: page.items.map(toNotificationDto), total: page.total, limit, offset };
  }

  @Get(':id/message')
  @ApiAnswer(200, NotificationMessageDto)
  @ApiErrors(404)
  @ApiOperation({
    summary: 'One email as sent: subject, HTML and text parts and attachments, rendered from its stored data with today’s templates',
  })
  async message(@IdParam('id', 'Utskicket') id: string): Promise<NotificationMessageDto> {
    const { notification, mail, renderError } = await this.notifications.message(id);
    return {
      notification: toNotificationDto(notification),
      subject: mail?.subject ?? null,
      html: mail?.html ?? null,
      text: mail?.text ?? null,
      attachments: mail?.attachments ?? [],
      renderError,
    };
  }

  @Post(':id/retry')
  @ApiAnswer(200, NotificationDto)
  @ApiErrors(404, 409)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed email again: back to pending now, attempts from zero (409 unless it failed)' })
  async retry(@CurrentActor() actor: Actor, @IdParam('id', 'Utskicket') id: string): Promise<NotificationDto> {
    return toNotificationDto(await this.notifications.retry(actor, id));
  }
}
