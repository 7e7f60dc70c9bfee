/**
 * The load generator, run as a child process of bench/run.ts (see
 * http-load.ts) so that it does not share an event loop with the servers it
 * measures. It takes one job at a time over IPC, runs autocannon against a
 * 127.0.0.1 URL for a bounded time and request count, and answers with the
 * figures. It exits when the parent disconnects.
 */
import autocannon from 'autocannon';
import { LatencySummary, summarise } from './stats';

export interface LoadJob {
  type: 'run';
  id: number;
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  maxRequests: number;
}

export interface LoadFigures {
  /** Responses with a 2xx status. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSec: number;
  /** 2xx responses per second. */
  rps: number;
  /** Of 2xx responses, with sub-millisecond resolution. */
  latencyMs: LatencySummary;
  bytesPerResponse: number;
  statusCodes: Record<string, number>;
}

export type LoadReply = { type: 'ready' } | { type: 'result'; id: number; figures: LoadFigures } | { type: 'error'; id: number; message: string };

const MAX_SAMPLES = 2_000_000;

async function runJob(job: LoadJob): Promise<LoadFigures> {
  const url = new URL(job.url);
  if (url.hostname !== '127.0.0.1') throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url.hostname}`);
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let ok = 0;
  let okBytes = 0;
  const instance = autocannon({
    url: job.url,
    headers: job.headers,
    connections: job.connections,
    duration: job.durationSec,
    maxOverallRequests: job.maxRequests,
    timeout: 10,
  });
  instance.on('response', (_client, statusCode, resBytes, responseTime) => {
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) {
      ok++;
      okBytes += resBytes;
      if (samples.length < MAX_SAMPLES) samples.push(responseTime);
    }
  });
  const result = await instance;
  const durationSec = (result.finish.getTime() - result.start.getTime()) / 1000 || result.duration;
  return {
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSec,
    rps: ok / durationSec,
    latencyMs: summarise(samples),
    bytesPerResponse: ok ? okBytes / ok : 0,
    statusCodes,
  };
}

function send(reply: LoadReply): void {
  process.send?.(reply);
}

if (require.main === module) {
  if (!process.send) {
    process.stderr.write('bench/load-client.ts runs as a child of bench/run.ts (npm run bench)\n');
    process.exit(1);
  }
  process.on('disconnect', () => process.exit(0));
  process.on('message', (job: LoadJob) => {
    if (job?.type !== 'run') return;
    runJob(job).then(
      (figures) => send({ type: 'result', id: job.id, figures }),
      (e: unknown) => send({ type: 'error', id: job.id, message: (e as Error)?.message ?? String(e) }),
    );
  });
  send({ type: 'ready' });
}
