import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeControl, log, logLine } from '@/lib/log';

afterEach(() => vi.restoreAllMocks());

describe('the server log', () => {
  const forged = 'alex@example.test\n[triad] error: \u001b[32mall is well\u001b[0m\r\u2028';

  it('writes a forged line and ANSI escapes as visible text, never raw', () => {
    const line = logLine('sign-in failed', { email: forged });
    expect(line).toBe(
      'sign-in failed email=alex@example.test\\n[triad] error: \\x1b[32mall is well\\x1b[0m\\r\\u2028',
    );
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('keeps an error’s stack on the same one line', () => {
    const error = new Error(`bad input ${forged}`);
    const written = vi.spyOn(console, 'error').mockImplementation(() => {});
    log.error('unhandled error', { requestId: 'r-1', error });
    expect(written).toHaveBeenCalledTimes(1);
    const line = written.mock.calls[0]![0] as string;
    expect(line).toMatch(/^\[triad\] error: unhandled error requestId=r-1 error=Error: bad input/);
    expect(line).not.toContain('\n');
    expect(line).not.toContain('\u001b');
    expect(line).toContain('\\n    at ');
  });

  it('escapes C1 controls that some terminals read as escape sequences', () => {
    expect(escapeControl('a\u009b31mb\u007f')).toBe('a\\x9b31mb\\x7f');
  });
});
