import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import {
  withPatientAccess,
  type PatientAccess,
  type ScopedPatient,
} from '@/lib/data/patient-access';
import { fromIsoDate } from '@/lib/calendar-date';
import { idempotent } from '@/lib/data/idempotency';
import { invalidCursor, parseInput } from '@/lib/errors';
import type { Idempotency } from '@/lib/idempotency';

// The shared recipes of lib/data (docs/decisions/018-one-shape.md): one keyset page, one advisory
// lock. A list or a serialized write uses these; it does not write its own copy.

/** The where-clause of a date column from `from` to `to` (`YYYY-MM-DD`, both included). */
export function daysBetween(from: string, to: string): { gte: Date; lte: Date } {
  return { gte: fromIsoDate(from), lte: fromIsoDate(to) };
}

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

export { lockFor } from '@/lib/data/lock';

type Where = Record<string, unknown>;

/** The two reads of a Prisma model a newest-first list needs (a `tx.<model>` fits). */
type NewestFirstModel<S, Row> = {
  findFirst(args: { where: { AND: Where[] }; select: Record<string, true> }): PromiseLike<unknown>;
  findMany(args: {
    where: { AND: Where[] };
    orderBy: Record<string, 'desc'>[];
    take: number;
    select: S;
  }): PromiseLike<Row[]>;
};

/**
 * The common keyset list: the rows of `model` matching `where` (the viewer's scope, always),
 * newest first by `field` then id, a page at a time through keysetPage; the cursor is a row's id,
 * looked up within the same `where`. E.g.
 * `newestFirstPage(tx.careTeamMessage, { where: scope, field: 'createdAt', select, cursor, limit }, toDto)`.
 */
export async function newestFirstPage<S, Row extends { id: string }, Item>(
  model: NewestFirstModel<NoInfer<S>, NoInfer<Row>>,
  list: { where: Where; field: string; select: S; cursor: string | undefined; limit: number },
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const { where, field } = list;
  return keysetPage({
    cursor: list.cursor,
    limit: list.limit,
    findKey: async (id) => {
      const at = (await model.findFirst({
        where: { AND: [where, { id }] },
        select: { id: true, [field]: true },
      })) as ({ id: string } & Record<string, unknown>) | null;
      return at && { value: at[field], id: at.id };
    },
    fetch: async (after, take) =>
      model.findMany({
        where: { AND: [where, ...(after ? [afterKey(field, after, 'desc')] : [])] },
        orderBy: [{ [field]: 'desc' }, { id: 'desc' }],
        take,
        select: list.select,
      }),
    cursorOf: (row) => row.id,
    toItem,
  });
}

/** The work of patientList and patientCreate, given the parsed query or input. */
type PatientWork<Schema extends z.ZodType, Result> = (
  tx: Tx,
  patient: ScopedPatient,
  parsed: z.output<Schema>,
  viewer: Viewer,
) => Promise<Result>;

/**
 * A read of one patient's list by its query (cursor, limit, filters): the query parsed first (a
 * 400 before anything is read), then `read` inside withPatientAccess with the access given. E.g.
 * `export const listMessages = patientList(MessageListQuery, access, (tx, patient, query) => …)`.
 */
export function patientList<Schema extends z.ZodType, Result>(
  schema: Schema,
  access: PatientAccess,
  read: PatientWork<Schema, Result>,
) {
  return (viewer: Viewer, patientId: string, query?: z.input<Schema>): Promise<Result> => {
    const parsed = parseInput(schema, query ?? {});
    return withPatientAccess(viewer, patientId, access, (tx, patient) =>
      read(tx, patient, parsed, viewer),
    );
  };
}

/**
 * A create on one patient's record by its input: the input parsed first (a 400 before anything is
 * read), then `create` inside withPatientAccess with the access given, once per Idempotency-Key (a
 * repeat answers the first result and records nothing new), the new record's id in the audit. E.g.
 * `export const createPsychotherapyNote = patientCreate(PsychotherapyNoteInput, access, (tx, patient, data, viewer) => …)`.
 */
export function patientCreate<Schema extends z.ZodType, Result extends { id: string }>(
  schema: Schema,
  access: PatientAccess,
  create: PatientWork<Schema, Result>,
) {
  return (
    viewer: Viewer,
    patientId: string,
    input: z.input<Schema> | z.output<Schema>,
    idempotency?: Idempotency,
  ): Promise<Result> => {
    const data = parseInput(schema, input);
    return withPatientAccess(
      viewer,
      patientId,
      access,
      (tx, patient) =>
        idempotent(tx, viewer, idempotency, data, () => create(tx, patient, data, viewer)),
      (result) => result.id,
    );
  };
}

/**
 * The columns that pin a new clinical record to its patient, organization and author (the
 * viewer): `data: { ...authoredBy(viewer, patient), body }`.
 */
export function authoredBy(viewer: Viewer, patient: ScopedPatient) {
  return { organizationId: patient.organizationId, patientId: patient.id, authorId: viewer.userId };
}
