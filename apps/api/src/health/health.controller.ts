import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckError, HealthCheckService, HealthIndicatorResult, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '../auth/allow.decorator';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly dataSource: DataSource,
  ) {}

  /** Liveness: the process answers and the database is up. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { timeout: 3000 })]);
  }

  /** Readiness: the database is up and every migration is applied. */
  @Get('ready')
  @HealthCheck()
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
