import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED_KEYS } from '@/lib/log';

/** A logger writing into an array, one entry per line written. */
function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe('the server log', () => {
  const forged =
    'alex@example.test\n{"level":"error"} \u001b[32mall is well\u001b[0m\r\u2028\u009b';

  it('writes one JSON object per call, with level, time, message and details', () => {
    const { logger, lines } = captured();
    logger.info({ requestId: 'r-1', status: 200 }, 'request');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', msg: 'request', requestId: 'r-1', status: 200 });
    expect(new Date(entry.time).getTime()).not.toBeNaN();
  });

  it('cannot be made to forge a line or drive a terminal by what it writes', () => {
    const { logger, lines } = captured();
    logger.warn({ detail: forged }, `sign-in failed ${forged}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
    // Still JSON, and the text comes back whole.
    expect(JSON.parse(lines[0]!).detail).toBe(forged);
  });

  it('keeps an error’s stack on the same one line', () => {
    const { logger, lines } = captured();
    logger.error({ requestId: 'r-1', error: new Error('bad input\nsecond line') }, 'unhandled');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry.error.message).toBe('bad input\nsecond line');
    expect(entry.error.stack).toContain('\n    at ');
  });

  it('redacts every sensitive key, at the top level and one level down', () => {
    const { logger, lines } = captured();
    const secrets = Object.fromEntries(REDACTED_KEYS.map((key) => [key, `secret ${key} value`]));
    logger.info({ ...secrets, user: { ...secrets, id: 'u-1' }, requestId: 'r-1' }, 'details');
    expect(lines[0]).not.toContain('secret ');
    const entry = JSON.parse(lines[0]!);
    expect(entry.email).toBe('[Redacted]');
    expect(entry.user.name).toBe('[Redacted]');
    expect(entry.user.id).toBe('u-1');
    expect(entry.requestId).toBe('r-1');
  });

  it('redacts request headers passed whole', () => {
    const { logger, lines } = captured();
    logger.info(
      { headers: { cookie: 'session=abc', authorization: 'Bearer xyz', host: 'h' } },
      'x',
    );
    const entry = JSON.parse(lines[0]!);
    expect(entry.headers).toEqual({ cookie: '[Redacted]', authorization: '[Redacted]', host: 'h' });
  });
});
