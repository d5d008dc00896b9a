import 'server-only';
import type { Tx } from '@/lib/db';
import { invalidCursor } from '@/lib/errors';

// The shared recipes of lib/data (docs/decisions/018-one-shape.md): one keyset page, one advisory
// lock. A list or a serialized write uses these; it does not write its own copy.

/** One page of a list: the items and the cursor of the next page (null on the last). */
export type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * SECURITY: keyset pagination. `findKey` looks the cursor up within the SAME scope as the list
 * (a cursor naming a row out of scope or gone is a 400 on `cursor`, never a peek); `fetch` reads
 * `take` rows after that key (or from the start); one more row than the page decides whether
 * there is a next page, and the last item's cursor is the next one.
 */
export async function keysetPage<Row, Key, Item = Row>(options: {
  cursor: string | undefined;
  limit: number;
  findKey: (cursor: string) => Promise<Key | null>;
  fetch: (after: Key | undefined, take: number) => Promise<Row[]>;
  cursorOf: (row: Row) => string;
  toItem?: (row: Row) => Item;
}): Promise<Page<Item>> {
  const { cursor, limit } = options;
  let after: Key | undefined;
  if (cursor !== undefined) {
    const key = await options.findKey(cursor);
    if (key === null) throw invalidCursor();
    after = key;
  }
  const fetched = await options.fetch(after, limit + 1);
  const rows = fetched.slice(0, limit);
  const last = rows.at(-1);
  const toItem = options.toItem ?? ((row: Row) => row as unknown as Item);
  return {
    items: rows.map(toItem),
    nextCursor: fetched.length > limit && last !== undefined ? options.cursorOf(last) : null,
  };
}

/**
 * The keyset condition "after this row" for a list ordered by one field, then id, both in the
 * same direction: `{ OR: [{ field: { lt|gt: value } }, { field: value, id: { lt|gt: id } }] }`.
 */
export function afterKey<F extends string, V>(
  field: F,
  key: { value: V; id: string },
  direction: 'asc' | 'desc',
) {
  const beyond = direction === 'desc' ? 'lt' : 'gt';
  return {
    OR: [{ [field]: { [beyond]: key.value } }, { [field]: key.value, id: { [beyond]: key.id } }],
  } as { OR: Record<string, unknown>[] };
}

/**
 * Serializes writers of one thing (a patient's check-in day, a care team, an idempotency key)
 * until the transaction ends: a PostgreSQL transaction-level advisory lock on a 64-bit hash of the
 * parts joined with ':' (the one hashing scheme).
 */
export async function lockFor(tx: Tx, ...parts: string[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${parts.join(':')}, 0))`;
}
