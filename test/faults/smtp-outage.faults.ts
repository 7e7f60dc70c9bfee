import { eventually } from '../support/eventually';
import { DemoCity, demoCity, roundBody } from './demo-city';
import { Fleet, ServiceProcess } from './fleet';
import { call } from './http';
import { allSent, expectEachDeliveredOnce, outbox } from './mail-checks';

/** How long the SMTP server refuses (FAULTS_SMTP_OUTAGE_SECONDS; a minute by default, to fit the CI budget). */
const OUTAGE_SECONDS = Number(process.env.FAULTS_SMTP_OUTAGE_SECONDS ?? 60);
/** Retries after 1 s, doubling (MAIL_RETRY_BASE_SECONDS); enough attempts to outlast the outage (MAIL_MAX_ATTEMPTS). */
const RETRY_BASE_SECONDS = 1;
const MAX_ATTEMPTS = Math.ceil(Math.log2(OUTAGE_SECONDS / RETRY_BASE_SECONDS + 1)) + 3;

interface NotificationItem {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

/**
 * The SMTP server refusing for minutes, in three ways one after the other: "try again later" (451),
 * "transaction failed" (554), then not listening at all. Meanwhile the failures show in the admins'
 * list of emails; once it is back every email is delivered, exactly once.
 */
describe('faults: the SMTP server refusing for a while', () => {
  let fleet: Fleet;
  let api: ServiceProcess;
  let city: DemoCity;

  beforeAll(async () => {
    fleet = await Fleet.start({
      env: { WORKER_POLL_INTERVAL_MS: '200', MAIL_RETRY_BASE_SECONDS: String(RETRY_BASE_SECONDS), MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS) },
    });
    api = await fleet.startApi('api', { SEED_DEMO_DATA: 'true' });
    await fleet.startWorker('worker');
    city = await demoCity(api.baseUrl!);
    // The demo city's own emails are out before the outage.
    await allSent(fleet, '', 60_000);
  }, 300_000);
  afterAll(async () => {
    await fleet?.close();
  });

  const launchRound = async (year: number): Promise<string> => {
    const created = await call(api.baseUrl!, 'POST', '/api/v1/rounds', { token: city.strategistToken, body: roundBody(`Planomgång under SMTP-avbrott ${year}`, year) });
    expect(created.status).toBe(201);
    const launched = await call(api.baseUrl!, 'POST', `/api/v1/rounds/${created.body.id}/events`, { token: city.strategistToken, body: { type: 'LAUNCH' }, headers: { 'if-match': created.etag! } });
    expect(launched.status).toBe(200);
    return created.body.id as string;
  };
  /** The admins' list of emails (GET /api/v1/admin/notifications), as an admin sees it. */
  const adminList = async (status: string): Promise<NotificationItem[]> => {
    const res = await call(api.baseUrl!, 'GET', `/api/v1/admin/notifications?status=${status}&limit=200`, { token: city.adminToken });
    if (res.status !== 200) throw new Error(`admin list: ${res.status}`);
    return res.body.items as NotificationItem[];
  };

  it(`retries through a ${OUTAGE_SECONDS} s outage, shows the failures meanwhile, and delivers every email once when it is back`, async () => {
    const smtp = fleet.smtp;
    const receivedBefore = smtp.received.length;
    const started = Date.now();
    const phaseEnd = (n: number) => started + (OUTAGE_SECONDS * 1000 * n) / 3;
    const refusedBefore = smtp.refused;

    // 1. "Try again later" (451) for every message; meanwhile a round is launched (its emails queued in the step's transaction).
    smtp.refuseAll(451, 'Tillfälligt fel, försök igen senare');
    const first = await launchRound(2031);
    await eventually('a third of the outage past, the emails refused', async () => ({ past: Date.now() >= phaseEnd(1), refused: smtp.refused - refusedBefore }), (s) => s.past && s.refused > 0, OUTAGE_SECONDS * 1000);

    // The admins see the emails waiting, with the server's answer and more than one attempt: retried, not given up.
    const waiting = await adminList('pending');
    const launchEmails = (await outbox(fleet, `round.launched:${first}:`)).map((r) => r.id);
    expect(launchEmails.length).toBeGreaterThan(0);
    const shown = waiting.filter((n) => launchEmails.includes(n.id));
    expect(shown).toHaveLength(launchEmails.length);
    expect(shown.every((n) => /451/.test(n.lastError ?? '') && n.attempts >= 2)).toBe(true);
    expect(await adminList('failed')).toEqual([]);

    // 2. Permanent-looking refusals (554) for the next third; a second round is launched meanwhile.
    smtp.refuseAll(554, 'Transaktionen misslyckades');
    const refused554 = smtp.refused;
    const second = await launchRound(2032);
    await eventually('two thirds of the outage past', async () => ({ past: Date.now() >= phaseEnd(2), refused: smtp.refused - refused554 }), (s) => s.past && s.refused > 0, OUTAGE_SECONDS * 1000);
    expect((await adminList('pending')).some((n) => /554/.test(n.lastError ?? ''))).toBe(true);

    // 3. Not listening at all for the last third.
    await smtp.stop();
    await eventually(
      'the outage over, the worker refused a connection',
      async () => ({ past: Date.now() >= phaseEnd(3), refusedConnection: (await adminList('pending')).some((n) => /ECONNREFUSED/.test(n.lastError ?? '')) }),
      (s) => s.past && s.refusedConnection,
      OUTAGE_SECONDS * 1000,
    );
    expect(await adminList('failed')).toEqual([]);
    expect(smtp.received.length).toBe(receivedBefore);

    // It is back: everything queued before and during the outage arrives, once.
    smtp.acceptAgain();
    await smtp.restart();
    const back = Date.now();
    const rows = await allSent(fleet, '', OUTAGE_SECONDS * 2000 + 30_000);
    const deliveredIn = Date.now() - back;
    expect(expectEachDeliveredOnce(fleet, rows)).toBe(rows.length);
    const outageRows = rows.filter((r) => r.dedup_key.includes(first) || r.dedup_key.includes(second));
    expect(outageRows.length).toBeGreaterThan(launchEmails.length);
    expect(outageRows.every((r) => r.attempts >= 2 && r.last_error === null)).toBe(true);
    expect(await adminList('failed')).toEqual([]);

    process.stdout.write(
      `[faults] SMTP outage of ${OUTAGE_SECONDS} s (451, 554, port closed): ${outageRows.length} emails queued meanwhile, ${smtp.refused - refusedBefore} refusals, ` +
        `attempts up to ${Math.max(...outageRows.map((r) => r.attempts))}, all delivered once ${deliveredIn} ms after it returned\n`,
    );
  }, OUTAGE_SECONDS * 3000 + 120_000);
});
