import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@samverka/config';
import { NotificationPreferenceService, UserAdminService } from '@samverka/identity';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page, Response } from 'playwright-core';
import { Schedules } from '../../apps/worker/src/schedules';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { eventually } from '../support/eventually';
import { Given } from '../support/given';
import { TestSmtpServer } from '../support/smtp';
import { createTestDatabase } from '../support/test-database';
import { DEMO_USER, webSuite } from '../support/web-suite';

const { management: MANAGEMENT, coordinator: COORDINATOR } = DEMO_USER;

/** Status digests (lägesrapporter): the preview over the API, the settings page in Chromium (JavaScript off, axe), and the email through the worker over SMTP. */
describe('status digests: the preview and the settings page', () => {
  const web = webSuite();
  let page: Page;
  beforeEach(() => {
    page = web.page;
  });

  beforeAll(async () => {
    // Förskoleförvaltningen (the demo manager's) takes part in a round that collects needs: it owes them.
    await web.ctx.given.roundInCollectingNeeds({ participantDepartmentIds: [web.departmentId('Förskoleförvaltningen')] });
  });

  it('previews a manager’s next digest with their own department only, and an empty one for anyone else', async () => {
    const manager = await web.ctx.as([{ role: 'management', departmentId: web.departmentId('Förskoleförvaltningen') }]);
    const res = await manager.api('GET', '/api/v1/me/digest/preview');
    expect(res.status).toBe(200);
    expect(res.body.empty).toBe(false);
    expect(res.body.sections.departments.map((d: { name: string }) => d.name)).toEqual(['Förskoleförvaltningen']);
    expect(res.body.sections.departments[0].rounds[0]).toMatchObject({ phaseLabel: 'Behovsinsamling', owed: { shown: [expect.objectContaining({ text: 'Lämna in förvaltningens behov', overdue: false })], more: 0 } });
    expect(res.body.sections.city.coverage.total).toBeGreaterThan(0);

    const nobody = await web.ctx.as('nobody');
    const empty = await nobody.api('GET', '/api/v1/me/digest/preview');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ empty: true, sections: { since: expect.any(String), until: expect.any(String), departments: [], city: { coverage: { covered: 0, total: 0 }, rounds: [] } } });
  });

  it('shows the manager their frequency (biweekly by default) and the preview, and saves another choice', async () => {
    await web.signIn(MANAGEMENT);
    await web.open('/installningar/aviseringar');
    await expect(page.title()).resolves.toBe('Lägesrapporter och e-post – Samverka');
    expect(await page.getByLabel('Varannan vecka').isChecked()).toBe(true);
    await expect(page.getByRole('heading', { name: 'Nästa lägesrapport' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Lämna in förvaltningens behov' }).count()).resolves.toBe(1);
    await expect(page.locator('table caption').textContent()).resolves.toBe('Planomgångar i hela staden');
    await web.expectAccessible();

    await page.getByLabel('Varje vecka').check();
    const [post] = (await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Spara', exact: true }).click()])) as [Response, unknown];
    await page.waitForLoadState();
    expect(post.status()).toBe(303);
    expect(page.url()).toBe(`${web.ctx.baseUrl}/installningar/aviseringar?sparat=1`);
    await expect(page.locator('.govuk-notification-banner--success').textContent()).resolves.toContain('Sparat: varje vecka.');
    expect(await page.getByLabel('Varje vecka').isChecked()).toBe(true);
    const [{ id }] = (await web.ctx.app.get(UserAdminService).list({ email: MANAGEMENT })).map((u) => u.user);
    expect((await web.ctx.app.get(NotificationPreferenceService).get(id)).digestFrequency).toBe('weekly');
    await web.expectAccessible();
  });

  it('tells a user without a management role that no digest goes to them', async () => {
    await web.signIn(COORDINATOR);
    await web.open('/installningar/aviseringar');
    await expect(page.locator('main').textContent()).resolves.toContain('Du ingår inte i någon förvaltningsledning');
    await expect(page.getByRole('table').count()).resolves.toBe(0);
    await web.expectAccessible();
  });
});

describe('status digests: the worker sends a due digest over SMTP, once', () => {
  let smtp: TestSmtpServer;
  let db: { url: string; drop(): Promise<void> };
  let worker: INestApplicationContext;
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-digest-e2e-'));

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SMTP_URL: smtp.url, PUBLIC_URL: 'https://samverka.malmo.example', WORKER_POLL_INTERVAL_MS: '100' });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, db.url), { logger: false });
  });
  afterAll(async () => {
    await worker?.close();
    await smtp?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('emails the manager of a department that owes its needs (the latest scheduled run is due: no digest yet), and not again', async () => {
    const given = new Given(worker);
    const department = await given.department({ name: 'Stadsbyggnadsförvaltningen' });
    const manager = await given.user({ name: 'Örjan Åkesson', roles: [{ role: 'management', departmentId: department.id }] });
    await given.roundInCollectingNeeds({ participantDepartmentIds: [department.id] });

    const first = (await worker.get(Schedules).runNow('status-digests')) as { due: number; queued: number };
    expect(first).toEqual({ due: 1, queued: 1 });
    const digests = () => smtp.received.filter((m) => m.to.includes(manager.email) && (m.parsed.subject ?? '').startsWith('Lägesrapport'));
    const [mail] = await eventually('the digest at the SMTP server', async () => digests(), (found) => found.length === 1);
    expect(mail.parsed.subject).toMatch(/^Lägesrapport .*: 1 att göra; inga nya rapporter$/);
    expect(mail.parsed.text).toContain('Hej Örjan!');
    expect(mail.parsed.text).toContain('== Stadsbyggnadsförvaltningen ==');
    expect(mail.parsed.text).toContain('- Lämna in förvaltningens behov, senast');
    expect(mail.parsed.text).toContain('== Hela staden ==');
    expect(mail.parsed.html).toContain('href="https://samverka.malmo.example/installningar/aviseringar"');
    // The launch's phase-change email carries the same sections: one email for the phase change, not two.
    const phase = await eventually('the phase-change email', async () => smtp.received.filter((m) => m.to.includes(manager.email) && (m.parsed.subject ?? '').includes('nu i fasen')), (found) => found.length === 1);
    expect(phase[0].parsed.text).toContain('Lägesrapport vid fasbytet:');

    expect(await worker.get(Schedules).runNow('status-digests')).toEqual({ due: 0, queued: 0 });
    expect(digests()).toHaveLength(1);
  });
});
