// The inbox items of the record's everyday events, worded once for each reader: the care team in
// clinical words, the patient in plain ones, never more than the reader may read (a medication
// change's note for the care team never reaches the patient; a withheld note's item is taken back).
// Each is called inside the event's own transaction (lib/data's domain writes); no 'server-only'
// and no db import, since the seed writes its history through the same domain writes.
import type { Tx } from '@/lib/db';
import { changeTitle, timelineTitle } from '@/lib/clinical/medication-wording';
import { chartPath, myCarePath, notifyTx } from '@/lib/data/notifications/notify';
import type { ScopedPatient } from '@/lib/data/scope';

type Change = {
  id: string;
  action: string;
  medication: string;
  dose: number | null;
  unit: string | null;
  patientExplanation: string | null;
};

/** A medication change: the therapists are told (the prescriber who made it knows), and the patient. */
export async function notifyMedicationChange(
  tx: Tx,
  patient: ScopedPatient,
  prescriberId: string,
  change: Change,
  at?: Date,
): Promise<void> {
  const title = changeTitle(change);
  await notifyTx(
    tx,
    patient,
    { careTeam: 'THERAPIST' },
    {
      kind: 'MEDICATION_CHANGE',
      careTeamSummary: `Medication change: ${title}.`,
      careTeamLink: chartPath(patient.id, '/medications'),
      subjectId: change.id,
      actorId: prescriberId,
      at,
    },
  );
  const explained = change.patientExplanation ? ` ${change.patientExplanation}` : '';
  await notifyTx(
    tx,
    patient,
    { patient: true },
    {
      kind: 'MEDICATION_CHANGE',
      patientSummary: `${timelineTitle(change, 'patient')}.${explained}`,
      patientLink: myCarePath(),
      subjectId: change.id,
      actorId: prescriberId,
      at,
    },
  );
}

/** A new version of the treatment plan: the rest of the team and the patient, who may read it. */
export async function notifyPlanVersion(
  tx: Tx,
  patient: ScopedPatient,
  authorId: string,
  version: { version: number; changeSummary: string | null },
  at?: Date,
): Promise<void> {
  const what = version.changeSummary ? `: ${version.changeSummary}` : '.';
  await notifyTx(
    tx,
    patient,
    { careTeam: true, patient: true },
    {
      kind: 'PLAN_VERSION',
      careTeamSummary: `Treatment plan version ${version.version}${what}`,
      careTeamLink: chartPath(patient.id, '/plan'),
      patientSummary: 'Your treatment plan has a new version to read.',
      patientLink: myCarePath('/plan'),
      actorId: authorId,
      at,
    },
  );
}

/** A patient's comment on their plan reaches the team; a clinician's reply reaches the patient. */
export async function notifyPlanComment(
  tx: Tx,
  patient: ScopedPatient,
  comment: { id: string; authorId: string; byPatient: boolean },
  at?: Date,
): Promise<void> {
  await notifyTx(tx, patient, comment.byPatient ? { careTeam: true } : { patient: true }, {
    kind: 'PLAN_COMMENT',
    careTeamSummary: 'The patient commented on the treatment plan.',
    careTeamLink: chartPath(patient.id, '/plan'),
    patientSummary: 'Your care team replied to a comment on your plan.',
    patientLink: myCarePath('/plan'),
    subjectId: comment.id,
    actorId: comment.authorId,
    at,
  });
}

/** The patient asked to revisit the plan: the team is told. */
export async function notifyReviewRequest(
  tx: Tx,
  patient: ScopedPatient,
  request: { id: string; requestedById: string },
  at?: Date,
): Promise<void> {
  await notifyTx(
    tx,
    patient,
    { careTeam: true },
    {
      kind: 'PLAN_REVIEW_REQUESTED',
      careTeamSummary: 'The patient asked for a review of the treatment plan.',
      careTeamLink: chartPath(patient.id, '/plan'),
      subjectId: request.id,
      actorId: request.requestedById,
      at,
    },
  );
}

/** A care-team message: the rest of the team (patients never read this thread). */
export async function notifyCareTeamMessage(
  tx: Tx,
  patient: ScopedPatient,
  message: { id: string; authorId: string; authorName: string },
  at?: Date,
): Promise<void> {
  await notifyTx(
    tx,
    patient,
    { careTeam: true },
    {
      kind: 'CARE_TEAM_MESSAGE',
      careTeamSummary: `New care-team message from ${message.authorName}.`,
      careTeamLink: chartPath(patient.id, '/messages'),
      subjectId: message.id,
      actorId: message.authorId,
      at,
    },
  );
}

/** A signed session note the patient may now read. */
export async function notifyNoteSigned(
  tx: Tx,
  patient: ScopedPatient,
  note: { id: string; authorId: string },
  at?: Date,
): Promise<void> {
  await notifyTx(
    tx,
    patient,
    { patient: true },
    {
      kind: 'SESSION_NOTE_SIGNED',
      patientSummary: 'A new session note is ready for you to read.',
      patientLink: myCarePath('/notes'),
      subjectId: note.id,
      actorId: note.authorId,
      at,
    },
  );
}

/**
 * SECURITY (a withheld note is not shown to the patient, and nothing tells them so): the patient's
 * item about the note is taken back when the author withholds it.
 */
export async function forgetNoteForPatient(
  tx: Tx,
  patient: ScopedPatient,
  noteId: string,
): Promise<void> {
  await tx.notification.deleteMany({
    where: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      kind: 'SESSION_NOTE_SIGNED',
      subjectId: noteId,
      recipient: { patient: { id: patient.id } },
    },
  });
}
