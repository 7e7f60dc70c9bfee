import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';

export interface NotificationSubscriber {
  /** A notification arrived on the channel (barriers are not passed on). */
  onNotify(payload: string | undefined): void;
  /** The listening connection dropped or (re)connected: notifications may have been missed meanwhile. */
  onLost(): void;
}

/**
 * The channel the database's triggers notify when anything a signed-in caller's principal is made of
 * changes (a session, a user, a person, a role grant, a coordinator assignment): identity's cache listens.
 */
export const PRINCIPAL_CHANGED = 'principal_changed';

const BARRIER_PREFIX = 'barrier:';
const ACK_PREFIX = 'ack:';
/** Every process's listening connection has this name, so a barrier can count them. */
const LISTENER_NAME = 'samverka-listen';

interface PendingBarrier {
  /** Listening processes (this one included) that have handled everything up to the barrier. */
  acknowledged: number;
  /** Listening connections on the database when the barrier was sent. */
  expected: number;
  release(): void;
}
const BARRIER_TIMEOUT_MS = 2_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * PostgreSQL LISTEN/NOTIFY for this process: one dedicated connection (not from the pool), opened on
 * the first subscription, so a process that subscribes to nothing opens nothing. A notification is
 * delivered at its transaction's commit to every listening process. When the connection drops,
 * subscribers hear `onLost` (they must stop trusting what they cached) and it reconnects with backoff;
 * `live` is true only while listening.
 */
@Injectable()
export class DatabaseNotifications implements OnModuleDestroy {
  private readonly logger = new Logger('DatabaseNotifications');
  private readonly subscribers = new Map<string, Set<NotificationSubscriber>>();
  private readonly barriers = new Map<string, PendingBarrier>();
  private client: Client | null = null;
  private starting: Promise<void> | null = null;
  private listening = false;
  private closed = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** True while notifications are being received: what a subscriber cached since is trustworthy. */
  get live(): boolean {
    return this.listening;
  }

  subscribe(channel: string, subscriber: NotificationSubscriber): void {
    let set = this.subscribers.get(channel);
    if (!set) this.subscribers.set(channel, (set = new Set()));
    set.add(subscriber);
    if (this.listening && this.client) {
      // A channel added later: listen to it too (until then its subscriber holds nothing).
      this.client.query(`listen ${quoteIdentifier(channel)}`).catch((e: unknown) => this.lost(e));
    } else {
      this.start();
    }
  }

  /**
   * Resolves once every listening process (this one included) has handled every notification committed
   * on `channel` before this call: it notifies a barrier of its own; each other listener, having handled
   * everything before it (notifications arrive in commit order), answers with an acknowledgement, and
   * this waits for as many as there are listening connections on the database (bounded: a process that
   * stopped answering holds nothing up for longer than a couple of seconds, and is logged).
   * Not listening itself: resolves at once (its subscribers hold nothing then).
   */
  async barrier(channel: string): Promise<void> {
    const client = this.client;
    if (!this.listening || !client) return;
    const id = randomUUID();
    const pending: PendingBarrier = { acknowledged: 0, expected: Number.POSITIVE_INFINITY, release: () => undefined };
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.barriers.delete(id);
        this.logger.warn(`barrier on ${channel}: ${pending.acknowledged} of ${pending.expected} listening processes answered within ${BARRIER_TIMEOUT_MS} ms`);
        resolve();
      }, BARRIER_TIMEOUT_MS);
      pending.release = () => {
        clearTimeout(timer);
        this.barriers.delete(id);
        resolve();
      };
    });
    this.barriers.set(id, pending);
    try {
      const { rows } = await client.query<{ listeners: number }>(
        `select pg_notify($1, $2), (select count(*)::int from pg_stat_activity where datname = current_database() and application_name = $3) as listeners`,
        [channel, BARRIER_PREFIX + id, LISTENER_NAME],
      );
      pending.expected = rows[0].listeners;
      if (pending.acknowledged >= pending.expected) pending.release();
    } catch (e) {
      pending.release();
      this.lost(e);
    }
    await done;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listening = false;
    for (const pending of this.barriers.values()) pending.release();
    const client = this.client;
    this.client = null;
    await this.starting?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private start(): void {
    if (this.starting || this.client || this.closed) return;
    this.starting = this.connect().finally(() => {
      this.starting = null;
    });
  }

  private async connect(): Promise<void> {
    const options = this.dataSource.options as { url?: string; extra?: { connectionTimeoutMillis?: number } };
    const client = new Client({
      connectionString: options.url,
      application_name: LISTENER_NAME,
      keepAlive: true,
      connectionTimeoutMillis: options.extra?.connectionTimeoutMillis ?? 10_000,
    });
    client.on('notification', (n) => this.deliver(n));
    client.on('error', (e) => this.lost(e, client));
    client.on('end', () => this.lost(undefined, client));
    this.client = client;
    try {
      await client.connect();
      for (const channel of this.subscribers.keys()) await client.query(`listen ${quoteIdentifier(channel)}`);
      if (this.closed || this.client !== client) {
        await client.end().catch(() => undefined);
        return;
      }
      this.listening = true;
      this.retryMs = RECONNECT_MIN_MS;
      // Whatever was cached before this connection listened may have missed a notification.
      this.tellLost();
    } catch (e) {
      this.lost(e, client);
    }
  }

  private deliver(n: Notification): void {
    const payload = n.payload ?? '';
    if (payload.startsWith(BARRIER_PREFIX)) {
      const id = payload.slice(BARRIER_PREFIX.length);
      const own = this.barriers.get(id);
      if (own) this.acknowledge(own);
      // Another process's barrier: everything before it has been handled here; say so.
      else this.client?.query('select pg_notify($1, $2)', [n.channel, ACK_PREFIX + id]).catch((e: unknown) => this.lost(e));
      return;
    }
    if (payload.startsWith(ACK_PREFIX)) {
      const own = this.barriers.get(payload.slice(ACK_PREFIX.length));
      if (own) this.acknowledge(own);
      return;
    }
    for (const subscriber of this.subscribers.get(n.channel) ?? []) subscriber.onNotify(n.payload);
  }

  private acknowledge(pending: PendingBarrier): void {
    pending.acknowledged++;
    if (pending.acknowledged >= pending.expected) pending.release();
  }

  private lost(error: unknown, client: Client | null = this.client): void {
    if (client !== this.client || !client) return;
    this.client = null;
    this.listening = false;
    this.tellLost();
    client.end().catch(() => undefined);
    if (this.closed) return;
    this.logger.warn(`listening connection lost${error ? `: ${(error as Error).message ?? String(error)}` : ''}; reconnecting in ${this.retryMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }

  private tellLost(): void {
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.onLost();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
