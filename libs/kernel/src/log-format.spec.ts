import { PassThrough } from 'node:stream';
import { prettyLogLine, prettyLogStream } from './log-format';

const at = new Date(2026, 10, 30, 9, 15, 2).getTime();

describe('prettyLogLine', () => {
  it('writes a request as one line: time, level, method, path, status, duration, request id', () => {
    const line = JSON.stringify({ level: 30, time: at, req: { id: 'r-1', method: 'GET', url: '/api/v1/departments' }, res: { statusCode: 200 }, responseTime: 4.4, msg: 'request completed' });
    expect(prettyLogLine(line)).toBe('09:15:02 INFO  GET /api/v1/departments 200 4 ms  (r-1)');
  });

  it('writes a failed request with its error message at its level', () => {
    const line = JSON.stringify({ level: 50, time: at, req: { method: 'POST', url: '/x' }, res: { statusCode: 500 }, err: { message: 'boom' }, responseTime: 12 });
    expect(prettyLogLine(line)).toBe('09:15:02 ERROR POST /x 500 12 ms – boom');
  });

  it('writes other lines with their context, and an error stack below', () => {
    expect(prettyLogLine(JSON.stringify({ level: 30, time: at, context: 'Schedules', msg: 'needs reminders: queued 2 email(s)' }))).toBe('09:15:02 INFO  [Schedules] needs reminders: queued 2 email(s)');
    expect(prettyLogLine(JSON.stringify({ level: 40, time: at, msg: 'slow', err: { stack: 'Error: slow\n    at x' } }))).toBe('09:15:02 WARN  slow\nError: slow\n    at x');
  });

  it.each(['RouterExplorer', 'RoutesResolver', 'InstanceLoader'])("leaves out Nest's start-up lines of %s, but not their warnings", (context) => {
    expect(prettyLogLine(JSON.stringify({ level: 30, time: at, context, msg: 'Mapped {/health, GET} route' }))).toBeNull();
    expect(prettyLogLine(JSON.stringify({ level: 40, time: at, context, msg: 'odd' }))).toBe(`09:15:02 WARN  [${context}] odd`);
  });

  it('passes a line that is not JSON through as it is', () => {
    expect(prettyLogLine('plain text\n')).toBe('plain text');
  });
});

describe('prettyLogStream', () => {
  it('formats whole lines, also when a line arrives in pieces, and drops the left-out ones', async () => {
    const out = new PassThrough();
    const written: string[] = [];
    out.on('data', (c: Buffer) => written.push(c.toString()));
    const stream = prettyLogStream(out);
    const request = JSON.stringify({ level: 30, time: at, req: { method: 'GET', url: '/health' }, res: { statusCode: 200 }, responseTime: 1 });
    const mapping = JSON.stringify({ level: 30, time: at, context: 'RouterExplorer', msg: 'Mapped' });
    stream.write(`${mapping}\n${request.slice(0, 20)}`);
    stream.write(`${request.slice(20)}\n`);
    await new Promise((resolve) => stream.end(resolve));
    expect(written.join('')).toBe('09:15:02 INFO  GET /health 200 1 ms\n');
  });
});
