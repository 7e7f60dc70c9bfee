import { Inject, Injectable } from '@nestjs/common';
import { SAMVERKA_CONFIG, SamverkaConfig } from '@samverka/config';
import { DatabaseNotifications, PRINCIPAL_CHANGED } from '@samverka/database';
import { Principal } from '../principal';

export { PRINCIPAL_CHANGED };

export interface CachedPrincipal {
  principal: Principal;
  expiresAt: number;
  /** When the session was last seen as far as this process knows (ms). */
  lastSeenAt: number;
  /** The city day the coordinator reach was read for: a new day reads it again. */
  day: string;
  /** When this process cached it (monotonic ms). */
  cachedAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Signed-in callers' principals, per token hash, for a short time (`PRINCIPAL_CACHE_SECONDS`), so a
 * request in the steady state sends no statement to find out who is asking. Dropped whole, in every
 * process, on any change to the inputs (PostgreSQL NOTIFY from triggers, delivered at commit), and
 * whenever the listening connection is lost; while not listening, nothing is cached or served.
 * A read that started before a drop is not cached after it (the generation).
 */
@Injectable()
export class PrincipalCache {
  private readonly entries = new Map<string, CachedPrincipal>();
  private readonly ttlMs: number;
  private generationNo = 0;
  private subscribed = false;

  constructor(
    private readonly notifications: DatabaseNotifications,
    @Inject(SAMVERKA_CONFIG) config: SamverkaConfig,
  ) {
    this.ttlMs = config.identity.principalCacheSeconds * 1000;
  }

  /** Caching is on and the process hears every change. Subscribes on first use (a process that never asks opens no connection). */
  get enabled(): boolean {
    if (this.ttlMs === 0) return false;
    if (!this.subscribed) {
      this.subscribed = true;
      this.notifications.subscribe(PRINCIPAL_CHANGED, { onNotify: () => this.clear(), onLost: () => this.clear() });
    }
    return this.notifications.live;
  }

  get generation(): number {
    return this.generationNo;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, day: string): CachedPrincipal | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.day !== day || performance.now() - entry.cachedAt > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Keeps `entry` unless something changed since `generation` was read (then the read may be stale). */
  set(key: string, entry: Omit<CachedPrincipal, 'cachedAt'>, generation: number): void {
    if (!this.enabled || generation !== this.generationNo) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { ...entry, cachedAt: performance.now() });
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.generationNo++;
    this.entries.clear();
  }

  /**
   * After a change this process committed (a sign-out, a disabled user, a revoked role): resolves once
   * every listening process has heard it, and so has dropped what it cached (DatabaseNotifications.barrier).
   */
  async settled(): Promise<void> {
    this.clear();
    if (this.ttlMs > 0 && this.subscribed) await this.notifications.barrier(PRINCIPAL_CHANGED);
  }
}
