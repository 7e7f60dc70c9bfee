import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetSize } from './bench-database';
import type { BudgetVerdict } from './budgets';
import type { LatencySummary } from './stats';

export interface BenchResult {
  /** Which dataset the figure was measured on. */
  phase: string;
  /** `http`: over 127.0.0.1 with the load generator; `service`: sequential calls in process. */
  kind: 'http' | 'service';
  target: string;
  isBaseline: boolean;
  /** Why the target was not measured (e.g. refused with 403); its figures are then NaN. */
  notMeasured?: string;
  opsPerSec: number;
  latencyMs: LatencySummary;
  /** Measured operations (2xx responses, or loop iterations). */
  count: number;
  durationSec: number;
  /** Statements the app sent through TypeORM per operation (null: not measured). */
  queriesPerOp: number | null;
  bytesPerResponse?: number;
  non2xx?: number;
  errors?: number;
  timeouts?: number;
  /** The baseline this figure is compared with (same phase, same kind). */
  baselineTarget?: string;
  /** opsPerSec ÷ the baseline's opsPerSec: 0.25 means a quarter of the baseline's throughput. */
  throughputRatio?: number;
  /** p50 ÷ the baseline's p50. */
  p50Ratio?: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  wallSec: number;
  machine: {
    cpus: number;
    availableParallelism: number;
    cpuModel: string;
    totalMemMiB: number;
    platform: string;
    arch: string;
    node: string;
    loadAvgAtStart: number[];
    loadAvgAtEnd: number[];
  };
  database: { kind: 'embedded' | 'external'; serverVersion: string };
  settings: Record<string, unknown>;
  datasets: Record<string, DatasetSize & { coverage: { withoutPrimary: number; unacknowledged: number; endingSoon: number } }>;
  results: BenchResult[];
  /**
   * Peak resident memory of the process running the API (the bench's own: the API app, the baseline
   * route and the bench's bookkeeping; the load generator runs apart), sampled during each phase's
   * HTTP targets; and the kernel's high-water mark of that process over the whole run (VmHWM, which
   * includes loading the scale data sets).
   */
  memory: { apiRssPeakMiB: Record<string, number>; processHighWaterMiB: number | null };
  /** Issue 16's budgets (bench/budgets.ts), each judged on this run. */
  budgets: BudgetVerdict[];
  checks: Check[];
}

const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const ops = (v: number) => (v >= 100 ? fixed(v, 0) : fixed(v, 1));
const ms = (v: number) => (v < 1 ? fixed(v, 3) : v < 100 ? fixed(v, 2) : fixed(v, 1));

function ratio(r: BenchResult): string {
  if (r.isBaseline) return 'baseline';
  if (r.throughputRatio === undefined) return '–';
  return `${fixed(r.throughputRatio, 3)} (${fixed(1 / r.throughputRatio, 1)}× slower)`;
}

function table(rows: string[][], rightAligned: boolean[]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const out: string[] = [];
  out.push('Samverka benchmarks');
  out.push(
    `machine: ${m.cpus} CPUs (${m.cpuModel}), availableParallelism ${m.availableParallelism}, ${m.totalMemMiB} MiB, ` +
      `${m.platform}/${m.arch}, Node ${m.node}; load average at start ${m.loadAvgAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  out.push(`database: ${report.database.kind} PostgreSQL ${report.database.serverVersion}`);
  out.push(`settings: ${JSON.stringify(report.settings)}`);
  out.push('');
  out.push('datasets:');
  for (const [phase, d] of Object.entries(report.datasets)) {
    out.push(
      `  ${phase.padEnd(6)} ${d.committees} committees, ${d.departments} departments (${d.activeDepartments} active), ${d.people} people, ` +
        `${d.assignments} assignments (${d.currentOrUpcomingAssignments} current or scheduled); coverage: ` +
        `${d.coverage.withoutPrimary} without primary, ${d.coverage.unacknowledged} unacknowledged, ${d.coverage.endingSoon} ending within 30 days`,
    );
  }
  out.push('');

  const header = ['dataset', 'kind', 'target', 'ops/s', 'p50 ms', 'p99 ms', 'throughput vs baseline', 'p50 vs base', 'queries/op', 'bytes/resp', 'n', 'non-2xx/err'];
  const rows = [header];
  for (const r of report.results) {
    if (r.notMeasured) {
      rows.push([r.phase, r.kind, r.target, '–', '–', '–', 'not measured (see checks)', '', '', '', '0', '']);
      continue;
    }
    rows.push([
      r.phase,
      r.kind,
      r.target,
      ops(r.opsPerSec),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p99),
      ratio(r),
      r.isBaseline || r.p50Ratio === undefined ? '' : `${fixed(r.p50Ratio, 1)}×`,
      r.queriesPerOp === null ? '–' : fixed(r.queriesPerOp, 2),
      r.bytesPerResponse === undefined ? '' : fixed(r.bytesPerResponse, 0),
      String(r.count),
      r.kind === 'http' ? `${r.non2xx ?? 0}/${(r.errors ?? 0) + (r.timeouts ?? 0)}` : '',
    ]);
  }
  out.push(table(rows, [false, false, false, true, true, true, false, true, true, true, true, true]));
  out.push('');
  out.push('http: 127.0.0.1, autocannon in a separate process, ' + `${report.settings.connections} connections, ${report.settings.httpDurationSec} s per target after ${report.settings.httpWarmupSec} s warm-up; compared with the bare Fastify route.`);
  out.push('service: sequential in-process calls on the app\'s own pool; compared with a raw pg Client running `select 1`.');
  out.push(`queries/op: statements the app sent through TypeORM per request (counted over ${report.settings.probeRequests} sequential requests on a quiet server) or per call.`);
  out.push('');
  out.push(`memory: ${memoryLine(report)}`);
  out.push('');
  const ok = report.budgets.filter((b) => b.ok).length;
  out.push(`budgets (bench/budgets.ts): ${ok} of ${report.budgets.length} ok`);
  const budgetRows = [['', 'target', 'dataset', 'today', 'budget', 'this run'], ...report.budgets.map((b) => [b.ok ? 'ok' : 'FAIL', b.target, b.phase, b.today, b.budget, b.measured])];
  out.push(table(budgetRows, [false, false, false, false, false, false]).replace(/^/gm, '  '));
  out.push('');
  out.push('checks:');
  for (const c of report.checks) out.push(`  ${c.ok ? 'ok  ' : 'WARN'} ${c.name}: ${c.detail}`);
  return out.join('\n');
}

function memoryLine(report: BenchReport): string {
  const peaks = Object.entries(report.memory.apiRssPeakMiB).map(([phase, mib]) => `${phase} ${mib.toFixed(0)} MiB`);
  const hwm = report.memory.processHighWaterMiB;
  return (
    `peak RSS of the API process under load: ${peaks.join(', ') || 'not sampled'}` +
    (hwm === null ? '' : `; its high-water mark over the whole run (VmHWM, with the data loading) ${hwm.toFixed(0)} MiB`)
  );
}

const cell = (v: string) => v.replace(/\|/g, '\\|');

/**
 * bench/RESULTS.md: the figures of one full run (`npm run bench -- --write-results`): the machine, its load
 * average at start and end, how to reproduce, every result and every budget with ok or FAIL.
 */
export function formatResultsMarkdown(report: BenchReport, overrides: string[] = []): string {
  const m = report.machine;
  const out: string[] = [];
  const ok = report.budgets.filter((b) => b.ok).length;
  out.push('# Benchmark results');
  out.push('');
  if (overrides.length) {
    out.push(`**Not a full run:** ${overrides.join(', ')} changed the default settings; rerun without them.`);
    out.push('');
  }
  out.push(`Written by \`npm run bench -- --write-results\` (bench/run.ts); the figures of the last full run. Do not edit by hand.`);
  out.push('');
  out.push(`- run: ${report.startedAt} to ${report.finishedAt} (${report.wallSec.toFixed(0)} s)`);
  out.push(`- machine: ${m.cpus} CPUs (${m.cpuModel}), availableParallelism ${m.availableParallelism}, ${m.totalMemMiB} MiB, ${m.platform}/${m.arch}, Node ${m.node}`);
  out.push(`- load average (1, 5, 15 min) at start: ${m.loadAvgAtStart.map((l) => l.toFixed(2)).join(' ')}; at end: ${m.loadAvgAtEnd.map((l) => l.toFixed(2)).join(' ')}`);
  out.push(`- database: ${report.database.kind} PostgreSQL ${report.database.serverVersion}`);
  out.push(`- settings: \`${JSON.stringify(report.settings)}\``);
  out.push(`- memory: ${memoryLine(report)}`);
  out.push('');
  out.push('## How to reproduce');
  out.push('');
  out.push('```sh');
  out.push('npm run bench -- --write-results   # a throw-away embedded PostgreSQL; or DATABASE_URL=… for a fresh database on that server');
  out.push('```');
  out.push('');
  out.push('On a quiet machine: other work skews the figures (the ratios to the baselines measured in the same run less than the absolute numbers).');
  out.push('');
  out.push(`## Budgets (issue 16): ${ok} of ${report.budgets.length} ok`);
  out.push('');
  out.push('| | target | dataset | today | budget | this run |');
  out.push('| --- | --- | --- | --- | --- | --- |');
  for (const b of report.budgets) out.push(`| ${b.ok ? 'ok' : '**FAIL**'} | ${cell(b.target)} | ${b.phase} | ${cell(b.today)} | ${cell(b.budget)} | ${cell(b.measured)} |`);
  out.push('');
  out.push('## Datasets');
  out.push('');
  for (const [phase, d] of Object.entries(report.datasets)) {
    out.push(
      `- ${phase}: ${d.committees} committees, ${d.departments} departments (${d.activeDepartments} active), ${d.people} people, ${d.assignments} assignments; ` +
        `coverage: ${d.coverage.withoutPrimary} without primary, ${d.coverage.unacknowledged} unacknowledged, ${d.coverage.endingSoon} ending within 30 days`,
    );
  }
  out.push('');
  out.push('## Results');
  out.push('');
  out.push('| dataset | kind | target | ops/s | p50 ms | p99 ms | vs baseline | statements/op | bytes/resp | n | non-2xx/err |');
  out.push('| --- | --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const r of report.results) {
    if (r.notMeasured) {
      out.push(`| ${r.phase} | ${r.kind} | ${cell(r.target)} | – | – | – | not measured: ${cell(r.notMeasured)} | | | 0 | |`);
      continue;
    }
    out.push(
      `| ${r.phase} | ${r.kind} | ${cell(r.target)} | ${ops(r.opsPerSec)} | ${ms(r.latencyMs.p50)} | ${ms(r.latencyMs.p99)} | ${ratio(r)} | ` +
        `${r.queriesPerOp === null ? '–' : fixed(r.queriesPerOp, 2)} | ${r.bytesPerResponse === undefined ? '' : fixed(r.bytesPerResponse, 0)} | ${r.count} | ` +
        `${r.kind === 'http' ? `${r.non2xx ?? 0}/${(r.errors ?? 0) + (r.timeouts ?? 0)}` : ''} |`,
    );
  }
  out.push('');
  out.push('## Checks');
  out.push('');
  for (const c of report.checks) out.push(`- ${c.ok ? 'ok' : '**WARN**'} ${cell(c.name)}: ${cell(c.detail)}`);
  out.push('');
  return out.join('\n');
}

export function writeReport(report: BenchReport, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `results-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
