import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags, SchemaObject } from '@nestjs/swagger';
import { HealthCheck, HealthCheckError, HealthCheckResult, HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/allow.decorator';
import { Liveness } from './liveness';
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

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly dataSource: DataSource,
    private readonly liveness: Liveness,
  ) {}

  /**
   * Liveness: the process answers and the database is up, pinged at most once a second while it is up
   * (`Liveness`; a fresh answer is sent before Nest's routing, see `Liveness.registerFastPath`).
   */
  @Get()
  @ApiErrors(503)
  @ApiOperation({ summary: 'Liveness: the process answers and the database is up (503 when it is not)' })
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiResponse({ status: 200, description: 'Up', schema: HEALTH })
  check(): Promise<HealthCheckResult> {
    return this.liveness.check();
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
