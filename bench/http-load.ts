import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadFigures, LoadJob, LoadReply, PostsJob } from './load-client';

/**
 * The parent's handle on the load-generator child process (load-client.ts):
 * a separate process, so the load and the server under test are scheduled
 * apart, as they would be on a real network.
 */
export class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(f: LoadFigures): void; reject(e: Error): void; timer: NodeJS.Timeout }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: LoadReply) => {
      if (reply.type === 'ready') return;
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      clearTimeout(job.timer);
      if (reply.type === 'result') job.resolve(reply.figures);
      else job.reject(new Error(`load generator: ${reply.message}`));
    });
    child.on('exit', (code, signal) => {
      for (const [id, job] of this.pending) {
        clearTimeout(job.timer);
        job.reject(new Error(`load generator exited (${signal ?? code}) during job ${id}`));
      }
      this.pending.clear();
    });
  }

  static async start(): Promise<LoadGenerator> {
    const child = fork(join(__dirname, 'load-client.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('load generator did not start within 30 s')), 30_000);
      child.once('message', (m: LoadReply) => {
        if (m.type === 'ready') {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`load generator exited at start (${code})`));
      });
    });
    return new LoadGenerator(child);
  }

  run(job: Omit<LoadJob, 'type' | 'id'>): Promise<LoadFigures> {
    return this.submit({ type: 'run', ...job });
  }

  /** Several clients POSTing at once, each with its own body and credentials (see PostsJob). */
  posts(job: Omit<PostsJob, 'type' | 'id'>): Promise<LoadFigures> {
    return this.submit({ type: 'posts', ...job });
  }

  private submit(job: Omit<LoadJob, 'id'> | Omit<PostsJob, 'id'>): Promise<LoadFigures> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // autocannon stops itself after durationSec; this only guards against a hung child.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`load job ${job.url} did not finish within ${job.durationSec + 30} s`));
      }, (job.durationSec + 30) * 1000);
      this.pending.set(id, { resolve, reject, timer });
      this.child.send({ ...job, id });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
