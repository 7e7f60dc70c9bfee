import { NOTIFICATION_KIND_LABELS, NOTIFICATION_STATUS_LABELS, NOTIFICATION_STATUSES, NotificationEntity, NotificationKind, NotificationStatus } from '@samverka/notifications';
import { NOTIFICATIONS_PATH, PageModel } from '../../shell/view-renderer';
import { swedishDateTime, tag, TagView } from '../../shell/format';

const STATUS_COLOURS: Record<NotificationStatus, Parameters<typeof tag>[1]> = { pending: 'blue', sending: 'light-blue', sent: 'green', failed: 'red' };

interface NotificationRow {
  id: string;
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

export interface NotificationsPageModel extends PageModel {
  rows: NotificationRow[];
  total: number;
  shown: number;
  /** Not every match fits on the page. */
  more: boolean;
  filterOptions: Array<{ value: string; text: string; selected: boolean }>;
  filterLabel: string | null;
  notice: string | null;
  errorSummary: Array<{ href: string; text: string }>;
}

export const retryPath = (id: string): string => `${NOTIFICATIONS_PATH}/${id}/forsok-igen`;

export const isNotificationStatus = (value: unknown): value is NotificationStatus => (NOTIFICATION_STATUSES as readonly unknown[]).includes(value);

/** The admin's list of emails, newest first; `status` is the ?status= filter. */
export function buildNotificationsPage(
  items: NotificationEntity[],
  total: number,
  status: NotificationStatus | undefined,
  state: { notice?: string | null; error?: { id: string; message: string } | null } = {},
): NotificationsPageModel {
  const label = status ? NOTIFICATION_STATUS_LABELS[status] : null;
  return {
    title: label ? `Utskick: ${label.toLowerCase()}` : 'Utskick',
    section: null,
    hasErrors: !!state.error,
    rows: items.map((n) => ({
      id: n.id,
      status: tag(NOTIFICATION_STATUS_LABELS[n.status], STATUS_COLOURS[n.status]),
      kind: NOTIFICATION_KIND_LABELS[n.kind as NotificationKind] ?? n.kind,
      recipientName: n.recipientName,
      recipientEmail: n.recipientEmail,
      created: swedishDateTime(n.createdAt),
      sent: n.sentAt ? swedishDateTime(n.sentAt) : '–',
      attempts: n.attempts,
      lastError: n.lastError,
      retryAction: n.status === 'failed' ? retryPath(n.id) : null,
    })),
    total,
    shown: items.length,
    more: items.length < total,
    filterOptions: [
      { value: '', text: 'Alla utskick', selected: !status },
      ...NOTIFICATION_STATUSES.map((s) => ({ value: s, text: NOTIFICATION_STATUS_LABELS[s], selected: s === status })),
    ],
    filterLabel: label,
    notice: state.notice ?? null,
    errorSummary: state.error ? [{ href: `#retry-${state.error.id}`, text: state.error.message }] : [],
  };
}
