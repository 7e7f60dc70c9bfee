import { eventually } from '../support/eventually';
import { Fleet } from './fleet';
import { allSent, expectEachDeliveredOnce, outbox, queueAlerts } from './mail-checks';

const EMAILS = 60;
/** How long a worker holds an email it is sending; the emails of a killed worker are taken again after it. */
const LEASE_SECONDS = 5;

/**
 * The worker killed with SIGKILL in the middle of a batch (no shutdown hooks: its claimed emails stay
 * leased), then started again: every email is delivered, none twice.
 */
describe('faults: the worker killed mid-batch', () => {
  let fleet: Fleet;

  beforeAll(async () => {
    fleet = await Fleet.start({ env: { MAIL_LEASE_SECONDS: String(LEASE_SECONDS), WORKER_POLL_INTERVAL_MS: '200' } });
    await fleet.migrate();
  }, 300_000);
  afterAll(async () => {
    fleet?.smtp.release();
    await fleet?.close();
  });

  it('delivers every email exactly once after a SIGKILL while sending and a restart', async () => {
    await queueAlerts(fleet, 'faults:kill', EMAILS);
    const first = await fleet.startWorker('worker-1');

    // Let part of the batch through, then hold the next answer: the worker waits in the middle of a send.
    await fleet.smtp.waitFor(7, 60_000);
    fleet.smtp.hold();
    await eventually('a send waiting for the SMTP server', async () => fleet.smtp.heldMessages.total, (n) => n >= 1);
    await first.kill('SIGKILL');
    expect(first.signal).toBe('SIGKILL');

    // It died holding a batch: emails claimed (leased) and not sent, besides the one on the wire.
    const claimed = await outbox(fleet, 'faults:kill');
    const sentBeforeKill = claimed.filter((r) => r.status === 'sent').length;
    expect(claimed.filter((r) => r.status === 'sending').length).toBeGreaterThanOrEqual(2);
    expect(sentBeforeKill).toBeGreaterThanOrEqual(7);
    expect(sentBeforeKill).toBeLessThan(EMAILS);
    // The SMTP server never answered the message on the wire; its connection is gone, so it keeps nothing of it.
    await eventually('the killed worker’s connection closed', async () => fleet.smtp.heldMessages, (h) => h.connectionClosed === h.total);
    fleet.smtp.release();
    await eventually('the unanswered message dropped', async () => fleet.smtp.abandoned, (n) => n >= 1);
    expect(fleet.smtp.received).toHaveLength(sentBeforeKill);

    const second = await fleet.startWorker('worker-2');
    const rows = await allSent(fleet, 'faults:kill', 90_000);
    expect(rows).toHaveLength(EMAILS);
    expect(expectEachDeliveredOnce(fleet, rows)).toBe(EMAILS);
    expect(fleet.smtp.received).toHaveLength(EMAILS);
    // The emails the killed worker held were sent by the new one after their lease ran out (a second attempt).
    expect(rows.filter((r) => r.attempts === 2).length).toBeGreaterThanOrEqual(2);
    expect(second.running).toBe(true);

    process.stdout.write(
      `[faults] worker killed: ${EMAILS} emails, ${sentBeforeKill} sent before the SIGKILL, ${rows.filter((r) => r.attempts === 2).length} taken again after the lease, each delivered once\n`,
    );
  }, 300_000);
});
