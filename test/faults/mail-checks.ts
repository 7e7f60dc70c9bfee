import { eventually } from '../support/eventually';
import { Fleet } from './fleet';

/** The host part of every Message-ID (PUBLIC_URL's host): `<notification id@host>`. */
export const MESSAGE_ID_HOST = 'samverka.malmo.example';

export interface OutboxRow {
  id: string;
  kind: string;
  dedup_key: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
}

/** Queues `count` alert emails straight into the outbox (as a write of the API would, in its transaction), keys `<prefix>:<i>`. */
export async function queueAlerts(fleet: Fleet, prefix: string, count: number): Promise<void> {
  await fleet.sql((c) =>
    c.query(
      `insert into notification (kind, dedup_key, recipient_email, recipient_name, data, status, attempts, next_attempt_at)
       select 'department.lacks_coordinator', $1 || ':' || i, 'chef' || i || '@malmo.example', 'Märta Chef',
              jsonb_build_object('departmentName', 'Förvaltning ' || i, 'since', '2026-02-20', 'daysOpen', 3, 'reminder', false,
                                 'departmentUrl', 'https://samverka.malmo.example/forvaltningar/' || i),
              'pending', 0, now()
         from generate_series(1, $2::int) i`,
      [prefix, count],
    ),
  );
}

/** The outbox rows (all, or those whose key starts with `prefix`). */
export function outbox(fleet: Fleet, prefix = ''): Promise<OutboxRow[]> {
  return fleet.sql(async (c) => (await c.query<OutboxRow>(`select id, kind, dedup_key, status, attempts, last_error, message_id from notification where dedup_key like $1 || '%' order by dedup_key`, [prefix])).rows);
}

/**
 * Waits until every outbox row (under `prefix`) is sent (a row is marked sent only after its SMTP
 * transaction ended, so no send is in flight then), and returns the rows. Fails if one ends failed.
 */
export async function allSent(fleet: Fleet, prefix = '', timeoutMs = 60_000): Promise<OutboxRow[]> {
  return eventually(
    `every email${prefix ? ` under ${prefix}` : ''} sent`,
    async () => {
      const rows = await outbox(fleet, prefix);
      const failed = rows.filter((r) => r.status === 'failed');
      if (failed.length) throw new Error(`failed for good: ${JSON.stringify(failed)}`);
      return rows;
    },
    (rows) => rows.length > 0 && rows.every((r) => r.status === 'sent'),
    timeoutMs,
  );
}

/**
 * What the recipients would notice: each of these emails arrived at the SMTP server exactly once
 * (by its Message-ID, which the worker derives from the row), and nothing else arrived twice.
 * Returns how many messages the SMTP server holds for these rows.
 */
export function expectEachDeliveredOnce(fleet: Fleet, rows: OutboxRow[]): number {
  const arrived = new Map<string, number>();
  for (const m of fleet.smtp.received) arrived.set(m.parsed.messageId ?? '', (arrived.get(m.parsed.messageId ?? '') ?? 0) + 1);
  const twice = [...arrived].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  const missing = rows.filter((r) => arrived.get(`<${r.id}@${MESSAGE_ID_HOST}>`) !== 1);
  expect(missing).toEqual([]);
  expect(rows.every((r) => r.message_id === `<${r.id}@${MESSAGE_ID_HOST}>`)).toBe(true);
  return rows.filter((r) => arrived.has(`<${r.id}@${MESSAGE_ID_HOST}>`)).length;
}
