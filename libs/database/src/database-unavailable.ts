import { Client, ClientConfig } from 'pg';
import { QueryFailedError, QueryRunner, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** Socket errors that mean the server cannot be reached (or went away mid-conversation). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATEs of a server that is going away or not there yet: 08xxx (connection exception), 57P01-57P03
 * (admin/crash shutdown, cannot connect now), 57014 (a statement cancelled by `statement_timeout`: a
 * server too slow to answer within the request's time counts as away), 55P03 (lock not available in time).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|57014|55P03)$/;

/** Messages of node-postgres (pg, pg-pool) when the connection is lost, could not be made in time, or a statement got no answer. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout expired|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Connection ended|connect ETIMEDOUT)/i;

/** The message node-postgres rejects a statement with when the server did not answer within `query_timeout`. */
const QUERY_READ_TIMEOUT = 'Query read timeout';

/**
 * Whether an error means the database is away (down, restarting, frozen or unreachable) rather than a
 * fault of the request or a bug. Looks through TypeORM's `QueryFailedError.driverError`, `cause` and
 * the attempts of an `AggregateError` (a refused connection to every address of a host name).
 */
export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  const err = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof err.code === 'string' && (NETWORK_CODES.has(err.code) || UNAVAILABLE_SQLSTATE.test(err.code))) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.test(err.message)) return true;
  if (e instanceof QueryFailedError && isDatabaseUnavailable(err.driverError, depth + 1)) return true;
  if (err.cause && isDatabaseUnavailable(err.cause, depth + 1)) return true;
  return Array.isArray(err.errors) && err.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** How long after the statement timeout the client stops waiting for a server that answers nothing. */
export const CLIENT_GRACE_MS = 1000;

type QueryCallback = (err: Error | null, result?: unknown) => void;

/**
 * A node-postgres client that closes its socket when a statement got no answer within `query_timeout`.
 * On its own, pg only rejects the statement and leaves it running on the connection; the next user
 * of the pooled connection would queue behind it, and once a frozen server thaws, a transaction
 * whose ROLLBACK was never sent would go back to the pool still open. Closed, the connection leaves
 * the pool (TypeORM releases it with the error) and the pool opens a fresh one when needed.
 */
export class GuardedClient extends Client {
  private readonly defaultQueryTimeout: number | undefined;
  /** The error the connection was lost with (the server ended it, or it broke), if it was. */
  lostWith?: Error;

  constructor(config?: ClientConfig) {
    super(config);
    this.defaultQueryTimeout = config?.query_timeout;
    this.on('error', (e: Error) => {
      this.lostWith ??= e;
    });
  }

  /** Follows a session's `statement_timeout` (0: none; null: the pool's default) with the client's own limit. */
  followStatementTimeout(ms: number | null): void {
    const parameters = (this as unknown as { connectionParameters: { query_timeout?: number } }).connectionParameters;
    parameters.query_timeout = ms === null ? this.defaultQueryTimeout : ms === 0 ? undefined : ms + CLIENT_GRACE_MS;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query has a dozen overloads; this passes every one through
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as QueryCallback;
      args[last] = (err: Error | null, result?: unknown) => {
        this.closeIfUnanswered(err);
        callback(err, result);
      };
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result instanceof Promise) {
      return result.catch((err: Error) => {
        this.closeIfUnanswered(err);
        throw err;
      });
    }
    return result;
  }

  private closeIfUnanswered(err: Error | null): void {
    if (err?.message !== QUERY_READ_TIMEOUT) return;
    (this as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
  }
}

/**
 * TypeORM releases a query runner when its connection reports an error (the server ended it: a
 * restart, a fast shutdown, a terminated backend), and a statement the transaction sends afterwards
 * fails with its "already released" error, which says nothing of the database. When the runner's
 * connection was indeed lost, that loss becomes the error's `cause`, so it counts as the database
 * away (a 503); without a lost connection it stays what it is (a bug, a 500).
 */
export function explainReleasedRunner(e: unknown, runner: QueryRunner): unknown {
  const released = e instanceof QueryRunnerAlreadyReleasedError || e instanceof QueryRunnerProviderAlreadyReleasedError;
  const client: unknown = (runner as { databaseConnection?: unknown }).databaseConnection;
  if (released && client instanceof GuardedClient && client.lostWith && !(e as { cause?: unknown }).cause) {
    Object.defineProperty(e, 'cause', { value: client.lostWith, enumerable: false, configurable: true, writable: true });
  }
  return e;
}

/**
 * Sets the statement timeout of the runner's session (0: none; null: back to the pool's default), for
 * work that may take longer than a request, such as migrations. The connection goes back to the pool
 * afterwards, so whoever sets it resets it (null) before releasing the runner.
 */
export async function setSessionStatementTimeout(runner: QueryRunner, ms: number | null): Promise<void> {
  const client: unknown = await runner.connect();
  await runner.query(ms === null ? 'reset statement_timeout' : `set statement_timeout = ${Math.max(0, Math.trunc(ms))}`);
  if (client instanceof GuardedClient) client.followStatementTimeout(ms);
}
