import { DynamicModule, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { DatabaseModule } from '@samverka/database';
import { Clock, FixedClock, KernelModule } from '@samverka/kernel';
import { DataSource } from 'typeorm';
import { Given } from './given';
import { createTestDatabase } from './test-database';

export interface MediumContext {
  moduleRef: TestingModule;
  clock: FixedClock;
  given: Given;
  dataSource: DataSource;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

/** A real PostgreSQL database (fresh, migrated) with the given modules on top; the clock starts at `now`; settings from `env`. */
export async function mediumContext(
  imports: Array<Type | DynamicModule>,
  now = new Date('2026-03-02T09:00:00Z'),
  env: Record<string, string> = {},
): Promise<MediumContext> {
  const db = await createTestDatabase();
  const clock = new FixedClock(now);
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test', ...env })), KernelModule, DatabaseModule.forRoot({ url: db.url, poolSize: 20 }), ...imports],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await moduleRef.init();
  return {
    moduleRef,
    clock,
    given: new Given(moduleRef),
    dataSource: moduleRef.get(DataSource),
    get: <T>(type: Type<T>) => moduleRef.get(type),
    close: async () => {
      await moduleRef.close();
      await db.drop();
    },
  };
}
