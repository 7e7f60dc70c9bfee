import { Inject, Injectable } from '@nestjs/common';
import { Actor, AuditService } from '@samverka/audit';
import { pageOfRows, TransactionHost } from '@samverka/database';
import { Clock, CommonError } from '@samverka/kernel';
import { NotificationKind } from './notification-kinds';
import { NotificationRenderer, RenderedMail } from './notification-renderer';
import { NotificationError, NotificationErrorCode } from './notification.exception';
import { NotificationEntity, NotificationStatus } from './notification.entity';

export interface NotificationListQuery {
  status?: NotificationStatus;
  kind?: string;
  limit: number;
  offset: number;
}

/** One email as the admin opens it: the row, and its message rendered from the row's data (or why it cannot be). */
export interface NotificationMessage {
  notification: NotificationEntity;
  mail: RenderedMail | null;
  /** Why the message cannot be shown (data that no longer fits the kind's templates). */
  renderError: string | null;
}

/** An email as the admin's list shows it: no data, no lock, no key. */
export type NotificationListItem = Pick<
  NotificationEntity,
  'id' | 'kind' | 'status' | 'recipientEmail' | 'recipientName' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'createdAt'
>;

export interface NotificationPage {
  items: NotificationListItem[];
  total: number;
}

/**
 * One page of the outbox, newest first, with how many match, in one statement: the count is the
 * outer row and the page a lateral join on it (so a page past the end still has the total); the
 * filters are parameters that may be null, so the text is fixed and runs prepared. Only the
 * columns the list shows are read (not the data each email was rendered from).
 */
const NOTIFICATION_PAGE_SQL = `
select t.total, n.id, n.kind, n.status, n.recipient_email::text as recipient_email, n.recipient_name, n.attempts,
       n.next_attempt_at, n.last_error, n.sent_at, n.created_at
  from (select count(*)::int as total from notification n
         where ($1::notification_status is null or n.status = $1) and ($2::text is null or n.kind = $2)) t
  left join lateral (
        select n.* from notification n
         where ($1::notification_status is null or n.status = $1) and ($2::text is null or n.kind = $2)
         order by n.created_at desc, n.id limit $3 offset $4) n on true
 order by n.created_at desc, n.id`;

interface NotificationPageRow {
  total: number;
  id: string | null;
  kind: string;
  status: NotificationStatus;
  recipient_email: string;
  recipient_name: string;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  sent_at: Date | null;
  created_at: Date;
}

const snapshot = (n: NotificationEntity) => ({ status: n.status, attempts: n.attempts, nextAttemptAt: n.nextAttemptAt, lastError: n.lastError });

/** The admin's view of the outbox: what is pending, sent and failed (with the error), and a retry for a failed email. */
@Injectable()
export class NotificationAdminService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly audit: AuditService,
    @Inject(Clock) private readonly clock: Clock,
    private readonly renderer: NotificationRenderer,
  ) {}

  private get repo() {
    return this.tx.repository(NotificationEntity);
  }

  /** Newest first, with the total that matches the filter. */
  async list(query: NotificationListQuery): Promise<NotificationPage> {
    const rows = await this.tx.prepared<NotificationPageRow>('notifications.admin_page', NOTIFICATION_PAGE_SQL, [
      query.status ?? null,
      query.kind ?? null,
      query.limit,
      query.offset,
    ]);
    return pageOfRows(rows, (r): NotificationListItem => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      recipientEmail: r.recipient_email,
      recipientName: r.recipient_name,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
      lastError: r.last_error,
      sentAt: r.sent_at,
      createdAt: r.created_at,
    }));
  }

  async get(id: string): Promise<NotificationEntity> {
    const notification = await this.repo.findOneBy({ id });
    if (!notification) throw CommonError.notFound('Utskicket', id);
    return notification;
  }

  /**
   * The email with its message (subject, HTML, text, attachments) rendered
   * from its stored data by the same renderer the worker sends with; the
   * message is not stored, so it shows today's templates. Data that no longer
   * fits them is said, never a failure of the page.
   */
  async message(id: string): Promise<NotificationMessage> {
    const notification = await this.get(id);
    try {
      const mail = this.renderer.render({ id: notification.id, kind: notification.kind, recipientName: notification.recipientName, data: notification.data });
      return { notification, mail, renderError: null };
    } catch (error) {
      return { notification, mail: null, renderError: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * A failed email goes back to the queue, due now, with its attempts counted
   * from zero; its last error stays visible until the next attempt. Anything
   * but a failed email is refused (pending and sending ones are on their way;
   * a sent one must never go twice).
   */
  retry(actor: Actor, id: string): Promise<NotificationEntity> {
    return this.tx.run(async () => {
      const notification = await this.repo.createQueryBuilder('n').where('n.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!notification) throw CommonError.notFound('Utskicket', id);
      if (notification.status !== 'failed') {
        throw new NotificationError(NotificationErrorCode.NOT_RETRYABLE, `Bara ett misslyckat utskick kan skickas igen; det här har status ${NOTIFICATION_STATUS_LABELS[notification.status].toLowerCase()}`, {
          id,
          status: notification.status,
        });
      }
      const before = snapshot(notification);
      await this.repo.update({ id }, { status: 'pending', attempts: 0, nextAttemptAt: this.clock.now(), lockedBy: null, lockedUntil: null });
      const after = await this.get(id);
      await this.audit.record(actor, { action: 'notification.retried', subjectType: 'notification', subjectId: id, before, after: snapshot(after) });
      return after;
    });
  }
}

/** Where an email stands, for the admin's list and the messages about it: "Misslyckat". */
export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = { pending: 'Väntar', sending: 'Skickas', sent: 'Skickat', failed: 'Misslyckat' };

/** Each kind in Swedish, for the admin's list and the preferences. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'coordinator.appointed': 'Utsedd till samordnare eller ersättare',
  'department.lacks_coordinator': 'Förvaltningen saknar samordnare',
  'user.invited': 'Nytt konto: välj lösenord eller logga in',
  'round.launched': 'Planomgången har startat (med sista dag för behov)',
  'round.phase_changed': 'Planomgången har gått vidare till en ny fas',
  'round.deadline_passed': 'En tidsfrist i planomgången har passerat',
  'needs.endorsement_requested': 'Förvaltningens behov är inlämnade och väntar på godkännande',
  'needs.reminder': 'Påminnelse om att lämna in förvaltningens behov',
  'needs.escalation': 'Förvaltningens behov saknas fem arbetsdagar efter sista dagen',
  'needs.returned': 'Förvaltningens behov är skickade tillbaka med en kommentar',
  'needs.endorsed': 'Förvaltningens behov är godkända',
  'needs.collection_closed': 'Behovsinsamlingen i planomgången är stängd',
  'plan.responsibility_summary': 'Förvaltningens ansvarsfördelning i en fastställd planversion',
  'plan.question_asked': 'En förvaltning frågar om en insats i planen',
  'plan.question_answered': 'Svar på förvaltningens fråga om en insats i planen',
  'plan.adopted': 'Planen är antagen: förvaltningens del gäller nu',
  'plan.returned': 'Planen är återremitterad med en motivering',
  'consultation.sent': 'Planen är skickad på remiss till nämnden (med svarsdatum)',
  'consultation.extension_requested': 'En nämnd begär anstånd med remissvaret',
  'consultation.extension_decided': 'Nämndens begäran om anstånd är avgjord',
  'consultation.reminder': 'Påminnelse om nämndens remissvar',
  'follow_up.reminder': 'Påminnelse om förvaltningens uppföljningsrapport',
  'follow_up.escalation': 'Förvaltningens uppföljningsrapport saknas fem arbetsdagar efter sista dagen',
  'consultation.response_receipt': 'Kvittens på nämndens inlämnade yttrande',
  'digest.status': 'Lägesrapport till förvaltningsledningen (så ofta du valt, när något är nytt eller ska göras)',
};
