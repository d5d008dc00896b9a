import 'server-only';
import { db, type Tx } from '@/lib/db';
import type { AuditAction } from '@/lib/audit-vocabulary';

// What a read may send: Prisma's read operations and raw SELECTs.
const READ_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  '$queryRaw',
]);

/** A write attempted through the read-only client: a bug in lib/data, never the user's doing. */
export class WriteInReadError extends Error {
  override name = 'WriteInReadError';
}

const readOnly = db.$extends({
  name: 'read-only',
  query: {
    async $allOperations({ model, operation, args, query }) {
      if (!READ_OPERATIONS.has(operation)) {
        throw new WriteInReadError(
          `${model ?? 'raw'}.${operation} in a read: a read runs outside a transaction, so a ` +
            'function that writes must declare a writing audit action (docs/decisions/029-statements-per-read.md)',
        );
      }
      return query(args);
    },
  },
});

/**
 * The client a read works with: the pool, no transaction (BEGIN and COMMIT would be two of its
 * five statements, and at READ COMMITTED a transaction gives a read no firmer snapshot than its
 * statements have), refusing every write so that a write can never escape the atomicity that the
 * writing road (a transaction) gives it. Typed as a transaction so the same helpers serve both.
 */
export const readClient = readOnly as unknown as Tx;

/** Audit actions that only read ('export': the patient downloads their record). */
const READ_ACTIONS: ReadonlySet<AuditAction> = new Set(['read', 'list', 'export']);

/**
 * Whether an access runs on the read-only client, outside a transaction: a read (audit action
 * 'read', 'list' or 'export') that does not say it also `writes` (docs/decisions/029-statements-per-read.md).
 */
export function runsAsRead(access: { action: AuditAction; writes?: true }): boolean {
  return READ_ACTIONS.has(access.action) && !access.writes;
}
