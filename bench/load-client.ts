/**
 * The load generator, run as a child process of bench/run.ts (see
 * http-load.ts) so that it does not share an event loop with the servers it
 * measures. It takes one job at a time over IPC, runs autocannon against a
 * 127.0.0.1 URL for a bounded time and request count (a `run` job), or has
 * several clients each POST its own JSON body with its own credentials, all at
 * once (a `posts` job: the 50 coordinators), and answers with the figures. It
 * exits when the parent disconnects.
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

/** Each client posts its own body with its own headers, one request at a time, all clients at once; bounded in time and count. */
export interface PostsJob {
  type: 'posts';
  id: number;
  url: string;
  clients: Array<{ headers: Record<string, string>; body: unknown }>;
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

function localOnly(target: string): void {
  const url = new URL(target);
  if (url.hostname !== '127.0.0.1') throw new Error(`bench traffic goes to 127.0.0.1 only, not ${url.hostname}`);
}

async function runPosts(job: PostsJob): Promise<LoadFigures> {
  localOnly(job.url);
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let ok = 0;
  let okBytes = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + job.durationSec * 1000;
  await Promise.all(
    job.clients.map(async (client) => {
      const body = JSON.stringify(client.body);
      const headers = { ...client.headers, 'content-type': 'application/json' };
      while (performance.now() < deadline && sent < job.maxRequests) {
        sent++;
        const t0 = performance.now();
        try {
          const res = await fetch(job.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
          const text = await res.text();
          statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
          if (res.status >= 200 && res.status < 300) {
            ok++;
            okBytes += text.length;
            if (samples.length < MAX_SAMPLES) samples.push(performance.now() - t0);
          } else {
            non2xx++;
          }
        } catch {
          errors++;
        }
      }
    }),
  );
  const durationSec = (performance.now() - start) / 1000;
  return { ok, non2xx, errors, timeouts: 0, durationSec, rps: ok / durationSec, latencyMs: summarise(samples), bytesPerResponse: ok ? okBytes / ok : 0, statusCodes };
}

async function runJob(job: LoadJob): Promise<LoadFigures> {
  localOnly(job.url);
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
  process.on('message', (job: LoadJob | PostsJob) => {
    if (job?.type !== 'run' && job?.type !== 'posts') return;
    (job.type === 'run' ? runJob(job) : runPosts(job)).then(
      (figures) => send({ type: 'result', id: job.id, figures }),
      (e: unknown) => send({ type: 'error', id: job.id, message: (e as Error)?.message ?? String(e) }),
    );
  });
  send({ type: 'ready' });
}
