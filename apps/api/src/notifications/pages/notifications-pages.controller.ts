import { Controller, Get, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Actor } from '@samverka/audit';
import { NotificationAdminService, NotificationError } from '@samverka/notifications';
import type { FastifyReply } from 'fastify';
import { admin } from '../../auth/access-rules';
import { Allow } from '../../auth/allow.decorator';
import { CurrentActor } from '../../shell/current-actor.decorator';
import { formAction, FormErrorMap } from '../../shell/form-action';
import { UuidParam } from '../../shell/uuid-param';
import { buildNotificationPage, buildNotificationsPage, filterOf, LIST_PARAMS, listPath, NotificationFilter, NOTIFICATIONS_PAGE_SIZE } from './notifications.presenter';
import { NOTIFICATIONS_PATH, ViewRenderer } from '../../shell/view-renderer';
import { WebExceptionFilter } from '../../shell/web-exception.filter';

const RETRIED_PARAM = 'omskickat';
const NOTIFICATION = UuidParam('Utskicket');
/** Why an email cannot be sent again (it was sent, it is queued) is said beside it in the list. */
const RETRY_ERRORS: FormErrorMap = { fieldIdFor: () => undefined, explain: (e) => (e instanceof NotificationError ? { errors: {}, general: [e.message] } : null) };

/** Utskick: the admin's list of emails (pending, sent, failed with the error; filtered, in pages), each email opened, and a retry for a failed one. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller(NOTIFICATIONS_PATH.slice(1))
@Allow(admin())
export class NotificationsPagesController {
  constructor(
    private readonly notifications: NotificationAdminService,
    private readonly views: ViewRenderer,
  ) {}

  @Get()
  async list(@Query() query: Record<string, unknown>, @Res() reply: FastifyReply): Promise<void> {
    // The GET form sends every field, also "Alla": its address without the empty ones, as others link to it (`?status=failed`).
    if (Object.values(LIST_PARAMS).some((name) => query[name] === '')) return void reply.redirect(listPath(filterOf(query)), HttpStatus.SEE_OTHER);
    const retried = query[RETRIED_PARAM];
    const notice = typeof retried === 'string' && retried !== '' ? 'Utskicket ligger i kön igen och skickas inom kort.' : null;
    await this.page(reply, filterOf(query), { notice }, HttpStatus.OK);
  }

  /** One email: its delivery, and its text and HTML parts and attachments as they were sent. */
  @Get(':id')
  async show(@Param('id', NOTIFICATION) id: string, @Res() reply: FastifyReply): Promise<void> {
    await this.views.send(reply, 'notification', buildNotificationPage(await this.notifications.message(id)));
  }

  /** The form's address opened directly (a reload, a bookmark): back to the list. */
  @Get(':id/forsok-igen')
  formAddress(@Param('id', NOTIFICATION) _id: string, @Res() reply: FastifyReply): void {
    void reply.redirect(NOTIFICATIONS_PATH, HttpStatus.SEE_OTHER);
  }

  @Post(':id/forsok-igen')
  async retry(@CurrentActor() actor: Actor, @Param('id', NOTIFICATION) id: string, @Res() reply: FastifyReply): Promise<void> {
    await formAction({
      posted: null,
      values: {},
      errors: RETRY_ERRORS,
      run: () => this.notifications.retry(actor, id),
      failed: (failure) => this.page(reply, { page: 1 }, { error: { id, message: failure.general.join(' ') } }, failure.status),
      done: () => void reply.redirect(`${NOTIFICATIONS_PATH}?${RETRIED_PARAM}=${encodeURIComponent(id)}`, HttpStatus.SEE_OTHER),
    });
  }

  private async page(
    reply: FastifyReply,
    filter: NotificationFilter,
    state: Parameters<typeof buildNotificationsPage>[3],
    httpStatus: number,
  ): Promise<void> {
    const { items, total } = await this.notifications.list({
      status: filter.status,
      kind: filter.kind,
      limit: NOTIFICATIONS_PAGE_SIZE,
      offset: (filter.page - 1) * NOTIFICATIONS_PAGE_SIZE,
    });
    await this.views.send(reply, 'notifications', buildNotificationsPage(items, total, filter, state), httpStatus);
  }
}
