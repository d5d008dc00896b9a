// Failures that are nobody's bug: the database down, frozen or too slow for its timeouts
// (lib/db.ts), and the client that went away mid-request. The API answers the first with 503
// and logs one line; the second is not logged at all (docs/decisions/016-start-up-durability-timeouts.md).

/** Seconds a client should wait before retrying when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma: can't reach, timed out, server closed the connection, no pooled connection in time.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// PostgreSQL: statement timeout or cancel, shutting down, starting up, too many connections,
// idle-in-transaction timeout; class 08 is "connection exception".
const SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '25P03']);
const NODE_CODES = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ECONNRESET', 'EHOSTUNREACH']);
// node-postgres and pg-pool report these as plain Errors.
const MESSAGES =
  /Query read timeout|timeout exceeded when trying to connect|Connection terminated|connection timeout|Can't reach database server|Timed out fetching a new connection|Server has closed the connection/i;

/**
 * The error and its causes, as Prisma's driver adapters wrap the driver's error: a database error
 * becomes a known request error (P2039, or P2010 for raw SQL) carrying the adapter's error in
 * `meta.driverAdapterError`, whose `cause` holds PostgreSQL's code as `originalCode`.
 */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    yield current as Record<string, unknown>;
    const { cause, meta } = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = cause ?? meta?.driverAdapterError;
  }
}

/** True when the error means the database cannot answer right now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of chain(error)) {
    const code = typeof link.code === 'string' ? link.code : undefined;
    const original = typeof link.originalCode === 'string' ? link.originalCode : undefined;
    for (const c of [code, original]) {
      if (!c) continue;
      if (PRISMA_CODES.has(c) || SQLSTATES.has(c) || NODE_CODES.has(c) || /^08/.test(c)) {
        return true;
      }
    }
    if (typeof link.message === 'string' && MESSAGES.test(link.message)) return true;
    if (typeof link.originalMessage === 'string' && MESSAGES.test(link.originalMessage)) {
      return true;
    }
  }
  return false;
}

/** True when the client disconnected: its request's signal aborted, or the socket reset. */
export function isClientGone(error: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  for (const link of chain(error)) {
    if (link.name === 'AbortError' || link.name === 'ResponseAborted') return true;
    if (link.code === 'ECONNRESET' && link.message === 'aborted') return true;
  }
  return false;
}
