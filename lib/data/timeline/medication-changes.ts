import 'server-only';
import { audienceOf, can } from '@/lib/auth/policy';
import { clip, person, windowOf, type Source } from '@/lib/data/timeline/cursor';
import { timelineTitle } from '@/lib/clinical/medication-wording';
import type { TimelineItem } from '@/lib/schemas/timeline';

/** Medication changes, told to the patient in their words or to the team with its note. */
export async function medicationChangeItems(source: Source): Promise<TimelineItem[]> {
  const { tx, viewer } = source;
  const changes = await tx.medicationChange.findMany({
    ...windowOf(source, 'medicationChange', 'createdAt'),
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
  const forPatient = audienceOf(viewer) === 'patient';
  // SECURITY: the note for the care team is for clinicians only.
  const readsNote = can(viewer, 'medicationChange.readCareTeamNote');
  return changes.map((c) => {
    const teamDetail =
      readsNote && c.noteForCareTeam
        ? `${c.reason} Note for the care team: ${c.noteForCareTeam}`
        : c.reason;
    return {
      kind: 'medicationChange',
      id: c.id,
      at: c.createdAt.toISOString(),
      title: timelineTitle(c, forPatient ? 'patient' : 'clinician'),
      detail: forPatient ? clip(c.patientExplanation ?? c.reason) : clip(teamDetail, 400),
      actor: c.prescriber.name,
      noteId: null,
    };
  });
}
