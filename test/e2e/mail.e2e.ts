import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@samverka/config';
import { TransactionHost } from '@samverka/database';
import { NotificationEntity, NotificationKind, NotificationKinds, NotificationOutbox, Recipient } from '@samverka/notifications';
import { AddressObject } from 'mailparser';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domainToUnicode } from 'node:url';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MailWorker } from '../../apps/worker/src/mail-worker';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { checkedCalendarFilesOf } from '../support/calendar-checks';
import { TestSmtpServer } from '../support/smtp';
import { createTestDatabase } from '../support/test-database';

/**
 * The worker app (same module as `npm run start:worker`) against a real SMTP
 * server: what arrives, and that every email arrives exactly once with two
 * workers racing, and when a worker is stopped in the middle of a batch.
 */
describe('the worker sends queued emails over SMTP', () => {
  let smtp: TestSmtpServer;
  let db: { url: string; drop(): Promise<void> };
  const dataDir = mkdtempSync(join(tmpdir(), 'samverka-mail-e2e-'));
  const workers = new Set<INestApplicationContext>();

  const startWorker = async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://samverka.malmo.example',
      WORKER_POLL_INTERVAL_MS: '100',
    });
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, db.url), { logger: false });
    workers.add(app);
    return app;
  };
  const stopWorker = async (app: INestApplicationContext) => {
    workers.delete(app);
    await app.close();
  };

  beforeAll(async () => {
    smtp = await TestSmtpServer.start();
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const app of [...workers]) await stopWorker(app);
    smtp.answerAfter(0);
    // Every calendar file sent so far parses (ical.js) and follows RFC 5545 and 6047.
    for (const mail of smtp.received) checkedCalendarFilesOf(mail.parsed);
  });
  afterAll(async () => {
    await smtp?.stop();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const enqueue = <K extends NotificationKind>(app: INestApplicationContext, kind: K, recipient: Recipient, data: NotificationKinds[K], key: string) =>
    app.get(TransactionHost).run(() => app.get(NotificationOutbox).enqueue(kind, recipient, data, key));
  const alert = (i: number): NotificationKinds['department.lacks_coordinator'] => ({
    departmentName: `Förvaltning ${i}`,
    since: '2026-02-20',
    daysOpen: 0,
    reminder: false,
    departmentUrl: `https://samverka.malmo.example/forvaltningar/${i}`,
  });
  const rows = (app: INestApplicationContext, prefix: string) =>
    app
      .get(DataSource)
      .getRepository<NotificationEntity>('NotificationEntity')
      .createQueryBuilder('n')
      .where('n.dedup_key like :p', { p: `${prefix}%` })
      .getMany();

  it('delivers the appointment email: recipient, subject, Swedish text and HTML, calendar attachment, stable Message-ID', async () => {
    const worker = await startWorker();
    const before = smtp.received.length;
    await enqueue(
      worker,
      'coordinator.appointed',
      { name: 'Örjan Åkesson', email: 'orjan.akesson@malmö.example' },
      {
        departmentName: 'Miljöförvaltningen',
        kind: 'primary',
        mandate: 'Företräda förvaltningen i samarbetsprocessen.',
        responsibilities: ['Lyssna in förvaltningens strategiska behov'],
        validFrom: '2026-04-01',
        validTo: null,
        acknowledgeUrl: 'https://samverka.malmo.example/uppdrag/1',
        appointedBy: 'Åsa Öberg',
        round: null,
      },
      'e2e:appointed',
    );
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    const row = await until(async () => (await rows(worker, 'e2e:appointed')).find((r) => r.status === 'sent'));

    // The domain may travel in its IDNA form (xn--malm-8qa); either way it is malmö.
    const unicode = (address: string) => address.replace(/@(.+)$/, (_, domain: string) => `@${domainToUnicode(domain)}`);
    expect(mail.to.map(unicode)).toEqual(['orjan.akesson@malmö.example']);
    expect(mail.parsed.to).toMatchObject({ value: [{ name: 'Örjan Åkesson' }] });
    expect(unicode((mail.parsed.to as AddressObject).value[0].address!)).toBe('orjan.akesson@malmö.example');
    expect(mail.parsed.subject).toBe('Du är utsedd till samordnare för medborgarservice på Miljöförvaltningen');
    expect(mail.parsed.text).toContain('Hej Örjan!');
    expect(mail.parsed.text).toContain('Åsa Öberg har utsett dig till samordnare för medborgarservice på Miljöförvaltningen.');
    expect(mail.parsed.text).toContain('Giltighet: från 1 april 2026, tills vidare.');
    expect(mail.parsed.html).toContain('<html lang="sv">');
    expect(mail.parsed.html).toContain('<strong>samordnare för medborgarservice</strong> på Miljöförvaltningen');
    expect(mail.parsed.html).toContain('href="https://samverka.malmo.example/uppdrag/1"');
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    expect(mail.parsed.attachments).toHaveLength(1);
    const ics = mail.parsed.attachments[0];
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.filename).toMatch(/\.ics$/);
    expect(checkedCalendarFilesOf(mail.parsed)).toEqual([
      expect.objectContaining({
        method: 'PUBLISH',
        start: '2026-04-01',
        end: '2026-04-02',
        summary: 'Uppdraget som samordnare för medborgarservice börjar',
        url: 'https://samverka.malmo.example/uppdrag/1',
        organizer: 'mailto:noreply@samverka.invalid',
      }),
    ]);

    expect(mail.parsed.messageId).toBe(`<${row.id}@samverka.malmo.example>`);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, messageId: mail.parsed.messageId });
  });

  it('delivers a launched round’s needs deadline as a calendar event linking to the department’s needs page', async () => {
    const worker = await startWorker();
    const before = smtp.received.length;
    await enqueue(
      worker,
      'round.launched',
      { name: 'Annika Åsberg', email: 'annika.asberg@malmo.example' },
      {
        roundTitle: 'Utvecklingsplan 2027',
        year: 2027,
        caseNumber: 'STK-2026-1400',
        departmentName: 'Förskoleförvaltningen',
        kind: 'primary',
        needsDeadline: '2027-02-26',
        areas: ['Kontaktcenter'],
        roundUrl: 'https://samverka.malmo.example/planomgangar/7',
        needsUrl: 'https://samverka.malmo.example/planomgangar/7/behov/3',
        launchedBy: 'Erik Strand',
      },
      'e2e:launched',
    );
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.parsed.attachments.map((a) => a.headers.get('content-type'))).toEqual([
      expect.objectContaining({ value: 'text/calendar', params: expect.objectContaining({ method: 'PUBLISH' }) }),
    ]);
    expect(checkedCalendarFilesOf(mail.parsed)).toEqual([
      expect.objectContaining({ start: '2027-02-26', end: '2027-02-27', url: 'https://samverka.malmo.example/planomgangar/7/behov/3' }),
    ]);
  });

  it('delivers each of 50 emails exactly once with two workers running at once', async () => {
    const [a, b] = await Promise.all([startWorker(), startWorker()]);
    expect(a.get(MailWorker).workerId).not.toBe(b.get(MailWorker).workerId);
    smtp.answerAfter(5); // slow enough that both workers have batches in flight together
    const before = smtp.received.length;
    await Promise.all(Array.from({ length: 50 }, (_, i) => enqueue(i % 2 ? a : b, 'department.lacks_coordinator', { name: 'Märta Chef', email: `chef${i}@malmo.example` }, alert(i), `e2e:race:${i}`)));

    await smtp.waitFor(before + 50, 30_000);
    // A row is marked sent only after its SMTP transaction ends: once every row is sent, no send is in
    // flight, so a duplicate, if any, has arrived by then.
    const sent = await until(async () => {
      const all = await rows(a, 'e2e:race:');
      return all.every((r) => r.status === 'sent') ? all : undefined;
    });
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(50);
    expect(new Set(got.map((m) => m.parsed.messageId))).toEqual(new Set(sent.map((r) => r.messageId)));
    expect(sent.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(sent.map((r) => r.dedupKey)).size).toBe(50);
  });

  /** The statuses of the emails under a key prefix, read with a connection of the test's own (no worker running). */
  const statusesOf = async (prefix: string): Promise<string[]> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<{ status: string }>('select status from notification where dedup_key like $1', [`${prefix}%`])).rows.map((r) => r.status);
    } finally {
      await client.end();
    }
  };

  it('finishes the batch in progress when stopped, and a restarted worker sends the rest: nothing lost, nothing twice', async () => {
    const first = await startWorker();
    smtp.answerAfter(40);
    const before = smtp.received.length;
    await Promise.all(Array.from({ length: 45 }, (_, i) => enqueue(first, 'department.lacks_coordinator', { name: 'Märta Chef', email: `stopp${i}@malmo.example` }, alert(i), `e2e:stop:${i}`)));
    await smtp.waitFor(before + 3);
    await stopWorker(first); // SIGTERM does this: waits for the batch in progress

    const afterStop = smtp.received.length - before;
    expect(afterStop).toBeLessThan(45); // stopped in the middle
    // The stopped worker left nothing claimed: every email is sent or still waiting, none held by a lease
    // (read before the next worker starts: its mail loop claims a batch at once).
    const left = await statusesOf('e2e:stop:');
    expect(left.filter((status) => status === 'sending')).toEqual([]);
    expect(left.filter((status) => status === 'sent')).toHaveLength(afterStop);
    const reader = await startWorker();

    await smtp.waitFor(before + 45, 30_000);
    // Every row sent: no send in flight, so a duplicate, if any, has arrived by then.
    await until(async () => ((await rows(reader, 'e2e:stop:')).every((r) => r.status === 'sent') ? true : undefined));
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(45);
    expect(new Set(got.map((m) => m.parsed.messageId)).size).toBe(45);
  });
});

/** Polls until `probe` gives a value (the worker records acceptance just after the SMTP server has answered). */
async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}
