import 'server-only';
import { audienceOf, can } from '@/lib/auth/policy';
import { clip, person, windowOf, type Source } from '@/lib/data/timeline/cursor';
import { formatDose } from '@/lib/format';
import type { TimelineItem } from '@/lib/schemas/timeline';

const actionWords: Record<string, [string, string]> = {
  START: ['started', 'You started'],
  INCREASE: ['increased', 'Your dose of'],
  DECREASE: ['decreased', 'Your dose of'],
  HOLD: ['held', 'A pause in'],
  RESUME: ['resumed', 'You restarted'],
  STOP: ['stopped', 'You stopped'],
  ENTERED_IN_ERROR: ['entry marked in error', 'A correction to'],
};

type Change = { action: string; medication: string; dose: string | null };

function patientTitle({ action, medication, dose }: Change): string {
  const lead = actionWords[action]?.[1] ?? 'A change to';
  if (action === 'INCREASE' || action === 'DECREASE') {
    return `${lead} ${medication} went ${action === 'INCREASE' ? 'up' : 'down'}${dose ? ` to ${dose}` : ''}`;
  }
  return `${lead} ${medication}${dose ? ` ${dose}` : ''}`;
}

function careTeamTitle({ action, medication, dose }: Change): string {
  return `${medication} ${actionWords[action]?.[0] ?? 'changed'}${dose ? ` (${dose})` : ''}`;
}

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
    const change = {
      action: c.action,
      medication: c.medication,
      dose: formatDose(c.dose === null ? null : Number(c.dose), c.unit),
    };
    const teamDetail =
      readsNote && c.noteForCareTeam
        ? `${c.reason} Note for the care team: ${c.noteForCareTeam}`
        : c.reason;
    return {
      kind: 'medicationChange',
      id: c.id,
      at: c.createdAt.toISOString(),
      title: forPatient ? patientTitle(change) : careTeamTitle(change),
      detail: forPatient ? clip(c.patientExplanation ?? c.reason) : clip(teamDetail, 400),
      actor: c.prescriber.name,
      noteId: null,
    };
  });
}
