import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('select 1', [], driverError);

describe(isDatabaseUnavailable.name, () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['every address of a host refused', new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], '')],
    ['a connection lost mid-query', failedQuery(new Error('Connection terminated unexpectedly'))],
    ['a connection not made in time (pg)', new Error('Connection terminated due to connection timeout')],
    ['a connection not made in time (pool)', new Error('timeout exceeded when trying to connect')],
    ['a statement the server never answered', failedQuery(new Error('Query read timeout'))],
    ['an administrator shutdown', failedQuery(pgError('57P01'))],
    ['a server starting up', failedQuery(pgError('57P03'))],
    ['a connection failure', failedQuery(pgError('08006'))],
    ['a statement timeout', failedQuery(pgError('57014', 'canceling statement due to statement timeout'))],
    ['a lock timeout', failedQuery(pgError('55P03'))],
    ['a cause that is one of these', new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })],
  ])('says yes to %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', failedQuery(pgError('23505'))],
    ['a syntax error (a bug)', failedQuery(pgError('42601'))],
    ['an invalid value', failedQuery(pgError('22P02'))],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('says no to %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
