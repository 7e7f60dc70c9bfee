import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { Clock } from '../clock';
import { localDateInCity } from '../local-date';
import type { Principal } from '../principal';
import { composeTasks, Task, TaskDraft, TaskProvider } from './task';

/**
 * Marks a provider class as the source of one kind of task: `@ProvidesTasks('needs.hand_in')`. The class
 * is an ordinary provider of its own context's module; `TaskQueryService` collects every marked provider
 * in the app at start, so a new feature adds its kinds without editing a central list.
 */
export const ProvidesTasks = DiscoveryService.createDecorator<string>();

/** What the signed-in user has to do: every task provider in the app that applies to them, one query each. */
@Injectable()
export class TaskQueryService implements OnModuleInit {
  private providers: Array<{ kind: string; provider: TaskProvider }> = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly clock: Clock,
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

  /** The principal's tasks, newest deadline first; a provider whose role the principal lacks is not asked. */
  async tasksOf(p: Principal): Promise<Task[]> {
    const today = localDateInCity(this.clock.now());
    // One after the other: a handful of short statements, and safe inside a caller's transaction (one connection).
    const drafts: TaskDraft[] = [];
    for (const { provider } of this.providers) {
      if (provider.appliesTo(p)) drafts.push(...(await provider.tasksFor(p, today)));
    }
    return composeTasks(drafts, today);
  }
}

/** The task composer; import it where tasks are shown (the providers come from the contexts' own modules). */
@Module({
  imports: [DiscoveryModule],
  providers: [TaskQueryService],
  exports: [TaskQueryService],
})
export class TasksModule {}
