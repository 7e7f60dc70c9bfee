import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, FixedClock } from '../clock';
import { KernelModule } from '../kernel.module';
import type { Principal } from '../principal';
import { TaskDraft, TaskProvider } from './task';
import { ProvidesTasks, TaskQueryService, TasksModule } from './task-providers';

const asked: string[] = [];

@Injectable()
@ProvidesTasks('test.strategist')
class StrategistTasks implements TaskProvider {
  appliesTo(p: Principal): boolean {
    return p.strategist;
  }
  async tasksFor(): Promise<TaskDraft[]> {
    asked.push('test.strategist');
    return [{ kind: 'test.strategist', title: 'Utan datum', dueOn: null, href: '/a' }];
  }
}

@Injectable()
@ProvidesTasks('test.everyone')
class EveryoneTasks implements TaskProvider {
  appliesTo(): boolean {
    return true;
  }
  async tasksFor(): Promise<TaskDraft[]> {
    asked.push('test.everyone');
    return [{ kind: 'test.everyone', title: 'Försenad', dueOn: '2026-03-01', href: '/b' }];
  }
}

@Injectable()
@ProvidesTasks('test.everyone')
class EveryoneAgain extends EveryoneTasks {}

const who = (strategist: boolean) => ({ strategist }) as Principal;

async function composer(...providers: Array<new () => TaskProvider>): Promise<TaskQueryService> {
  const moduleRef = await Test.createTestingModule({ imports: [KernelModule, TasksModule], providers })
    .overrideProvider(Clock)
    .useValue(new FixedClock(new Date('2026-03-02T09:00:00Z')))
    .compile();
  await moduleRef.init();
  return moduleRef.get(TaskQueryService);
}

describe(TaskQueryService.name, () => {
  beforeEach(() => (asked.length = 0));

  it('collects the marked providers and asks only those that apply to the caller', async () => {
    const sut = await composer(StrategistTasks, EveryoneTasks);
    expect(sut.kinds()).toEqual(['test.everyone', 'test.strategist']);
    expect(await sut.tasksOf(who(false))).toEqual([{ kind: 'test.everyone', title: 'Försenad', dueOn: '2026-03-01', href: '/b', overdue: true }]);
    expect(asked).toEqual(['test.everyone']);
    expect((await sut.tasksOf(who(true))).map((t) => t.kind)).toEqual(['test.everyone', 'test.strategist']);
  });

  it('refuses to start with two providers of one kind', async () => {
    await expect(composer(EveryoneTasks, EveryoneAgain)).rejects.toThrow('Two task providers of the kind(s) test.everyone');
  });
});
