import {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUS_LABELS,
  NOTIFICATION_STATUSES,
  NotificationListItem,
  NotificationKind,
  NotificationMessage,
  NotificationStatus,
} from '@samverka/notifications';
import { NOTIFICATIONS_PATH, PageModel } from '../../shell/view-renderer';
import { pagination, PaginationModel } from '../../shell/pagination';
import { swedishDateTime, tag, TagView } from '../../shell/format';

const STATUS_COLOURS: Record<NotificationStatus, Parameters<typeof tag>[1]> = { pending: 'blue', sending: 'light-blue', sent: 'green', failed: 'red' };

/** Emails on one page of the list. */
export const NOTIFICATIONS_PAGE_SIZE = 50;

/** The list's query parameters: `?status=failed&typ=needs.reminder&sida=2` (other helpers link to `?status=failed`). */
export const LIST_PARAMS = { status: 'status', kind: 'typ', page: 'sida' } as const;

/** What the list shows: a status, a kind, a page (1 is the first). */
export interface NotificationFilter {
  status?: NotificationStatus;
  kind?: NotificationKind;
  page: number;
}

interface NotificationRow {
  id: string;
  href: string;
  status: TagView;
  kind: string;
  recipientName: string;
  recipientEmail: string;
  created: string;
  sent: string;
  attempts: number;
  lastError: string | null;
  /** The retry form's address: failed emails only. */
  retryAction: string | null;
}

interface Option {
  value: string;
  text: string;
  selected: boolean;
}

export interface NotificationsPageModel extends PageModel {
  rows: NotificationRow[];
  caption: string;
  statusOptions: Option[];
  kindOptions: Option[];
  pagination: PaginationModel | null;
  notice: string | null;
  errorSummary: Array<{ href: string; text: string }>;
}

export const notificationPath = (id: string): string => `${NOTIFICATIONS_PATH}/${id}`;
export const retryPath = (id: string): string => `${notificationPath(id)}/forsok-igen`;

export const isNotificationStatus = (value: unknown): value is NotificationStatus => (NOTIFICATION_STATUSES as readonly unknown[]).includes(value);
export const isNotificationKind = (value: unknown): value is NotificationKind => (NOTIFICATION_KINDS as readonly unknown[]).includes(value);

/** The filter from the query string; anything unknown is no filter, and a page that is not a positive whole number is the first. */
export function filterOf(query: Record<string, unknown>): NotificationFilter {
  const status = query[LIST_PARAMS.status];
  const kind = query[LIST_PARAMS.kind];
  const page = Number(query[LIST_PARAMS.page]);
  return {
    status: isNotificationStatus(status) ? status : undefined,
    kind: isNotificationKind(kind) ? kind : undefined,
    page: Number.isSafeInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The list's address for a filter: only what is set, `sida` only after the first page. */
export function listPath(filter: NotificationFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set(LIST_PARAMS.status, filter.status);
  if (filter.kind) params.set(LIST_PARAMS.kind, filter.kind);
  if (filter.page > 1) params.set(LIST_PARAMS.page, String(filter.page));
  const query = params.toString();
  return query ? `${NOTIFICATIONS_PATH}?${query}` : NOTIFICATIONS_PATH;
}

const kindLabel = (kind: string) => NOTIFICATION_KIND_LABELS[kind as NotificationKind] ?? kind;

/** The admin's list of emails, newest first, one page of `NOTIFICATIONS_PAGE_SIZE`, filtered by status and kind. */
export function buildNotificationsPage(
  items: NotificationListItem[],
  total: number,
  filter: NotificationFilter,
  state: { notice?: string | null; error?: { id: string; message: string } | null } = {},
): NotificationsPageModel {
  const statusLabel = filter.status ? NOTIFICATION_STATUS_LABELS[filter.status].toLowerCase() : null;
  const kind = filter.kind ? kindLabel(filter.kind).toLowerCase() : null;
  const what = [statusLabel, kind].filter(Boolean).join(', ');
  const first = (filter.page - 1) * NOTIFICATIONS_PAGE_SIZE + 1;
  const shown = items.length > 0 ? ` (${first}–${first + items.length - 1} visas)` : '';
  return {
    title: `Utskick${what ? `: ${what}` : ''}${filter.page > 1 ? `, sida ${filter.page}` : ''}`,
    section: null,
    hasErrors: !!state.error,
    rows: items.map((n) => ({
      id: n.id,
      href: notificationPath(n.id),
      status: tag(NOTIFICATION_STATUS_LABELS[n.status], STATUS_COLOURS[n.status]),
      kind: kindLabel(n.kind),
      recipientName: n.recipientName,
      recipientEmail: n.recipientEmail,
      created: swedishDateTime(n.createdAt),
      sent: n.sentAt ? swedishDateTime(n.sentAt) : '–',
      attempts: n.attempts,
      lastError: n.lastError,
      retryAction: n.status === 'failed' ? retryPath(n.id) : null,
    })),
    caption: `${total} utskick${what ? `: ${what}` : ''}${shown}`,
    statusOptions: [
      { value: '', text: 'Alla statusar', selected: !filter.status },
      ...NOTIFICATION_STATUSES.map((s) => ({ value: s, text: NOTIFICATION_STATUS_LABELS[s], selected: s === filter.status })),
    ],
    kindOptions: [
      { value: '', text: 'Alla typer', selected: !filter.kind },
      ...NOTIFICATION_KINDS.map((k) => ({ value: k, text: NOTIFICATION_KIND_LABELS[k], selected: k === filter.kind })),
    ],
    pagination: pagination({ page: filter.page, pageSize: NOTIFICATIONS_PAGE_SIZE, total, label: 'Sidor med utskick', link: (page) => listPath({ ...filter, page }) }),
    notice: state.notice ?? null,
    errorSummary: state.error ? [{ href: `#retry-${state.error.id}`, text: state.error.message }] : [],
  };
}

export interface NotificationPageModel extends PageModel {
  id: string;
  backHref: string;
  heading: string;
  facts: Array<{ key: string; value: string }>;
  status: TagView;
  lastError: string | null;
  retryAction: string | null;
  message: {
    subject: string;
    text: string;
    html: string;
    attachments: Array<{ filename: string; contentType: string; content: string }>;
  } | null;
  renderError: string | null;
}

/** One email as it was sent: the facts of its delivery, then its text part, its HTML part as source (escaped, never run) and its attachments. */
export function buildNotificationPage({ notification: n, mail, renderError }: NotificationMessage): NotificationPageModel {
  return {
    title: `Utskick: ${mail?.subject ?? kindLabel(n.kind)}`,
    section: null,
    id: n.id,
    backHref: NOTIFICATIONS_PATH,
    heading: mail?.subject ?? kindLabel(n.kind),
    status: tag(NOTIFICATION_STATUS_LABELS[n.status], STATUS_COLOURS[n.status]),
    facts: [
      { key: 'Mottagare', value: `${n.recipientName} <${n.recipientEmail}>` },
      { key: 'Ämne', value: mail?.subject ?? '–' },
      { key: 'Typ', value: kindLabel(n.kind) },
      { key: 'Skapat', value: swedishDateTime(n.createdAt) },
      { key: 'Skickat', value: n.sentAt ? swedishDateTime(n.sentAt) : '–' },
      { key: 'Försök', value: String(n.attempts) },
    ],
    lastError: n.lastError,
    retryAction: n.status === 'failed' ? retryPath(n.id) : null,
    message: mail ? { subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments } : null,
    renderError,
  };
}
