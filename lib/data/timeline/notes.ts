import 'server-only';
import { audienceOf, can } from '@/lib/auth/policy';
import { notesVisibleTo } from '@/lib/data/session-notes/shared';
import { after, clip, person, windowOf, type Source } from '@/lib/data/timeline/cursor';
import { formatDate, toIsoDate } from '@/lib/format';
import type { TimelineItem } from '@/lib/schemas/timeline';

const noteKind = { THERAPY: 'Therapy', MEDICATION_MANAGEMENT: 'Medication-management' } as const;

const sessionOn = (date: Date) => `Session on ${formatDate(toIsoDate(date), 'long')}.`;

/** Signed session notes the viewer may see (notesVisibleTo); withheld ones say so to the team. */
export async function signedNoteItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer, patient, cursor, take } = source;
  const signed = await tx.sessionNote.findMany({
    where: {
      AND: [
        notesVisibleTo(viewer, patient),
        { status: 'SIGNED' },
        after(cursor, 'sessionNote', 'signedAt'),
      ],
    },
    orderBy: [{ signedAt: 'desc' }, { id: 'desc' }],
    take,
    select: {
      id: true,
      kind: true,
      sessionDate: true,
      signedAt: true,
      withheldAt: true,
      author: person,
    },
  });
  const forPatient = audienceOf(viewer) === 'patient';
  const seesWithheld = can(viewer, 'sessionNote.readWithheld');
  return signed.map((n) => {
    const withheld = seesWithheld && n.withheldAt ? ' (withheld from the patient)' : '';
    return {
      kind: 'sessionNote',
      id: n.id,
      at: n.signedAt!.toISOString(),
      title: forPatient
        ? `Notes from your ${n.kind === 'THERAPY' ? 'therapy session' : 'medication visit'}`
        : `${noteKind[n.kind]} note signed${withheld}`,
      detail: sessionOn(n.sessionDate),
      actor: n.author.name,
      noteId: n.id,
    };
  });
}

/** The viewer's own drafts: only an author of notes has any, and only they see them. */
export async function draftNoteItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer } = source;
  if (!can(viewer, 'sessionNote.write')) return [];
  const window = windowOf(source, 'draftNote', 'createdAt');
  const drafts = await tx.sessionNote.findMany({
    ...window,
    // SECURITY: drafts are their author's alone.
    where: { ...window.where, status: 'DRAFT', authorId: viewer.userId },
    select: { id: true, kind: true, sessionDate: true, createdAt: true, author: person },
  });
  return drafts.map((n) => ({
    kind: 'draftNote',
    id: n.id,
    at: n.createdAt.toISOString(),
    title: `Your draft ${noteKind[n.kind].toLowerCase()} note (not signed)`,
    detail: `${sessionOn(n.sessionDate)} Only you can see it.`,
    actor: n.author.name,
    noteId: n.id,
  }));
}

/** Addenda, seen exactly where their signed note is. */
export async function addendumItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer, patient } = source;
  const window = windowOf(source, 'addendum', 'createdAt');
  const addenda = await tx.sessionNoteAddendum.findMany({
    ...window,
    where: {
      ...window.where,
      // SECURITY: an addendum is seen exactly where its signed note is.
      note: { AND: [notesVisibleTo(viewer, patient), { status: 'SIGNED' }] },
    },
    select: {
      id: true,
      noteId: true,
      body: true,
      createdAt: true,
      author: person,
      note: { select: { sessionDate: true } },
    },
  });
  return addenda.map((a) => ({
    kind: 'addendum',
    id: a.id,
    at: a.createdAt.toISOString(),
    title: `Addendum to the note of ${formatDate(toIsoDate(a.note.sessionDate))}`,
    detail: clip(a.body),
    actor: a.author.name,
    noteId: a.noteId,
  }));
}
