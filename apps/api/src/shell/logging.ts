import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LogFormat, prettyLogStream } from '@samverka/kernel';
import { Params } from 'nestjs-pino';
import type { Options } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Fastify's request id: the caller's X-Request-Id when it is sane, else a fresh UUID. Logged with every line and echoed back. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Structured JSON logs (pino), one line per request with the request id Fastify assigned; in `pretty`
 * format (development) the same lines written readably, one per request, without Nest's route mappings.
 */
export function loggerParams(level: string, format: LogFormat = 'json'): Params {
  const options: Options = {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/assets/') },
  };
  return { pinoHttp: format === 'pretty' ? [options, prettyLogStream()] : options };
}
