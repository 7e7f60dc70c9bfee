import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, SchemaObject } from '@nestjs/swagger';
import { HealthCheck, HealthCheckError, HealthCheckResult, HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/allow.decorator';
import { ApiErrors } from '../shell/api-contract';

/** What a check found, by indicator (`database`, `migrations`): its status, and what else it says. */
const INDICATORS: SchemaObject = {
  type: 'object',
  additionalProperties: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['up', 'down'] } }, additionalProperties: true },
};

/** Terminus's answer when every check is up (a check that is down is a 503 with the Error schema). */
const HEALTH: SchemaObject = {
  type: 'object',
  required: ['status', 'info', 'error', 'details'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['ok'] }, info: INDICATORS, error: INDICATORS, details: INDICATORS },
};

/** How long a database found up stays the liveness answer (a load balancer asking many times a second costs one ping). */
const LIVENESS_UP_FOR_MS = 1_000;

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  /** The last liveness check that found the database up, and when (monotonic ms); a check that found it down is never reused. */
  private lastUp: { at: number; result: HealthCheckResult } | null = null;
  /** The check running now: callers meanwhile share it, so a burst sends one ping. */
  private running: Promise<HealthCheckResult> | null = null;

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Liveness: the process answers and the database is up. The database is pinged at most once a second
   * while it is up (concurrent requests share the ping); a ping that fails is not remembered, so the
   * next request pings again and the answer turns 200 as soon as the database is back.
   */
  @Get()
  @ApiErrors(503)
  @ApiOperation({ summary: 'Liveness: the process answers and the database is up (503 when it is not)' })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiResponse({ status: 200, description: 'Up', schema: HEALTH })
  check(): Promise<HealthCheckResult> {
    if (this.lastUp && performance.now() - this.lastUp.at < LIVENESS_UP_FOR_MS) return Promise.resolve(this.lastUp.result);
    this.running ??= this.health
      .check([() => this.db.pingCheck('database', { timeout: 3000 })])
      .then((result) => {
        this.lastUp = { at: performance.now(), result };
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

  /** Readiness: the database is up and every migration is applied. */
  @Get('ready')
  @ApiErrors(503)
  @ApiOperation({ summary: 'Readiness: the database is up and every migration is applied (503 otherwise)' })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiResponse({ status: 200, description: 'Up', schema: HEALTH })
  ready() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.migrations()]);
  }

  private async migrations(): Promise<HealthIndicatorResult> {
    const pending = await this.dataSource.showMigrations();
    const result: HealthIndicatorResult = { migrations: { status: pending ? 'down' : 'up', pending } };
    if (pending) throw new HealthCheckError('Migrations pending', result);
    return result;
  }
}
