import type { BenchResult } from './report';

/**
 * The budgets of issue 16 ("Budgets, kept by the bench"), in one place: what each target must reach
 * on the 2-core reference machine, measured as the issue measured "today" (10 connections; the demo
 * city, or the 313-department city where it says so). Ratios are to the bare Fastify route measured
 * in the same run and phase; statements are those the app sends per request (counted over sequential
 * requests on a quiet server). `npm run bench` prints `ok` or `FAIL` for each, in its table and JSON.
 */
export interface Budget {
  /** The target as the issue names it. */
  target: string;
  /** The issue's figure for today (the reference the budget was set against). */
  today: string;
  /** The budget as the issue states it. */
  budget: string;
  /** Which measured result it is judged on: its phase (demo city, 313-department city, the 50-coordinator case) and target name in the bench's results. */
  phase: 'demo' | 'scale' | 'needs';
  resultTarget: string;
  /** Each limit that is set must hold. */
  minThroughputRatio?: number;
  maxStatements?: number;
  maxP50Ms?: number;
  minOpsPerSec?: number;
  /** Only that it was measured, with a ratio to its own baseline (the 50-coordinator case). */
  measuredWithRatio?: boolean;
}

/** The round write the issue calls "a round step": 67/s and 15 statements today. */
const ROUND_STEP_TODAY_PER_SEC = 67;

export const ROUND_STEP_TARGET = 'PlanRoundCommandService.update() (a round write: row-version check, history, audit, one transaction)';
export const TASKS_TARGET = 'GET /api/v1/me/tasks (the strategist: every kind that applies)';
export const CONCURRENT_NEEDS_TARGET = 'POST /api/v1/rounds/{id}/needs by 50 concurrent coordinators';

export const BUDGETS: readonly Budget[] = [
  { target: '`GET /health`', today: '0.069×', budget: '≥ 0.25×', phase: 'demo', resultTarget: 'GET /health', minThroughputRatio: 0.25 },
  {
    target: '`GET /api/v1/departments` (signed in)',
    today: '0.012×, 4 statements',
    budget: '≥ 0.06×, ≤ 1 statement',
    phase: 'demo',
    resultTarget: 'GET /api/v1/departments',
    minThroughputRatio: 0.06,
    maxStatements: 1,
  },
  {
    target: '`GET /api/v1/rounds/{id}` (signed in)',
    today: '0.006×, 8 statements',
    budget: '≥ 0.03×, ≤ 3 statements',
    phase: 'demo',
    resultTarget: 'GET /api/v1/rounds/{id} (facts, guards, participants)',
    minThroughputRatio: 0.03,
    maxStatements: 3,
  },
  {
    target: "the start page's tasks (`GET /api/v1/me/tasks`, signed in)",
    today: 'one statement per kind that applies (about 8 for a strategist)',
    budget: '≤ 2 statements ("each read is one or two statements")',
    phase: 'demo',
    resultTarget: TASKS_TARGET,
    maxStatements: 2,
  },
  {
    target: '`GET /forvaltningar` at 313 departments',
    today: '27 req/s, p50 347 ms',
    budget: 'p50 ≤ 50 ms',
    phase: 'scale',
    resultTarget: 'GET /forvaltningar (HTML)',
    maxP50Ms: 50,
  },
  {
    target: 'a round step (write)',
    today: `${ROUND_STEP_TODAY_PER_SEC}/s, 15 statements`,
    budget: `≥ 2× today's rate (≥ ${2 * ROUND_STEP_TODAY_PER_SEC}/s)`,
    phase: 'demo',
    resultTarget: ROUND_STEP_TARGET,
    minOpsPerSec: 2 * ROUND_STEP_TODAY_PER_SEC,
  },
  {
    target: 'needs created by 50 concurrent coordinators',
    today: 'not measured',
    budget: 'measured, with its ratio to a raw `pg` insert',
    phase: 'needs',
    resultTarget: CONCURRENT_NEEDS_TARGET,
    measuredWithRatio: true,
  },
];

export interface BudgetVerdict {
  target: string;
  today: string;
  budget: string;
  phase: string;
  /** What this run measured, in the budget's terms. */
  measured: string;
  ok: boolean;
  /** The limits that did not hold (empty when ok). */
  failures: string[];
}

const x = (v: number) => `${v.toFixed(3)}×`;

/** Judges every budget against this run's results; a target that was not measured fails its budget. */
export function judgeBudgets(results: readonly BenchResult[], budgets: readonly Budget[] = BUDGETS): BudgetVerdict[] {
  return budgets.map((b) => {
    const r = results.find((res) => res.phase === b.phase && res.target === b.resultTarget);
    const base = { target: b.target, today: b.today, budget: b.budget, phase: b.phase };
    if (!r || r.notMeasured || !Number.isFinite(r.opsPerSec) || r.count === 0) {
      return { ...base, measured: r?.notMeasured ? `not measured: ${r.notMeasured}` : 'not measured', ok: false, failures: ['not measured'] };
    }
    const parts: string[] = [];
    const failures: string[] = [];
    if (b.minThroughputRatio !== undefined) {
      const ratio = r.throughputRatio ?? NaN;
      parts.push(`${x(ratio)} (${r.opsPerSec.toFixed(0)} req/s)`);
      if (!(ratio >= b.minThroughputRatio)) failures.push(`ratio ${x(ratio)} < ${b.minThroughputRatio}×`);
    }
    if (b.maxStatements !== undefined) {
      const q = r.queriesPerOp;
      parts.push(`${q === null ? '?' : Number(q.toFixed(2))} statements`);
      if (q === null || !(q <= b.maxStatements)) failures.push(`${q ?? '?'} statements > ${b.maxStatements}`);
    }
    if (b.maxP50Ms !== undefined) {
      parts.push(`${r.opsPerSec.toFixed(0)} req/s, p50 ${r.latencyMs.p50.toFixed(1)} ms`);
      if (!(r.latencyMs.p50 <= b.maxP50Ms)) failures.push(`p50 ${r.latencyMs.p50.toFixed(1)} ms > ${b.maxP50Ms} ms`);
    }
    if (b.minOpsPerSec !== undefined) {
      parts.push(`${r.opsPerSec.toFixed(1)}/s${r.queriesPerOp === null ? '' : `, ${Number(r.queriesPerOp.toFixed(2))} statements`}`);
      if (!(r.opsPerSec >= b.minOpsPerSec)) failures.push(`${r.opsPerSec.toFixed(1)}/s < ${b.minOpsPerSec}/s`);
    }
    if (b.measuredWithRatio) {
      const ratio = r.throughputRatio;
      parts.push(`${r.opsPerSec.toFixed(0)} needs/s, ${ratio === undefined ? 'no ratio' : `${x(ratio)} of ${r.baselineTarget ?? 'its baseline'}`}`);
      if (ratio === undefined || !Number.isFinite(ratio)) failures.push('no ratio to its baseline');
      if ((r.non2xx ?? 0) + (r.errors ?? 0) + (r.timeouts ?? 0) > 0) failures.push('not every request succeeded');
    }
    return { ...base, measured: parts.join('; '), ok: failures.length === 0, failures };
  });
}
