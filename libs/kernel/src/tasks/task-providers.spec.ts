import { Global, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, FixedClock } from '../clock';
import { KernelModule } from '../kernel.module';
import type { Principal } from '../principal';
import { SqlReader, SqlRow, SqlSelect } from '../sql-select';
import { TaskDraft, TaskProvider } from './task';
import { ProvidesTasks, TaskQueryService, TasksModule } from './task-providers';

/** Records the statements the composer sends and answers each JSON column with one row naming it (the database is the medium tests'). */
class RecordingReader extends SqlReader {
  readonly sent: Array<{ name: string; text: string; values: unknown[] }> = [];
  async select<T>(): Promise<T[]> {
    throw new Error('the composer sends one prepared statement, never a select of its own');
  }
  async prepared<T extends object>(name: string, text: string, values: unknown[]): Promise<T[]> {
    this.sent.push({ name, text, values });
    const columns = [...text.matchAll(/ as (c\d+)\b/g)].map((m) => m[1]);
    return [Object.fromEntries(columns.map((c) => [c, [{ column: c }]])) as T];
  }
}

@Injectable()
@ProvidesTasks('test.strategist')
class StrategistTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.strategist;
  }
  taskSelect(): SqlSelect<TaskDraft> {
    return {
      sql: 'select 1 where $1::boolean and $2::text is not null',
      values: [true, 'strateg'],
      rowsFrom: (rows: readonly SqlRow[]) => rows.map((r) => ({ kind: 'test.strategist', title: `Utan datum (${String(r.column)})`, dueOn: null, href: '/a' })),
    };
  }
}

@Injectable()
@ProvidesTasks('test.everyone')
class EveryoneTasks implements TaskProvider {
  appliesTo(): boolean {
    return true;
  }
  taskSelect(p: Principal, today: string): SqlSelect<TaskDraft> {
    return {
      sql: 'select 1 where $1::date is not null',
      values: [today],
      rowsFrom: (rows: readonly SqlRow[]) => rows.map((r) => ({ kind: 'test.everyone', title: `Försenad (${String(r.column)})`, dueOn: '2026-03-01', href: '/b' })),
    };
  }
}

@Injectable()
@ProvidesTasks('test.everyone')
class EveryoneAgain extends EveryoneTasks {}

const who = (strategist: boolean) => ({ strategist }) as Principal;

async function composer(...providers: Array<new () => TaskProvider>): Promise<{ sut: TaskQueryService; reader: RecordingReader }> {
  const reader = new RecordingReader();
  // The database module is global in the apps; here a global module stands in for it.
  @Global()
  @Module({ providers: [{ provide: SqlReader, useValue: reader }], exports: [SqlReader] })
  class ReaderModule {}
  const moduleRef = await Test.createTestingModule({ imports: [KernelModule, ReaderModule, TasksModule], providers })
    .overrideProvider(Clock)
    .useValue(new FixedClock(new Date('2026-03-02T09:00:00Z')))
    .compile();
  await moduleRef.init();
  return { sut: moduleRef.get(TaskQueryService), reader };
}

describe(TaskQueryService.name, () => {
  it('folds the selects of the providers that apply into one statement, each its own column with its parameters renumbered', async () => {
    const { sut, reader } = await composer(StrategistTasks, EveryoneTasks);
    expect(sut.kinds()).toEqual(['test.everyone', 'test.strategist']);

    expect(await sut.tasksOf(who(false))).toEqual([{ kind: 'test.everyone', title: 'Försenad (c0)', dueOn: '2026-03-01', href: '/b', overdue: true }]);
    expect(reader.sent).toHaveLength(1);
    expect(reader.sent[0].values).toEqual(['2026-03-02']);
    expect(reader.sent[0].text).not.toContain('$2');

    expect(await sut.tasksOf(who(true))).toEqual([
      { kind: 'test.everyone', title: 'Försenad (c0)', dueOn: '2026-03-01', href: '/b', overdue: true },
      { kind: 'test.strategist', title: 'Utan datum (c1)', dueOn: null, href: '/a', overdue: false },
    ]);
    expect(reader.sent).toHaveLength(2);
    const both = reader.sent[1];
    expect(both.values).toEqual(['2026-03-02', true, 'strateg']);
    expect(both.text).toContain('where $1::date is not null');
    expect(both.text).toContain('where $2::boolean and $3::text is not null');
    // A statement per combination of kinds, each named by its text: the same caller's statement is the same prepared one.
    expect(both.name).not.toBe(reader.sent[0].name);
    await sut.tasksOf(who(true));
    expect(reader.sent[2].name).toBe(both.name);
  });

  it('sends nothing when no kind applies', async () => {
    const { sut, reader } = await composer(StrategistTasks);
    expect(await sut.tasksOf(who(false))).toEqual([]);
    expect(reader.sent).toEqual([]);
  });

  it('refuses to start with two providers of one kind', async () => {
    await expect(composer(EveryoneTasks, EveryoneAgain)).rejects.toThrow('Two task providers of the kind(s) test.everyone');
  });
});
