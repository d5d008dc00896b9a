// The one way the app writes to the server log (docs/decisions/030-health-logs-metrics.md): pino,
// one JSON object per line on standard output, which any log shipper reads without a parser of
// ours. Callers keep `log.error/warn/info(message, details)`.
//
// SECURITY: no PHI in the log. Details under a sensitive key (below) are written as [Redacted],
// at the top level and one level down, so a caller that passes a user, a request or a body by
// mistake leaks none of it; callers pass ids, never names or text. A suite-wide test reads every
// line the integration run wrote for any patient name, medication or note text
// (tests/support/global-setup.ts). Each call stays exactly one line: JSON escapes C0 controls, and
// the hook below escapes the C1 controls and line separators JSON would leave raw, so nothing a
// client sends can forge a line or drive a terminal.
import pino, { type DestinationStream, type Logger } from 'pino';

/** Keys whose values never reach the log, wherever they appear (top level or one level down). */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'newPassword',
  'currentPassword',
  'secret',
  'token',
  'body',
  'email',
  'name',
  'firstName',
  'lastName',
  'note',
  'text',
  'medication',
  'search',
  'query',
  'phone',
  'address',
  'dateOfBirth',
];

const redactPaths = REDACTED_KEYS.flatMap((key) => {
  const path = /^[A-Za-z_]\w*$/.test(key) ? key : `["${key}"]`;
  return [path, `*${path.startsWith('[') ? '' : '.'}${path}`];
});

// C1 controls, DEL, and the Unicode line and paragraph separators: valid raw inside a JSON string
// (pino escapes the C0 ones), but some terminals act on them.
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;

const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The destination: standard output, and also TRIAD_LOG_FILE when set (the tests' PHI check). */
function destination(): DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true });
  const file = process.env.TRIAD_LOG_FILE;
  if (!file) return stdout;
  const copy = pino.destination({ dest: file, sync: true, append: true, mkdir: true });
  return pino.multistream([{ stream: stdout }, { stream: copy }]);
}

/** A logger with Triad's format and redaction, writing to `stream` (tests capture it). */
export function createLogger(stream: DestinationStream = destination()): Logger {
  return pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { error: pino.stdSerializers.err, err: pino.stdSerializers.err },
      redact: { paths: redactPaths, censor: '[Redacted]' },
      hooks: {
        streamWrite: (line) => line.replace(RAW_IN_JSON, unicodeEscape),
      },
    },
    stream,
  );
}

// One logger per process: Next bundles route handlers apart from the server in front of it, and
// both should write through the same stream.
const globalForLog = globalThis as unknown as { triadLogger?: Logger };
const logger = (globalForLog.triadLogger ??= createLogger());

type Details = Record<string, unknown>;

export const log = {
  error(message: string, details: Details = {}): void {
    logger.error(details, message);
  },
  warn(message: string, details: Details = {}): void {
    logger.warn(details, message);
  },
  info(message: string, details: Details = {}): void {
    logger.info(details, message);
  },
};
