import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { createHash } from 'node:crypto';
import { Clock } from '../clock';
import { localDateInCity } from '../local-date';
import type { Principal } from '../principal';
import { columnsFrom, jsonColumnsStatement, SqlReader, SqlRow } from '../sql-select';
import { composeTasks, Task, TaskDraft, TaskProvider } from './task';

/**
 * Marks a provider class as the source of one kind of task: `@ProvidesTasks('needs.hand_in')`. The class
 * is an ordinary provider of its own context's module; `TaskQueryService` collects every marked provider
 * in the app at start, so a new feature adds its kinds without editing a central list.
 */
export const ProvidesTasks = DiscoveryService.createDecorator<string>();

/**
 * What the signed-in user has to do: the selects of every task provider in the app that applies to
 * them, run as ONE prepared statement (its name from its text: one per combination of kinds).
 */
@Injectable()
export class TaskQueryService implements OnModuleInit {
  private providers: Array<{ kind: string; provider: TaskProvider }> = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly clock: Clock,
    private readonly reader: SqlReader,
  ) {}

  onModuleInit(): void {
    const found = this.discovery.getProviders({ metadataKey: ProvidesTasks.KEY }).flatMap((wrapper) => {
      const kind = this.discovery.getMetadataByDecorator(ProvidesTasks, wrapper);
      return kind && wrapper.instance ? [{ kind, provider: wrapper.instance as TaskProvider }] : [];
    });
    const kinds = found.map((f) => f.kind);
    const twice = kinds.filter((k, i) => kinds.indexOf(k) !== i);
    if (twice.length > 0) throw new Error(`Two task providers of the kind(s) ${[...new Set(twice)].join(', ')}: each kind has one`);
    this.providers = found.sort((a, b) => a.kind.localeCompare(b.kind));
  }

  /** The kinds of task the app knows. */
  kinds(): string[] {
    return this.providers.map((p) => p.kind);
  }

  /** The principal's tasks, newest deadline first, in one statement (none when no kind applies); a provider whose role the principal lacks is left out. */
  async tasksOf(p: Principal): Promise<Task[]> {
    const today = localDateInCity(this.clock.now());
    const selects = this.providers.filter(({ provider }) => provider.appliesTo(p)).map(({ provider }) => provider.taskSelect(p, today));
    if (selects.length === 0) return [];
    const { text, values } = jsonColumnsStatement(selects);
    const [row] = await this.reader.prepared<SqlRow>(`tasks_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, values);
    return composeTasks(columnsFrom<TaskDraft>(selects, row).flat(), today);
  }
}

/** The task composer; import it where tasks are shown (the providers come from the contexts' own modules). */
@Module({
  imports: [DiscoveryModule],
  providers: [TaskQueryService],
  exports: [TaskQueryService],
})
export class TasksModule {}
