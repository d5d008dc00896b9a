// The one way the app writes to the server log. Each call is exactly one line: every value is
// written with its control characters escaped, so nothing a client sends (an email, a header, an
// error message quoting input) can start a forged line or drive the terminal with ANSI escapes.
import { inspect } from 'node:util';

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** SECURITY: `text` with every control character written as a visible escape (`\n`, `\x1b`). */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code > 0xff
      ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

function format(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return inspect(value, { depth: 4, breakLength: Infinity });
}

/** One log line: the message, then `key=value` for each detail, all escaped. */
export function logLine(message: string, details: Record<string, unknown> = {}): string {
  const parts = [message, ...Object.entries(details).map(([key, v]) => `${key}=${format(v)}`)];
  return escapeControl(parts.join(' '));
}

export const log = {
  error(message: string, details?: Record<string, unknown>): void {
    console.error(logLine(`[triad] error: ${message}`, details));
  },
  warn(message: string, details?: Record<string, unknown>): void {
    console.warn(logLine(`[triad] warning: ${message}`, details));
  },
  info(message: string, details?: Record<string, unknown>): void {
    console.log(logLine(`[triad] ${message}`, details));
  },
};
