import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { LatencySummary, summarise } from './stats';

export interface LoopFigures {
  /** Unmeasured calls made before the measured ones. */
  warmupIterations: number;
  iterations: number;
  durationSec: number;
  opsPerSec: number;
  latencyMs: LatencySummary;
}

export interface LoopLimits {
  /** Upper bound on measured iterations. */
  maxIterations: number;
  /** Upper bound on measured time; the loop stops at whichever comes first. */
  maxMs: number;
  /** Unmeasured iterations first (also bounded by warmupMs). */
  warmupIterations: number;
  warmupMs: number;
}

/** Runs `op` sequentially (one at a time), bounded in count and time, timing each call. */
export async function timedLoop(op: () => Promise<unknown>, limits: LoopLimits): Promise<LoopFigures> {
  const warmupEnd = Date.now() + limits.warmupMs;
  let warmupIterations = 0;
  while (warmupIterations < limits.warmupIterations && Date.now() < warmupEnd) {
    await op();
    warmupIterations++;
  }

  const samples = new Float64Array(limits.maxIterations);
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(limits.maxMs) * 1_000_000n;
  let last = start;
  while (n < limits.maxIterations && last < deadline) {
    const t0 = process.hrtime.bigint();
    await op();
    last = process.hrtime.bigint();
    samples[n++] = Number(last - t0) / 1e6;
  }
  const durationSec = Number(last - start) / 1e9;
  return { warmupIterations, iterations: n, durationSec, opsPerSec: n / durationSec, latencyMs: summarise(samples.subarray(0, n)) };
}

/**
 * Counts the statements the app sends through TypeORM (every query passes
 * the data source's logger, whatever the log level), so each result can say
 * how many queries one request or call costs, and whether that number stays
 * the same when the dataset grows (set-based) or grows with it (N+1).
 */
export function countQueries(dataSource: DataSource): { readonly count: number } {
  const counter = { count: 0 };
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    counter.count++;
    return original(query, parameters, queryRunner);
  };
  return counter;
}

/**
 * Samples this process's resident set size (process.memoryUsage.rss()) every `intervalMs` while
 * started; `stop()` gives the peak seen in MiB. The API runs in the bench's process, so this is the
 * API's memory under the load, plus the bench's own (the baseline route and the bookkeeping; the load
 * generator is a process of its own).
 */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  private peakBytes = 0;

  start(intervalMs = 50): void {
    this.peakBytes = process.memoryUsage.rss();
    this.timer = setInterval(() => {
      this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
    }, intervalMs);
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
    return this.peakBytes / 1024 / 1024;
  }
}

/** The kernel's high-water mark of this process's resident memory (VmHWM, Linux), in MiB; null elsewhere. */
export function residentHighWaterMiB(): number | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
