import 'server-only';
import type { z } from 'zod';
import type { Viewer } from '@/lib/auth/viewer';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { keysetPage } from '@/lib/data/recipes';
import { decodeCursor, encodeCursor, timelineOrder, type Source } from '@/lib/data/timeline/cursor';
import { medicationChangeItems } from '@/lib/data/timeline/medication-changes';
import { addendumItems, draftNoteItems, signedNoteItems } from '@/lib/data/timeline/notes';
import {
  assessmentItems,
  checkInItems,
  messageItems,
  planVersionItems,
} from '@/lib/data/timeline/records';
import {
  safetyFlagAcknowledgedItems,
  safetyFlagRaisedItems,
  safetyFlagResolvedItems,
} from '@/lib/data/timeline/safety-flags';
import { parseInput } from '@/lib/errors';
import { TimelineQuery, type TimelineItem, type TimelinePage } from '@/lib/schemas/timeline';

export type { TimelineItem, TimelinePage } from '@/lib/schemas/timeline';

// One source per kind; each filters by what the viewer may see of its kind (lib/auth/policy.ts).
const SOURCES = [
  medicationChangeItems,
  signedNoteItems,
  draftNoteItems,
  addendumItems,
  checkInItems,
  assessmentItems,
  planVersionItems,
  messageItems,
  safetyFlagRaisedItems,
  safetyFlagAcknowledgedItems,
  safetyFlagResolvedItems,
];

/**
 * The patient and clinicians on the team (timeline.read): everything that happened, newest first,
 * filtered by what the viewer may see: medication changes, signed notes (and the viewer's own
 * drafts), addenda, check-ins, assessments, plan versions, care-team messages and safety flags
 * (raised, acknowledged, resolved) for clinicians; the patient only that their team saw an answer.
 * A patient never gets drafts, withheld notes, messages or notes meant for the care team; nobody
 * ever gets psychotherapy notes. One bounded query per kind, merged: a fixed number whatever the
 * history. Admins get ForbiddenError, anyone out of scope NotFoundError.
 */
export async function getTimeline(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof TimelineQuery> = {},
): Promise<TimelinePage> {
  const { cursor, limit } = parseInput(TimelineQuery, query);
  // A forged cursor is a 400 before anything is read.
  const key = cursor === undefined ? undefined : decodeCursor(cursor);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'timeline.read', action: 'read', resourceType: 'timeline' },
    (tx, patient) =>
      keysetPage({
        cursor,
        limit,
        findKey: async () => key ?? null,
        fetch: async (after, take) => {
          const scope = patientScope(patient);
          const source: Source = { tx, viewer, patient, scope, cursor: after, take };
          const items: TimelineItem[] = [];
          for (const read of SOURCES) items.push(...(await read(source)));
          return items.sort(timelineOrder);
        },
        cursorOf: encodeCursor,
      }),
  );
}
