import 'server-only';
import { timelineTitle } from '@/lib/clinical/medication-wording';
import { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { can } from '@/lib/auth/policy';
import { notesVisibleTo } from '@/lib/data/session-notes';
import { withPatientAccess } from '@/lib/data/patient-access';
import { formatDate, toIsoDate } from '@/lib/format';
import { Id, IsoDateTime } from '@/lib/schemas/common';
import {
  TIMELINE_KINDS,
  TimelineQuery,
  type TimelineItem,
  type TimelineKind,
  type TimelinePage,
} from '@/lib/schemas/timeline';
import { invalidCursor, parseInput } from '@/lib/errors';

export type { TimelineItem, TimelinePage } from '@/lib/schemas/timeline';

type Cursor = { at: Date; kind: number; id: string };

// A forged cursor is checked as any input: its instant within the date bounds, its id an id.
const CursorTuple = z.tuple([
  IsoDateTime,
  z
    .int()
    .min(0)
    .max(TIMELINE_KINDS.length - 1),
  Id,
]);

function encodeCursor(item: TimelineItem): string {
  const tuple = [item.at, TIMELINE_KINDS.indexOf(item.kind), item.id];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
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
function after(cursor: Cursor | null, kind: TimelineKind, field: string): object {
  if (!cursor) return {};
  const rank = TIMELINE_KINDS.indexOf(kind);
  if (rank > cursor.kind) return { [field]: { lte: cursor.at } };
  if (rank < cursor.kind) return { [field]: { lt: cursor.at } };
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

function clip(text: string | null | undefined, max = 280): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const noteKind = { THERAPY: 'Therapy', MEDICATION_MANAGEMENT: 'Medication-management' } as const;

/**
 * The patient and clinicians on the team: everything that happened, newest first, filtered by what
 * the viewer may see: medication changes, signed notes (and the viewer's own drafts), addenda,
 * check-ins, assessments, plan versions, and care-team messages for clinicians. A patient never
 * gets drafts, withheld notes, messages or notes meant for the care team; nobody ever gets
 * psychotherapy notes. One bounded query per kind, merged: a fixed number whatever the history.
 * Every part (medicationChange, sessionNote, checkIn, assessment, treatmentPlan .read) carries the
 * same roles, so sessionNote.read stands for them: admins get ForbiddenError.
 */
export async function getTimeline(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof TimelineQuery> = {},
): Promise<TimelinePage> {
  const input = parseInput(TimelineQuery, query);
  const cursor = input.cursor ? decodeCursor(input.cursor) : null;
  const take = input.limit + 1;
  const isPatient = viewer.role === 'PATIENT';
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'sessionNote.read', action: 'read', resourceType: 'timeline' },
    async (tx, patient) => {
      const scope = { patientId: patient.id, organizationId: patient.organizationId };
      const items: TimelineItem[] = [];
      const person = { select: { name: true } } as const;

      const changes = await tx.medicationChange.findMany({
        where: { ...scope, ...after(cursor, 'medicationChange', 'createdAt') },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: {
          id: true,
          action: true,
          medication: true,
          dose: true,
          unit: true,
          reason: true,
          patientExplanation: true,
          noteForCareTeam: true,
          createdAt: true,
          prescriber: person,
        },
      });
      for (const c of changes) {
        const title = timelineTitle(c, isPatient ? 'patient' : 'clinician');
        // SECURITY: the note for the care team is for clinicians only.
        const detail = isPatient
          ? clip(c.patientExplanation ?? c.reason)
          : clip(
              c.noteForCareTeam
                ? `${c.reason} Note for the care team: ${c.noteForCareTeam}`
                : c.reason,
              400,
            );
        items.push({
          kind: 'medicationChange',
          id: c.id,
          at: c.createdAt.toISOString(),
          title,
          detail,
          actor: c.prescriber.name,
          noteId: null,
        });
      }

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
      for (const n of signed) {
        const withheld = !isPatient && n.withheldAt ? ' (withheld from the patient)' : '';
        items.push({
          kind: 'sessionNote',
          id: n.id,
          at: n.signedAt!.toISOString(),
          title: isPatient
            ? `Notes from your ${n.kind === 'THERAPY' ? 'therapy session' : 'medication visit'}`
            : `${noteKind[n.kind]} note signed${withheld}`,
          detail: `Session on ${formatDate(toIsoDate(n.sessionDate), 'long')}.`,
          actor: n.author.name,
          noteId: n.id,
        });
      }

      if (!isPatient) {
        // SECURITY: drafts are their author's alone.
        const drafts = await tx.sessionNote.findMany({
          where: {
            ...scope,
            status: 'DRAFT',
            authorId: viewer.userId,
            ...after(cursor, 'draftNote', 'createdAt'),
          },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take,
          select: { id: true, kind: true, sessionDate: true, createdAt: true, author: person },
        });
        for (const n of drafts) {
          items.push({
            kind: 'draftNote',
            id: n.id,
            at: n.createdAt.toISOString(),
            title: `Your draft ${noteKind[n.kind].toLowerCase()} note (not signed)`,
            detail: `Session on ${formatDate(toIsoDate(n.sessionDate), 'long')}. Only you can see it.`,
            actor: n.author.name,
            noteId: n.id,
          });
        }
      }

      const addenda = await tx.sessionNoteAddendum.findMany({
        where: {
          ...scope,
          // SECURITY: an addendum is seen exactly where its signed note is.
          note: { AND: [notesVisibleTo(viewer, patient), { status: 'SIGNED' }] },
          ...after(cursor, 'addendum', 'createdAt'),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: {
          id: true,
          noteId: true,
          body: true,
          createdAt: true,
          author: person,
          note: { select: { sessionDate: true } },
        },
      });
      for (const a of addenda) {
        items.push({
          kind: 'addendum',
          id: a.id,
          at: a.createdAt.toISOString(),
          title: `Addendum to the note of ${formatDate(toIsoDate(a.note.sessionDate))}`,
          detail: clip(a.body),
          actor: a.author.name,
          noteId: a.noteId,
        });
      }

      const checkIns = await tx.checkIn.findMany({
        where: { ...scope, ...after(cursor, 'checkIn', 'createdAt') },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: {
          id: true,
          localDate: true,
          mood: true,
          sleepHours: true,
          createdAt: true,
          sideEffects: {
            select: { name: true, severity: true },
            take: 5,
            orderBy: { name: 'asc' },
          },
        },
      });
      for (const c of checkIns) {
        const parts = [`Mood ${c.mood}/10`];
        if (c.sleepHours !== null) parts.push(`sleep ${Number(c.sleepHours)} h`);
        if (c.sideEffects.length > 0) {
          parts.push(
            `side effects: ${c.sideEffects.map((s) => `${s.name} (${s.severity.toLowerCase()})`).join(', ')}`,
          );
        }
        items.push({
          kind: 'checkIn',
          id: c.id,
          at: c.createdAt.toISOString(),
          title: isPatient
            ? `You checked in for ${formatDate(toIsoDate(c.localDate))}`
            : `Check-in for ${formatDate(toIsoDate(c.localDate))}`,
          detail: `${parts.join('; ')}.`,
          actor: null,
          noteId: null,
        });
      }

      const assessments = await tx.assessment.findMany({
        where: { ...scope, ...after(cursor, 'assessment', 'completedAt') },
        orderBy: [{ completedAt: 'desc' }, { id: 'desc' }],
        take,
        select: {
          id: true,
          instrument: true,
          score: true,
          severity: true,
          safetyFlag: true,
          completedAt: true,
        },
      });
      for (const a of assessments) {
        const name = a.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7';
        items.push({
          kind: 'assessment',
          id: a.id,
          at: a.completedAt.toISOString(),
          title: `${isPatient ? 'You completed a ' : ''}${name}: ${a.score} (${a.severity})`,
          detail:
            a.safetyFlag && !isPatient ? 'Item 9 answered above 0: safety flag raised.' : null,
          actor: null,
          noteId: null,
        });
      }

      const versions = await tx.treatmentPlanVersion.findMany({
        where: { ...scope, ...after(cursor, 'planVersion', 'createdAt') },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        select: { id: true, version: true, changeSummary: true, createdAt: true, author: person },
      });
      for (const v of versions) {
        items.push({
          kind: 'planVersion',
          id: v.id,
          at: v.createdAt.toISOString(),
          title:
            v.version === 1
              ? isPatient
                ? 'Your treatment plan was written'
                : 'Treatment plan created'
              : `${isPatient ? 'Your treatment plan was updated' : 'Treatment plan updated'} (version ${v.version})`,
          detail: clip(v.changeSummary),
          actor: v.author.name,
          noteId: null,
        });
      }

      // SECURITY: care-team messages are for clinicians on the team only.
      if (can(viewer, 'message.read')) {
        const messages = await tx.careTeamMessage.findMany({
          where: { ...scope, ...after(cursor, 'message', 'createdAt') },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take,
          select: { id: true, body: true, createdAt: true, author: person },
        });
        for (const m of messages) {
          items.push({
            kind: 'message',
            id: m.id,
            at: m.createdAt.toISOString(),
            title: 'Care-team message',
            detail: clip(m.body),
            actor: m.author.name,
            noteId: null,
          });
        }
      }

      items.sort(
        (a, b) =>
          b.at.localeCompare(a.at) ||
          TIMELINE_KINDS.indexOf(a.kind) - TIMELINE_KINDS.indexOf(b.kind) ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      );
      const page = items.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page,
        nextCursor: items.length > input.limit && last ? encodeCursor(last) : null,
      };
    },
  );
}
