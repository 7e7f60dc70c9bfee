import type { NotificationEntity } from '@samverka/notifications';
import { buildNotificationPage, buildNotificationsPage, filterOf, listPath, NOTIFICATIONS_PAGE_SIZE } from './notifications.presenter';

const email = (over: Partial<NotificationEntity> = {}): NotificationEntity =>
  ({
    id: 'n-1',
    kind: 'needs.reminder',
    dedupKey: 'k',
    recipientEmail: 'annika.asberg@malmo.example',
    recipientName: 'Annika Åsberg',
    recipientPersonId: null,
    data: {},
    status: 'failed',
    attempts: 5,
    nextAttemptAt: new Date('2026-03-02T08:00:00Z'),
    lockedBy: null,
    lockedUntil: null,
    lastError: '550 mailbox unavailable',
    sentAt: null,
    messageId: null,
    createdAt: new Date('2026-03-02T08:00:00Z'),
    updatedAt: new Date('2026-03-02T08:00:00Z'),
    ...over,
  }) as NotificationEntity;

describe(filterOf.name, () => {
  it('reads status, kind and page from the query, ignoring what is not one', () => {
    expect(filterOf({ status: 'failed', typ: 'needs.reminder', sida: '3' })).toEqual({ status: 'failed', kind: 'needs.reminder', page: 3 });
    expect(filterOf({ status: 'lost', typ: 'x', sida: '-1' })).toEqual({ status: undefined, kind: undefined, page: 1 });
    expect(filterOf({ sida: '1.5' }).page).toBe(1);
    expect(filterOf({ sida: '9999999999' }).page).toBe(1);
  });
});

describe(listPath.name, () => {
  it('keeps ?status=failed as others link to it, and names the page only after the first', () => {
    expect(listPath({ status: 'failed', page: 1 })).toBe('/admin/utskick?status=failed');
    expect(listPath({ page: 1 })).toBe('/admin/utskick');
    expect(listPath({ kind: 'needs.reminder', page: 2 })).toBe('/admin/utskick?typ=needs.reminder&sida=2');
  });
});

describe(buildNotificationsPage.name, () => {
  it('links each email to its own page, and says what the filter shows in the title and caption', () => {
    const sut = buildNotificationsPage([email()], 1, { status: 'failed', kind: 'needs.reminder', page: 1 });
    expect(sut.title).toBe('Utskick: misslyckat, påminnelse om att lämna in förvaltningens behov');
    expect(sut.caption).toBe('1 utskick: misslyckat, påminnelse om att lämna in förvaltningens behov (1–1 visas)');
    expect(sut.rows[0]).toMatchObject({ href: '/admin/utskick/n-1', kind: 'Påminnelse om att lämna in förvaltningens behov', retryAction: '/admin/utskick/n-1/forsok-igen' });
    expect(sut.statusOptions.find((o) => o.selected)).toEqual({ value: 'failed', text: 'Misslyckat', selected: true });
    expect(sut.kindOptions.find((o) => o.selected)?.value).toBe('needs.reminder');
    expect(sut.pagination).toBeNull();
  });

  it('pages a long list, keeping the filter in the links', () => {
    const total = NOTIFICATIONS_PAGE_SIZE * 2 + 1;
    const middle = buildNotificationsPage([email()], total, { status: 'sent', page: 2 });
    expect(middle.pagination).toEqual({
      label: 'Sidor med utskick',
      status: 'Sida 2 av 3',
      previous: '/admin/utskick?status=sent',
      next: '/admin/utskick?status=sent&sida=3',
      items: [
        { number: 1, href: '/admin/utskick?status=sent', current: false },
        { number: 2, href: '/admin/utskick?status=sent&sida=2', current: true },
        { number: 3, href: '/admin/utskick?status=sent&sida=3', current: false },
      ],
    });
    expect(middle.title).toBe('Utskick: skickat, sida 2');
    expect(buildNotificationsPage([email()], total, { page: 3 }).pagination).toMatchObject({ next: null });
    expect(buildNotificationsPage([], total, { page: 9 }).pagination).toMatchObject({ status: 'Sida 9 av 3', previous: '/admin/utskick?sida=3', next: null });
  });
});

describe(buildNotificationPage.name, () => {
  it('shows the delivery and the message: subject as heading, text and HTML parts, attachments', () => {
    const sut = buildNotificationPage({
      notification: email({ status: 'sent', sentAt: new Date('2026-03-02T08:05:00Z'), lastError: null }),
      mail: { subject: 'Påminnelse', html: '<p>Hej</p>', text: 'Hej', attachments: [{ filename: 'a.ics', content: 'BEGIN:VCALENDAR', contentType: 'text/calendar' }] },
      renderError: null,
    });
    expect(sut.heading).toBe('Påminnelse');
    expect(sut.facts).toEqual(
      expect.arrayContaining([
        { key: 'Mottagare', value: 'Annika Åsberg <annika.asberg@malmo.example>' },
        { key: 'Ämne', value: 'Påminnelse' },
        { key: 'Försök', value: '5' },
      ]),
    );
    expect(sut.message).toEqual({ subject: 'Påminnelse', html: '<p>Hej</p>', text: 'Hej', attachments: [expect.objectContaining({ filename: 'a.ics' })] });
    expect(sut.retryAction).toBeNull();
  });

  it('says why a message cannot be shown, and still offers the retry of a failed email', () => {
    const sut = buildNotificationPage({ notification: email(), mail: null, renderError: '"roundTitle" not defined' });
    expect(sut.heading).toBe('Påminnelse om att lämna in förvaltningens behov');
    expect(sut.message).toBeNull();
    expect(sut.renderError).toContain('roundTitle');
    expect(sut.retryAction).toBe('/admin/utskick/n-1/forsok-igen');
  });
});
