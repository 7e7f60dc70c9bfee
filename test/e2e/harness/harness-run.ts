import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The seed of a run: HARNESS_SEED to replay one, else random (and printed). */
export function harnessSeed(): number {
  const given = process.env.HARNESS_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`HARNESS_SEED must be an integer, not ${given}`);
    return seed;
  }
  return (Math.random() * 2 ** 31) | 0;
}

/** A whole number from the environment, else the default (the sizes that keep `npm test` in its budget). */
export function envCount(name: string, fallback: number): number {
  const given = process.env[name];
  if (given === undefined || given === '') return fallback;
  const n = Number(given);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${given}`);
  return n;
}

/**
 * fc.assert with the run's seed; on failure the error says how to replay exactly this run.
 * No shrinking by default (each run is a batch of requests against a database that moves on,
 * so a shrunk case would not replay the same state); HARNESS_SHRINK=1 turns it on.
 */
export async function assertWithReplay<T>(property: fc.IAsyncProperty<T>, options: { seed: number; numRuns: number; runsVariable: string; file: string }): Promise<void> {
  const path = process.env.HARNESS_PATH || undefined;
  try {
    await fc.assert(property, { seed: options.seed, numRuns: options.numRuns, path, endOnFailure: process.env.HARNESS_SHRINK !== '1', verbose: 0 });
  } catch (error) {
    const replay = `Replay: HARNESS_SEED=${options.seed} ${options.runsVariable}=${options.numRuns} DATABASE_URL=… npx jest --ci ${options.file}`;
    // The counterexample holds every request of the run (some with 300,000-character strings): the cause says what failed, the seed and path replay it.
    if (error instanceof Error) error.message = `${replay}\n${error.message.replace(/^(Counterexample: .{0,3000}).*$/m, '$1…')}`;
    throw error;
  }
}

/** Counts what a run sent and what came back. */
export class RunTally {
  requests = 0;
  readonly statuses = new Map<number, number>();
  readonly covered = new Set<string>();
  fingerprints = 0;
  acceptedWrites = 0;
  readBacks = 0;

  /** Milliseconds spent, by phase (to keep the run within its budget). */
  readonly spent: Record<string, number> = {};

  async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.spent[phase] = (this.spent[phase] ?? 0) + performance.now() - started;
    }
  }

  record(operation: string, status: number): void {
    this.requests++;
    this.covered.add(operation);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }

  get serverErrors(): number {
    return [...this.statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
  }

  histogram(): Record<string, number> {
    return Object.fromEntries([...this.statuses].sort(([a], [b]) => a - b).map(([s, n]) => [String(s), n]));
  }
}

/** One line for the log, and the figures kept in var/harness-summary.json (one entry per harness) for the README. */
export function reportRun(name: 'api' | 'forms', tally: RunTally, extra: Record<string, unknown>): void {
  const summary = {
    requests: tally.requests,
    operationsCovered: tally.covered.size,
    statuses: tally.histogram(),
    serverErrors: tally.serverErrors,
    acceptedWrites: tally.acceptedWrites,
    readBacks: tally.readBacks,
    fingerprints: tally.fingerprints,
    msSpent: Object.fromEntries(Object.entries(tally.spent).filter(([k]) => !k.includes(' /')).map(([k, v]) => [k, Math.round(v)])),
    slowestOperationsMs: Object.fromEntries(Object.entries(tally.spent).filter(([k]) => k.includes(' /')).sort(([, a], [, b]) => b - a).slice(0, 6).map(([k, v]) => [k, Math.round(v)])),
    ...extra,
    at: new Date().toISOString(),
  };
  console.log(
    `[harness ${name}] seed ${String(extra.seed)}: ${summary.requests} requests, ${summary.operationsCovered} ${name === 'api' ? 'operations' : 'forms'} covered, ` +
      `statuses ${JSON.stringify(summary.statuses)}, 5xx: ${summary.serverErrors}, accepted writes ${summary.acceptedWrites}, data fingerprints ${summary.fingerprints}, ms ${JSON.stringify(summary.msSpent)}`,
  );
  const dir = join(__dirname, '..', '..', '..', 'var');
  const file = join(dir, 'harness-summary.json');
  mkdirSync(dir, { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first run */
  }
  all[name] = summary;
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}
