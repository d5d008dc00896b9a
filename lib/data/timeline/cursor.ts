import 'server-only';
import { z } from 'zod';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import type { ScopedPatient } from '@/lib/data/patient-access';
import { invalidCursor, parseInput } from '@/lib/errors';
import { Id, IsoDateTime } from '@/lib/schemas/common';
import { TIMELINE_KINDS, type TimelineItem, type TimelineKind } from '@/lib/schemas/timeline';

/** Where a page ended: the instant, the kind's rank in TIMELINE_KINDS and the id. */
export type Cursor = { at: Date; kind: number; id: string };

/** What every kind's source reads with: the scoped patient, the viewer, the page's keyset. */
export type Source = {
  tx: Tx;
  viewer: Viewer;
  patient: ScopedPatient;
  scope: { patientId: string; organizationId: string };
  cursor: Cursor | undefined;
  take: number;
};

// A forged cursor is checked as any input: its instant within the date bounds, its id an id.
const CursorTuple = z.tuple([
  IsoDateTime,
  z
    .int()
    .min(0)
    .max(TIMELINE_KINDS.length - 1),
  Id,
]);

export function encodeCursor(item: TimelineItem): string {
  const tuple = [item.at, TIMELINE_KINDS.indexOf(item.kind), item.id];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

export function decodeCursor(cursor: string): Cursor {
  try {
    const [at, kind, id] = parseInput(
      CursorTuple,
      JSON.parse(Buffer.from(cursor, 'base64url').toString()),
    );
    return { at: new Date(at), kind, id };
  } catch {
    throw invalidCursor();
  }
}

/**
 * The part of one kind's where that keeps what comes after the cursor in the timeline's order
 * (time descending, then kind in TIMELINE_KINDS order, then id descending).
 */
export function after(cursor: Cursor | undefined, kind: TimelineKind, field: string): object {
  if (!cursor) return {};
  const rank = TIMELINE_KINDS.indexOf(kind);
  if (rank > cursor.kind) return { [field]: { lte: cursor.at } };
  if (rank < cursor.kind) return { [field]: { lt: cursor.at } };
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

/** The timeline's order: newest first, then kind in TIMELINE_KINDS order, then id descending. */
export function timelineOrder(a: TimelineItem, b: TimelineItem): number {
  return (
    b.at.localeCompare(a.at) ||
    TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind) ||
    (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
  );
}

/** One line of a longer text, cut at `max` characters. */
export function clip(text: string | null | undefined, max = 280): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const person = { select: { name: true } } as const;

/** A kind's window of the page: its rows after the cursor in the timeline's order, at most `take`. */
export function windowOf<F extends string>(source: Source, kind: TimelineKind, field: F) {
  return {
    where: { ...source.scope, ...after(source.cursor, kind, field) },
    orderBy: [{ [field]: 'desc' }, { id: 'desc' }] as unknown as [
      Record<F, 'desc'>,
      { id: 'desc' },
    ],
    take: source.take,
  };
}
