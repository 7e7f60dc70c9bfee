import 'reflect-metadata';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@samverka/config';
import { migrateDatabase, TransactionHost } from '@samverka/database';
import { addWorkingDays, localDateInCity } from '@samverka/kernel';
import { NotificationOutbox, NotificationRenderer } from '@samverka/notifications';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { MAIL_BATCH_SIZE } from '../../apps/worker/src/mail-worker';
import { provisionDatabase } from '../bench-database';
import type { BenchResult, Check } from '../report';

/** Emails queued, and sent by the bare loop. */
export const EMAILS = 10_000;
/** The whole measurement (worker start, 10,000 emails, the bare loop) must end within this. */
const EMAIL_BENCH_TIMEOUT_MS = 12 * 60 * 1000;
const PUBLIC_URL = 'https://samverka.bench.example';
const MAIL_FROM = 'Samverka <noreply@samverka.bench.example>';
const ROOT = resolve(__dirname, '..', '..');

/** An SMTP sink (smtp-server in process): accepts everything and counts each Message-ID. */
class CountingSink {
  readonly seen = new Map<string, number>();
  received = 0;
  firstAt = 0;
  lastAt = 0;
  private server!: SMTPServer;
  private waiters: Array<() => void> = [];
  url = '';

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        let head = '';
        stream.on('data', (chunk: Buffer) => {
          if (head.length < 64 * 1024 && !head.includes('\r\n\r\n')) head += chunk.toString('utf8');
        });
        stream.on('end', () => {
          const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '(none)';
          this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
          this.received++;
          const now = performance.now();
          if (this.firstAt === 0) this.firstAt = now;
          this.lastAt = now;
          for (const wake of this.waiters.splice(0)) wake();
          callback(null);
        });
      },
    });
    await new Promise<void>((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(0, '127.0.0.1', () => ok());
    });
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.seen.clear();
    this.received = 0;
    this.firstAt = 0;
    this.lastAt = 0;
  }

  /** Resolves once `count` messages have arrived; rejects at `deadline` (performance.now() time) or when `alive()` turns false. */
  async waitFor(count: number, deadline: number, alive: () => string | null): Promise<void> {
    while (this.received < count) {
      const problem = alive();
      if (problem) throw new Error(`${problem} after ${this.received} of ${count} emails`);
      if (performance.now() > deadline) throw new Error(`only ${this.received} of ${count} emails arrived in time`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, 500);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((ok) => this.server.close(() => ok()));
  }
}

/** The worker process's memory from /proc: resident now and its peak (VmHWM), in MiB. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** The real worker (apps/worker/src/main.ts) as its own process, compiled on the fly (ts-node, transpile only). */
function startWorker(env: NodeJS.ProcessEnv, progress: (m: string) => void): { child: ChildProcess; ready: Promise<void>; exited: () => string | null; stop: () => Promise<void> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exit: string | null = null;
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stderr!.on('data', keep);
  const ready = new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      keep(chunk);
      if (tail.includes('Samverka worker ready')) ok();
    });
    child.once('exit', (code, signal) => {
      exit = `the worker exited (${code ?? signal})`;
      fail(new Error(`${exit}: ${tail}`));
    });
  });
  ready.catch(() => undefined);
  const stop = async () => {
    if (exit) return;
    const gone = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      progress('the worker did not stop within 30 s of SIGTERM: killing it');
      child.kill('SIGKILL');
    }, 30_000);
    await gone;
    clearTimeout(timer);
  };
  return { child, ready, exited: () => (exit ? `${exit}: ${tail.slice(-500)}` : null), stop };
}

/**
 * 10,000 emails queued in the outbox as the app queues them (`NotificationOutbox.enqueueMany`, one
 * transaction) and sent by the real worker, started as in production (its own process, pg-boss
 * sweeps scheduled, the mail dispatcher polling the outbox) to a local SMTP sink; then a bare
 * Nodemailer loop sending 10,000 of the same email to the same sink with the worker's concurrency
 * (one send at a time over a pooled transport). Reports emails/s of each, their ratio, that every
 * email arrived exactly once, and the worker's peak RSS.
 */
export async function emailThroughputBench(progress: (m: string) => void): Promise<{ results: BenchResult[]; checks: Check[] }> {
  const hardDeadline = performance.now() + EMAIL_BENCH_TIMEOUT_MS;
  const db = await provisionDatabase(progress);
  const sink = new CountingSink();
  let app: NestFastifyApplication | undefined;
  let worker: ReturnType<typeof startWorker> | undefined;
  const raw = new Client({ connectionString: db.url, application_name: 'samverka-bench-email' });
  try {
    await sink.start();
    const env = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      SMTP_URL: sink.url,
      MAIL_FROM,
      PUBLIC_URL,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    };
    const config = loadConfig({ ...env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    app = await createApiApp(config, db.url);
    await migrateDatabase(app.get(DataSource));
    await app.init();
    await raw.connect();

    const today = localDateInCity(new Date());
    const deadline = addWorkingDays(today, 3);
    const emails = Array.from({ length: EMAILS }, (_, i) => ({
      recipient: { email: `samordnare.${i + 1}@kommun.bench.example`, name: `Samordnare ${i + 1}`, personId: null },
      data: {
        roundTitle: 'Behovsinsamling 2027',
        departmentName: `Förvaltning ${i + 1}`,
        needsDeadline: deadline,
        workingDaysLeft: 3,
        passed: false,
        roundUrl: `${PUBLIC_URL}/omgangar/bench/behov/${i + 1}`,
        remindedBy: null,
      },
      dedupKey: `bench.email:${i + 1}`,
    }));
    // The bare loop sends what the worker would render for the first of them.
    const sample = app.get(NotificationRenderer).render({ id: '00000000-0000-4000-8000-000000000000', kind: 'needs.reminder', recipientName: emails[0].recipient.name, data: emails[0].data });

    progress(`email: starting the worker (its own process, pg-boss, SMTP ${sink.url})`);
    const { PATH, HOME } = process.env;
    worker = startWorker({ PATH, HOME, ...env }, progress);
    await Promise.race([worker.ready, new Promise((_, fail) => setTimeout(() => fail(new Error('the worker was not ready within 120 s')), 120_000))]);
    const pid = worker.child.pid!;
    const idle = memoryOf(pid);
    progress(`email: worker ${pid} ready, RSS ${idle?.rss.toFixed(0)} MiB`);
    let peakRss = idle?.rss ?? 0;
    const sampler = setInterval(() => {
      const m = memoryOf(pid);
      if (m && m.rss > peakRss) peakRss = m.rss;
    }, 200);

    const outbox = app.get(NotificationOutbox);
    const started = performance.now();
    const queued = await app.get(TransactionHost).run(() => outbox.enqueueMany('needs.reminder', emails));
    const committed = performance.now();
    progress(`email: ${queued.size} emails queued in ${(committed - started).toFixed(0)} ms (one transaction); waiting for the worker`);
    await app.close();
    app = undefined;
    try {
      await sink.waitFor(EMAILS, hardDeadline, worker.exited);
    } finally {
      clearInterval(sampler);
    }
    const workerSec = (sink.lastAt - committed) / 1000;
    const workerSteadySec = (sink.lastAt - sink.firstAt) / 1000;
    const final = memoryOf(pid);
    // Let a straggler show up (a second copy of some email) before counting.
    await new Promise((r) => setTimeout(r, 1_000));
    const { rows } = await raw.query<{ id: string; status: string }>(`select id, status from notification where dedup_key like 'bench.email:%'`);
    const host = new URL(PUBLIC_URL).hostname;
    const workerCounts = rows.map((r) => sink.seen.get(`<${r.id}@${host}>`) ?? 0);
    const workerOnce = workerCounts.filter((c) => c === 1).length;
    const workerTwice = workerCounts.filter((c) => c > 1).length;
    const workerMissing = workerCounts.filter((c) => c === 0).length;
    const sentRows = rows.filter((r) => r.status === 'sent').length;
    const workerReceived = sink.received;
    await worker.stop();
    progress(`email: worker sent ${workerReceived} in ${workerSec.toFixed(1)} s; peak RSS ${Math.max(peakRss, final?.hwm ?? 0).toFixed(0)} MiB`);

    // The bare loop: the same email, the same sink, one send at a time over a pooled transport (as SmtpMailer).
    sink.reset();
    const transport = nodemailer.createTransport(`${sink.url}?pool=true`);
    const bareStarted = performance.now();
    for (let i = 0; i < EMAILS; i++) {
      if (performance.now() > hardDeadline) throw new Error(`the bare Nodemailer loop ran out of time after ${i} emails`);
      await transport.sendMail({
        from: MAIL_FROM,
        to: { name: emails[i].recipient.name, address: emails[i].recipient.email },
        subject: sample.subject,
        html: sample.html,
        text: sample.text,
        messageId: `<bare-${i}@${host}>`,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    }
    const bareSec = (performance.now() - bareStarted) / 1000;
    transport.close();
    const bareOnce = Array.from({ length: EMAILS }, (_, i) => sink.seen.get(`<bare-${i}@${host}>`) ?? 0).filter((c) => c === 1).length;
    progress(`email: bare Nodemailer loop sent ${sink.received} in ${bareSec.toFixed(1)} s`);

    const workerRate = EMAILS / workerSec;
    const bareRate = EMAILS / bareSec;
    const rss = Math.max(peakRss, final?.hwm ?? 0);
    const result = (target: string, sec: number, isBaseline: boolean): BenchResult => ({
      phase: 'email',
      kind: 'service',
      target,
      isBaseline,
      opsPerSec: EMAILS / sec,
      latencyMs: { mean: (sec * 1000) / EMAILS, p50: NaN, p90: NaN, p99: NaN, max: NaN },
      count: EMAILS,
      durationSec: sec,
      queriesPerOp: null,
    });
    const bare = result(`bare Nodemailer loop (pooled transport, one send at a time), ${EMAILS} emails`, bareSec, true);
    const viaWorker = {
      ...result(`worker: ${EMAILS} queued emails through the outbox to SMTP (batches of ${MAIL_BATCH_SIZE}, pg-boss running)`, workerSec, false),
      baselineTarget: bare.target,
      throughputRatio: workerRate / bareRate,
    };
    return {
      results: [viaWorker, bare],
      checks: [
        {
          name: `every one of the ${EMAILS} queued emails arrived exactly once`,
          ok: rows.length === EMAILS && workerOnce === EMAILS && workerReceived === EMAILS && sentRows === EMAILS,
          detail: `${rows.length} queued, ${sentRows} recorded as sent; at the sink ${workerReceived} messages: ${workerOnce} Message-IDs once, ${workerTwice} more than once, ${workerMissing} missing`,
        },
        {
          name: 'the bare Nodemailer loop: every email arrived exactly once',
          ok: bareOnce === EMAILS && sink.received === EMAILS,
          detail: `${sink.received} messages, ${bareOnce} Message-IDs once`,
        },
        {
          name: 'email throughput: the worker against a bare Nodemailer loop',
          ok: true,
          detail:
            `worker ${workerRate.toFixed(0)} emails/s (${workerSec.toFixed(1)} s from the commit to the last arrival; ${(EMAILS / workerSteadySec).toFixed(0)}/s from first to last), ` +
            `bare loop ${bareRate.toFixed(0)} emails/s: ratio ${(workerRate / bareRate).toFixed(2)}`,
        },
        {
          name: 'worker memory while sending',
          ok: true,
          detail: `RSS ${idle?.rss.toFixed(0)} MiB when ready (ts-node, transpile only), peak ${rss.toFixed(0)} MiB (VmHWM ${final?.hwm.toFixed(0)} MiB)`,
        },
      ],
    };
  } finally {
    await worker?.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await raw.end().catch(() => undefined);
    await sink.stop().catch(() => undefined);
    await db.dispose().catch((e: unknown) => progress(`removing the database: ${(e as Error).message}`));
  }
}
