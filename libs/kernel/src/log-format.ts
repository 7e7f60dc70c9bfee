import { Writable } from 'node:stream';

/** How the processes write their logs: JSON lines (production, tests), or one readable line per event (development). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Nest's start-up chatter: one line per mapped route, controller and module (about a hundred before the first request). */
const STARTUP_CONTEXTS = new Set(['RouterExplorer', 'RoutesResolver', 'InstanceLoader']);

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

const clock = (time: unknown): string => {
  const d = typeof time === 'number' ? new Date(time) : new Date();
  return d.toTimeString().slice(0, 8);
};

/**
 * One pino JSON line as one readable line, or null to leave it out (Nest's route mappings and module
 * loading). A request: `09:15:02 INFO  GET /api/v1/departments 200 4 ms`, with the request id; anything
 * else: time, level, `[context]`, message, and an error's stack on the lines after it.
 */
interface LogEntry {
  level?: number;
  time?: number;
  context?: unknown;
  msg?: unknown;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: unknown;
  err?: { message?: string; stack?: unknown };
}

export function prettyLogLine(json: string): string | null {
  let entry: LogEntry;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.trimEnd();
  }
  if (typeof entry.context === 'string' && STARTUP_CONTEXTS.has(entry.context) && (entry.level ?? 30) <= 30) return null;
  const level = (LEVELS[entry.level ?? 30] ?? String(entry.level)).padEnd(5);
  const head = `${clock(entry.time)} ${level}`;
  if (entry.req && entry.res) {
    const took = typeof entry.responseTime === 'number' ? ` ${Math.round(entry.responseTime)} ms` : '';
    const id = entry.req.id ? `  (${entry.req.id})` : '';
    const failure = entry.err?.message ? ` – ${entry.err.message}` : '';
    return `${head} ${entry.req.method} ${entry.req.url} ${entry.res.statusCode}${took}${failure}${id}`;
  }
  const context = typeof entry.context === 'string' ? ` [${entry.context}]` : '';
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  const stack = typeof entry.err?.stack === 'string' ? `\n${entry.err.stack}` : '';
  return `${head}${context} ${message}${stack}`;
}

/** A destination for pino that writes `prettyLogLine` of each line it gets to `out` (stdout by default). */
export function prettyLogStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let pending = '';
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      pending += chunk.toString();
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = prettyLogLine(pending.slice(0, newline));
        if (line !== null) out.write(`${line}\n`);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf('\n');
      }
      done();
    },
  });
}
