/**
 * `npm run bench:country`: the country-scale bench (issue 16, "At country scale") on its own.
 *
 *  - `countryScaleBench`: the country seed (290 municipalities × 15 departments) at 1× and grown
 *    to 10× (history only, the same work due): the reminder sweeps, the digest sweep, the tasks
 *    query and the needs analysis, each with its 10×/1× time ratio (ok when ≤ 1.3).
 *  - `emailThroughputBench`: 10,000 queued emails through the real worker (a child process, with
 *    pg-boss) to a local SMTP sink, against a bare Nodemailer loop; every email exactly once.
 *
 * COUNTRY_BENCH=sweeps or =email runs one part. The database: a fresh one on DATABASE_URL's server
 * when set, else a throw-away embedded PostgreSQL. A watchdog ends a run that hangs. Prints a table
 * (progress on stderr) and writes var/bench/country-<timestamp>.json.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchResult, Check } from '../report';
import { emailThroughputBench } from './email-throughput';
import { countryScaleBench } from './measure';

const WATCHDOG_MS = 30 * 60 * 1000;
const progress = (m: string) => process.stderr.write(`[bench:country] ${m}\n`);

function table(results: BenchResult[]): string {
  const fixed = (v: number | undefined, d: number) => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(d));
  const rows = [['data', 'target', 'ops/s', 'p50 ms', 'p99 ms', 'n', 'statements/op', 'time vs 1×']];
  for (const r of results) {
    rows.push([r.phase, r.target, fixed(r.opsPerSec, r.opsPerSec >= 100 ? 0 : 2), fixed(r.latencyMs.p50, 1), fixed(r.latencyMs.p99, 1), String(r.count), fixed(r.queriesPerOp ?? undefined, 1), r.p50Ratio === undefined ? '' : `${r.p50Ratio.toFixed(2)}×`]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const right = [false, false, true, true, true, true, true, true];
  const line = (r: string[]) => r.map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    progress(`still running after ${WATCHDOG_MS / 60_000} minutes: giving up`);
    process.exit(1);
  }, WATCHDOG_MS);
  watchdog.unref();
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const part = process.env.COUNTRY_BENCH ?? 'all';
  if (!['all', 'sweeps', 'email'].includes(part)) throw new Error(`COUNTRY_BENCH=${part}: expected sweeps, email or nothing`);
  progress(`${cpus().length} CPUs, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);

  const results: BenchResult[] = [];
  const checks: Check[] = [];
  if (part !== 'email') {
    const r = await countryScaleBench(progress);
    results.push(...r.results);
    checks.push(...r.checks);
  }
  if (part !== 'sweeps') {
    const r = await emailThroughputBench(progress);
    results.push(...r.results);
    checks.push(...r.checks);
  }
  const loadAtEnd = loadavg();
  const out = [
    `Samverka country-scale bench: ${cpus().length} CPUs (${cpus()[0]?.model?.trim() ?? '?'}), Node ${process.version}`,
    `load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at end ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}`,
    '',
    table(results),
    '',
    'checks:',
    ...checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`),
  ].join('\n');
  const dir = join(resolve(__dirname, '..', '..'), 'var', 'bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `country-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify({ startedAt, finishedAt: new Date(), loadAtStart, loadAtEnd, results, checks }, null, 2)}\n`);
  process.stdout.write(`\n${out}\n\nresults: ${path} (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)\n`);
  if (checks.some((c) => !c.ok)) process.exitCode = 1;
  clearTimeout(watchdog);
  setTimeout(() => process.exit(process.exitCode ?? 0), 3_000).unref();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:country failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
