import { ConsultationModule } from '@samverka/consultation';
import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, loadConfig } from '@samverka/config';
import { DatabaseModule } from '@samverka/database';
import { KernelModule } from '@samverka/kernel';
import { NeedsModule } from '@samverka/needs';
import { PlanModule } from '@samverka/plan';
import { ParticipantProgress, PlanRoundQueryService, ProvidesRoundFacts, RoundFactProvider, RoundsModule } from '@samverka/rounds';
import { createTestDatabase } from '../support/test-database';

/** A second source of the needs facts (a wiring mistake: two contexts claiming the same kind). */
@Injectable()
@ProvidesRoundFacts('needs')
class AnotherNeedsSource implements RoundFactProvider<'needs'> {
  readonly factsSql = 'select 1 where $1::uuid is null';
  factsFrom(): ReadonlyMap<string, ParticipantProgress> {
    return new Map();
  }
}

@Module({ providers: [AnotherNeedsSource] })
class AnotherNeedsSourceModule {}

/**
 * The round's facts come from providers that other contexts register; an app wired without one the
 * machine needs must not start (it would judge every department as "nothing submitted").
 */
describe('round fact providers', () => {
  const databases: Array<{ url: string; drop(): Promise<void> }> = [];
  afterAll(() => Promise.allSettled(databases.map((db) => db.drop())));

  /** Compiles and starts an app of these modules on a fresh database; the start's error, if it fails (the app closed either way). */
  const start = async (imports: Array<typeof RoundsModule | typeof NeedsModule | typeof PlanModule | typeof ConsultationModule | typeof AnotherNeedsSourceModule>) => {
    const db = await createTestDatabase();
    databases.push(db);
    const app = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig({ NODE_ENV: 'test' })), KernelModule, DatabaseModule.forRoot({ url: db.url }), ...imports],
    }).compile();
    app.useLogger(false);
    const failure = await app.init().then(
      () => null,
      (e: unknown) => e as Error,
    );
    return { app, failure };
  };

  it('an app with the rounds but without the needs context refuses to start, naming the missing kind and who provides it', async () => {
    const { app, failure } = await start([RoundsModule]);
    await app.close().catch(() => undefined);
    expect(failure).toBeInstanceOf(Error);
    expect(failure!.message).toBe(
      'Plan rounds cannot start: no provider of the "needs" facts (each participating department\'s needs submission, provided by NeedsModule (@samverka/needs)); ' +
        'no provider of the "plan" facts (the last frozen plan version, provided by PlanModule (@samverka/plan)); ' +
        'no provider of the "consultation" facts (the prepared remiss and its responses, provided by ConsultationModule (@samverka/consultation)); ' +
        'no provider of the "proposals" facts (the consultation responses\' untriaged proposals, provided by ConsultationModule (@samverka/consultation)). ' +
        "The workflow's guards need every kind: import the module that provides it beside RoundsModule.",
    );
  });

  it('an app with the needs but without the plan context refuses to start, naming the plan facts', async () => {
    const { app, failure } = await start([RoundsModule, NeedsModule]);
    await app.close().catch(() => undefined);
    expect(failure?.message).toBe(
      'Plan rounds cannot start: no provider of the "plan" facts (the last frozen plan version, provided by PlanModule (@samverka/plan)); ' +
        'no provider of the "consultation" facts (the prepared remiss and its responses, provided by ConsultationModule (@samverka/consultation)); ' +
        'no provider of the "proposals" facts (the consultation responses\' untriaged proposals, provided by ConsultationModule (@samverka/consultation)). ' +
        "The workflow's guards need every kind: import the module that provides it beside RoundsModule.",
    );
  });

  it('two providers of one kind refuse to start too, naming both', async () => {
    const { app, failure } = await start([RoundsModule, NeedsModule, PlanModule, ConsultationModule, AnotherNeedsSourceModule]);
    await app.close().catch(() => undefined);
    expect(failure?.message).toMatch(/^Plan rounds cannot start: 2 providers of the "needs" facts \((NeedsRoundFacts, AnotherNeedsSource|AnotherNeedsSource, NeedsRoundFacts)\); there must be one\./);
  });

  it('an app with the needs and plan but without the consultation context refuses to start, naming the consultation facts', async () => {
    const { app, failure } = await start([RoundsModule, NeedsModule, PlanModule]);
    await app.close().catch(() => undefined);
    expect(failure?.message).toBe(
      'Plan rounds cannot start: no provider of the "consultation" facts (the prepared remiss and its responses, provided by ConsultationModule (@samverka/consultation)); ' +
        'no provider of the "proposals" facts (the consultation responses\' untriaged proposals, provided by ConsultationModule (@samverka/consultation)). ' +
        "The workflow's guards need every kind: import the module that provides it beside RoundsModule.",
    );
  });

  it('with the needs, plan and consultation contexts beside the rounds the app starts', async () => {
    const { app, failure } = await start([RoundsModule, NeedsModule, PlanModule, ConsultationModule]);
    try {
      expect(failure).toBeNull();
      await expect(app.get(PlanRoundQueryService).list({ all: true, departmentIds: [], committeeIds: [] })).resolves.toEqual([]);
    } finally {
      await app.close();
    }
  });
});
