import { Injectable } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyInstance } from 'fastify';

/** How long a database found up stays the liveness answer (a load balancer asking many times a second costs one ping). */
export const LIVENESS_UP_FOR_MS = 1_000;
/** Terminus's header on its answers (`@HealthCheck({ noCache: true })`), on the fast path too. */
const NO_CACHE = 'no-cache, no-store, must-revalidate';

/**
 * Liveness: the process answers and the database is up. The database is pinged at most once a second
 * while it is up (concurrent requests share the ping); a ping that fails is never reused, so the next
 * request pings again and the answer turns 200 as soon as the database is back.
 */
@Injectable()
export class Liveness {
  /** The last check that found the database up, and when (monotonic ms). */
  private lastUp: { at: number; result: HealthCheckResult; body: string } | null = null;
  /** The check running now: callers meanwhile share it. */
  private running: Promise<HealthCheckResult> | null = null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  /** The answer of a check that found the database up within the last second, or null (then ask `check`). */
  fresh(): { result: HealthCheckResult; body: string } | null {
    return this.lastUp && performance.now() - this.lastUp.at < LIVENESS_UP_FOR_MS ? this.lastUp : null;
  }

  check(): Promise<HealthCheckResult> {
    const fresh = this.fresh();
    if (fresh) return Promise.resolve(fresh.result);
    this.running ??= this.health
      .check([() => this.db.pingCheck('database', { timeout: 3000 })])
      .then((result) => {
        this.lastUp = { at: performance.now(), result, body: JSON.stringify(result) };
        return result;
      })
      .catch((e: unknown) => {
        this.lastUp = null;
        throw e;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * `GET /health` answered straight from a fresh "up", before Nest's routing, guard and pipes (a public
   * route without input): load balancers ask it constantly. The hooks registered before this one (security
   * headers) and the onSend hooks (request id) still apply; anything else goes on to the controller.
   */
  registerFastPath(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'GET' || request.url !== '/health') return;
      const fresh = this.fresh();
      if (!fresh) return;
      await reply.header('cache-control', NO_CACHE).type('application/json; charset=utf-8').send(fresh.body);
      return reply;
    });
  }
}
