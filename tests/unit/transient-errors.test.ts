import { describe, expect, it } from 'vitest';
import { isClientGone, isDatabaseUnavailable } from '@/lib/transient-errors';

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a pool that found no connection in time',
      new Error('timeout exceeded when trying to connect'),
    ],
    ['a server that never answered', new Error('Query read timeout')],
    ['a connect that timed out', new Error('Connection terminated due to connection timeout')],
    [
      'a statement timeout',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    [
      'a server shutting down',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
    ],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    [
      'Prisma: cannot reach the server',
      Object.assign(new Error('Can not reach'), { code: 'P1001' }),
    ],
    [
      'a server shutting down, as Prisma 7 reports it (P2039 with the adapter error in meta)',
      Object.assign(new Error('Database error. Code: `57P01`.'), {
        code: 'P2039',
        meta: {
          driverAdapterError: Object.assign(new Error('terminating connection'), {
            cause: { kind: 'postgres', originalCode: '57P01' },
          }),
        },
      }),
    ],
    [
      'PgBouncer unable to log in to its server (a protocol violation, class 08)',
      Object.assign(new Error('Database error. Code: `08P01`.'), {
        code: 'P2039',
        meta: {
          driverAdapterError: Object.assign(new Error('server login has been failing'), {
            cause: { kind: 'postgres', originalCode: '08P01' },
          }),
        },
      }),
    ],
    [
      'a driver error wrapped by Prisma',
      new Error('Invalid invocation', { cause: { originalCode: '57014' } }),
    ],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['Prisma: record not found', Object.assign(new Error('not found'), { code: 'P2025' })],
    ['not an error', 'nothing'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isClientGone', () => {
  it('is true when the request signal aborted, whatever the error', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isClientGone(new Error('anything'), controller.signal)).toBe(true);
  });

  it('is true for an aborted body read', () => {
    expect(isClientGone(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isClientGone(new DOMException('The operation was aborted.', 'AbortError'))).toBe(true);
  });

  it('is false for other failures while the client is still there', () => {
    expect(isClientGone(new Error('Query read timeout'), new AbortController().signal)).toBe(false);
  });
});
