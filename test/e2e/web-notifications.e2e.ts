import { TransactionHost } from '@samverka/database';
import { NotificationOutbox } from '@samverka/notifications';
import { Page, Response } from 'playwright-core';
import { horizontalOverflow } from '../support/browser';
import { webSuite, DEMO_USER } from '../support/web-suite';

const { admin: ADMIN, strategist: STRATEGIST } = DEMO_USER;



/** Utskick: the admin's list of emails, in a real Chromium with JavaScript off (axe on every page shown). */
describe('the web UI: Utskick', () => {
  const web = webSuite();
  let page: Page;
  beforeEach(() => {
    page = web.page;
  });

  const signIn = (email: string) => web.signIn(email);

  async function failedEmail(recipientName: string, error: string): Promise<string> {
    const [row] = (await web.ctx.dataSource.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at, last_error)
       values ('department.lacks_coordinator', $1, 'mottagare@malmo.example', $2, '{}'::jsonb, 'failed', 5, now(), $3) returning id`,
      [`web-e2e:${recipientName}:${Date.now()}`, recipientName, error],
    )) as Array<{ id: string }>;
    return row.id;
  }

  const statusOf = async (id: string) => ((await web.ctx.dataSource.query(`select status from notification where id = $1`, [id])) as Array<{ status: string }>)[0].status;

  it('lists a failed email with its error, filters by status, and sends it again with "Försök igen"', async () => {
    const id = await failedEmail('Greta Grön', '550 5.1.1 mailbox unavailable');
    await signIn(ADMIN);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Utskick' }).click();
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick`);
    await expect(page.title()).resolves.toBe('Utskick – Samverka');
    expect(await nav.getByRole('link', { name: 'Utskick' }).getAttribute('aria-current')).toBe('page');
    await web.expectAccessible();

    await page.getByLabel('Status').selectOption({ label: 'Misslyckat' });
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick?status=failed`);
    await expect(page.title()).resolves.toBe('Utskick: misslyckat – Samverka');
    const row = page.locator('tbody tr', { hasText: 'Greta Grön' });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('550 5.1.1 mailbox unavailable');
    await expect(row.textContent()).resolves.toContain('Förvaltningen saknar samordnare');
    await expect(row.locator('.govuk-tag').textContent()).resolves.toBe('Misslyckat');
    await web.expectAccessible();

    const [post] = (await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      row.getByRole('button', { name: /^Försök igen/ }).click(),
    ])) as [Response, unknown];
    await page.waitForLoadState();
    expect(post.status()).toBe(303);
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick?omskickat=${id}`);
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Utskicket ligger i kön igen');
    expect(await statusOf(id)).toBe('pending');
    const again = page.locator('tbody tr', { hasText: 'Greta Grön' });
    await expect(again.locator('.govuk-tag').textContent()).resolves.toBe('Väntar');
    await expect(again.textContent()).resolves.toContain('550 5.1.1 mailbox unavailable'); // kept until the next attempt
    await expect(again.getByRole('button', { name: /^Försök igen/ }).count()).resolves.toBe(0);
    await web.expectAccessible();
  });

  it('explains a retry that is no longer possible, and refuses a retry without the form token', async () => {
    const id = await failedEmail('Hugo Hav', 'timeout');
    await signIn(ADMIN);
    await web.open('/admin/utskick?status=failed');
    const button = page.locator('tbody tr', { hasText: 'Hugo Hav' }).getByRole('button', { name: /^Försök igen/ });
    // Someone else sends it again first.
    await web.ctx.dataSource.query(`update notification set status = 'sent', sent_at = now() where id = $1`, [id]);
    const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
    await page.waitForLoadState();
    expect(post.status()).toBe(409);
    await expect(page.title()).resolves.toBe('Fel: Utskick – Samverka');
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Bara ett misslyckat utskick kan skickas igen');
    await web.expectAccessible();

    const other = await failedEmail('Ida Is', 'timeout');
    const cookies = await web.context.cookies(web.ctx.baseUrl);
    const res = await fetch(`${web.ctx.baseUrl}/admin/utskick/${other}/forsok-igen`, {
      method: 'POST',
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: '',
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(await statusOf(other)).toBe('failed');
  });

  it('is for admins only: a strategist gets no link and a 403 page, for the list and for one email', async () => {
    const id = await failedEmail('Jonas Jord', 'timeout');
    await signIn(STRATEGIST);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await expect(nav.getByRole('link', { name: 'Utskick' }).count()).resolves.toBe(0);
    const response = await web.open('/admin/utskick');
    expect(response.status()).toBe(403);
    await web.expectAccessible();
    expect((await web.open(`/admin/utskick/${id}`)).status()).toBe(403);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Jonas Jord');
  });

  it('opens an email to show what was sent: recipient, subject, status, the text part, the HTML part as text, and the calendar file', async () => {
    const app = web.ctx.app;
    await app.get(TransactionHost).run(() =>
      app.get(NotificationOutbox).enqueue(
        'round.launched',
        { name: 'Annika Åsberg', email: 'annika.asberg@malmo.example' },
        {
          roundTitle: 'Utvecklingsplan 2031',
          year: 2031,
          caseNumber: 'STK-2030-1',
          departmentName: 'Förskoleförvaltningen',
          kind: 'primary',
          needsDeadline: '2031-02-26',
          areas: ['Kontaktcenter'],
          roundUrl: `${web.ctx.baseUrl}/planomgangar/1`,
          needsUrl: `${web.ctx.baseUrl}/planomgangar/1/behov/2`,
          launchedBy: 'Erik Strand',
        },
        `web-e2e:opened:${Date.now()}`,
      ),
    );
    await signIn(ADMIN);
    await web.open('/admin/utskick?typ=round.launched');
    await expect(page.getByLabel('Typ').inputValue()).resolves.toBe('round.launched');
    await web.expectAccessible();
    await expect(horizontalOverflow(page, [320])).resolves.toEqual([]);
    await page.locator('tbody tr', { hasText: 'Annika Åsberg' }).first().getByRole('link').click();
    await page.waitForLoadState();
    expect(page.url()).toMatch(/\/admin\/utskick\/[0-9a-f-]{36}$/);
    const heading = (await page.getByRole('heading', { level: 1 }).textContent())!;
    expect(heading).toContain('Utvecklingsplan 2031');
    const facts = (await page.locator('.govuk-summary-list').textContent())!.replace(/\s+/g, ' ');
    expect(facts).toContain('Annika Åsberg <annika.asberg@malmo.example>');
    expect(facts).toContain('Väntar');
    expect(facts).toContain('Planomgången har startat');
    await expect(page.getByRole('region', { name: 'Textdelen' }).textContent()).resolves.toContain('Hej Annika!');
    const html = (await page.getByRole('region', { name: 'HTML-delen' }).textContent())!;
    expect(html).toContain('<html lang="sv">'); // shown as text, not run
    expect(await page.locator('main html, main iframe, main script').count()).toBe(0);
    await expect(page.getByRole('region', { name: /sista-dag-behov\.ics/ }).textContent()).resolves.toContain('METHOD:PUBLISH');
    await web.expectAccessible();
    await expect(horizontalOverflow(page, [320])).resolves.toEqual([]); // the smallest phone too
    await page.getByRole('link', { name: 'Alla utskick' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick`);
  });

  it('says so when an email cannot be shown, and answers an unknown email with a 404 page', async () => {
    const id = await failedEmail('Klara Kust', 'timeout'); // its data is empty: it fits no template
    await signIn(ADMIN);
    expect((await web.open(`/admin/utskick/${id}`)).status()).toBe(200);
    await expect(page.locator('main').textContent()).resolves.toContain('Innehållet kan inte visas');
    await expect(page.getByRole('button', { name: 'Försök igen' }).count()).resolves.toBe(1);
    await web.expectAccessible();
    expect((await web.open('/admin/utskick/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
  });

  it('filters by kind and status together, and pages a long list with the filter kept', async () => {
    await web.ctx.dataSource.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at)
       select 'needs.escalation', 'web-e2e:paged:' || i, 'chef@malmo.example', 'Chef ' || i, '{}'::jsonb, 'sent', 1, now() from generate_series(1, 51) i`,
    );
    await signIn(ADMIN);
    await web.open('/admin/utskick');
    await page.getByLabel('Status').selectOption({ label: 'Skickat' });
    await page.getByLabel('Typ').selectOption({ label: 'Förvaltningens behov saknas fem arbetsdagar efter sista dagen' });
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick?status=sent&typ=needs.escalation`);
    await expect(page.locator('caption').textContent()).resolves.toMatch(/^51 utskick: skickat, .*\(1–50 visas\)$/);
    await expect(page.locator('tbody tr').count()).resolves.toBe(50);
    const pages = page.getByRole('navigation', { name: 'Sidor med utskick' });
    await expect(pages.textContent()).resolves.toContain('Sida 1 av 2');
    await web.expectAccessible();
    await pages.getByRole('link', { name: 'Nästa sida' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick?status=sent&typ=needs.escalation&sida=2`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    await expect(pages.getByRole('link', { name: 'Nästa sida' }).count()).resolves.toBe(0);
    await web.expectAccessible();
    await pages.getByRole('link', { name: 'Föregående sida' }).click();
    await page.waitForLoadState();
    expect(page.url()).toBe(`${web.ctx.baseUrl}/admin/utskick?status=sent&typ=needs.escalation`);
  });
});
