import { Logger } from '@nestjs/common';
import { loadConfig } from '@samverka/config';
import { DispatchResult, NotificationDispatcher } from '@samverka/notifications';
import { hostname } from 'node:os';
import { MAIL_BATCH_SIZE, MailWorker } from './mail-worker';

const full: DispatchResult = { sent: MAIL_BATCH_SIZE - 1, retrying: 1, failed: 0 };
const partial: DispatchResult = { sent: 3, retrying: 0, failed: 0 };
const none: DispatchResult = { sent: 0, retrying: 0, failed: 0 };

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A dispatcher whose rounds answer from a script; records how many run at once. */
class ScriptedDispatcher {
  calls: string[] = [];
  active = 0;
  maxActive = 0;
  constructor(private readonly script: Array<DispatchResult | Error | Promise<DispatchResult>>) {}
  async dispatchDue(workerId: string, limit: number): Promise<DispatchResult> {
    this.calls.push(`${workerId}/${limit}`);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      const next = this.script.shift() ?? none;
      if (next instanceof Error) throw next;
      return await next;
    } finally {
      this.active--;
    }
  }
}

const flush = () => new Promise((r) => setImmediate(r));

describe(MailWorker.name, () => {
  const config = loadConfig({ NODE_ENV: 'test', WORKER_POLL_INTERVAL_MS: '1000' });
  let workers: MailWorker[] = [];
  const worker = (dispatcher: ScriptedDispatcher) => {
    const w = new MailWorker(dispatcher as unknown as NotificationDispatcher, config);
    workers.push(w);
    return w;
  };

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    for (const w of workers) await w.beforeApplicationShutdown();
    workers = [];
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('names itself by host, process and a random part, different for each worker', () => {
    const a = worker(new ScriptedDispatcher([]));
    const b = worker(new ScriptedDispatcher([]));
    expect(a.workerId).toMatch(new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${process.pid}:[0-9a-f]{8}$`));
    expect(a.workerId).not.toBe(b.workerId);
  });

  it('dispatches at start, again at once while full batches come back, then every poll interval', async () => {
    jest.useFakeTimers();
    const dispatcher = new ScriptedDispatcher([full, full, partial, none]);
    const sut = worker(dispatcher);
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(dispatcher.calls).toEqual([`${sut.workerId}/${MAIL_BATCH_SIZE}`, `${sut.workerId}/${MAIL_BATCH_SIZE}`, `${sut.workerId}/${MAIL_BATCH_SIZE}`]);
    await jest.advanceTimersByTimeAsync(999);
    expect(dispatcher.calls).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(1);
    expect(dispatcher.calls).toHaveLength(4);
  });

  it('never runs two rounds at once in one process', async () => {
    const slow = deferred<DispatchResult>();
    const dispatcher = new ScriptedDispatcher([slow.promise]);
    const sut = worker(dispatcher);
    sut.onApplicationBootstrap();
    const a = sut.runNow();
    const b = sut.runNow();
    await flush();
    expect(dispatcher.calls).toHaveLength(1);
    slow.resolve(partial);
    await Promise.all([a, b]);
    expect(dispatcher.maxActive).toBe(1);
  });

  it('logs a failed round and keeps polling', async () => {
    jest.useFakeTimers();
    const dispatcher = new ScriptedDispatcher([new Error('connection terminated'), partial]);
    const sut = worker(dispatcher);
    sut.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(0);
    expect(Logger.prototype.error).toHaveBeenCalledWith(expect.stringContaining('connection terminated'));
    await jest.advanceTimersByTimeAsync(1000);
    expect(dispatcher.calls).toHaveLength(2);
  });

  it('on shutdown waits for the batch in progress and takes no new one', async () => {
    const slow = deferred<DispatchResult>();
    const dispatcher = new ScriptedDispatcher([slow.promise, full, full]);
    const sut = worker(dispatcher);
    sut.onApplicationBootstrap();
    await flush();
    let stopped = false;
    const stopping = sut.beforeApplicationShutdown().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    slow.resolve(full);
    await stopping;
    expect(dispatcher.calls).toHaveLength(1);
  });
});
