// The flag's lifecycle after it is raised (./raise.ts): OPEN → ACKNOWLEDGED → RESOLVED, each step
// by an active care-team clinician, recorded with who and when, and told to the rest of the team.
// A step from the wrong state is a ConflictError (409); the step is a conditional update, so two
// clinicians acknowledging at once give one success and one 409. The API wraps these with access,
// audit and idempotency; the demo seed calls them as they are (no 'server-only', no db import).
import type { Tx } from '@/lib/db';
import type { SafetyFlagOutcome } from '@/lib/schemas/enums';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { chartPath, notifyTx } from '@/lib/data/notifications/notify';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';

type Clinician = { id: string; name: string };

export type Resolution = { outcome: SafetyFlagOutcome; note: string };

/** The outcome of a resolved flag, in the care team's words. */
export const OUTCOME_WORDS: Record<SafetyFlagOutcome, string> = {
  CONTACTED_PATIENT: 'contacted the patient',
  SAFETY_PLAN_REVIEWED: 'reviewed the safety plan',
  EMERGENCY_SERVICES: 'involved emergency services',
  NO_ACTION_NEEDED: 'no action needed',
  OTHER: 'other',
};

async function flagOf(tx: Tx, patient: ScopedPatient, flagId: string) {
  const flag = await tx.safetyFlag.findFirst({
    where: { ...patientScope(patient), id: flagId },
    select: { id: true, status: true, reason: true },
  });
  if (!flag) throw new NotFoundError('safety flag');
  return flag;
}

/** Marks the clinician's own items about the flag read: they are the one who acted. */
async function readOwnItems(tx: Tx, clinician: Clinician, flagId: string, at: Date) {
  await tx.notification.updateMany({
    where: { recipientId: clinician.id, safetyFlagId: flagId, readAt: null },
    data: { readAt: at },
  });
}

/** OPEN → ACKNOWLEDGED by `clinician`; anything else is 409. */
export async function acknowledgeSafetyFlagTx(
  tx: Tx,
  clinician: Clinician,
  patient: ScopedPatient,
  flagId: string,
  at: Date = new Date(),
): Promise<void> {
  const flag = await flagOf(tx, patient, flagId);
  const { count } = await tx.safetyFlag.updateMany({
    where: { ...patientScope(patient), id: flag.id, status: 'OPEN' },
    data: { status: 'ACKNOWLEDGED', acknowledgedAt: at, acknowledgedById: clinician.id },
  });
  if (count === 0) throw new ConflictError('This flag has already been acknowledged.', 'status');
  await readOwnItems(tx, clinician, flag.id, at);
  await notifyTx(
    tx,
    patient,
    { careTeam: true },
    {
      kind: 'SAFETY_FLAG_ACKNOWLEDGED',
      careTeamSummary: `${clinician.name} acknowledged a safety flag: ${flag.reason}`,
      careTeamLink: chartPath(patient.id, `#flag-${flag.id}`),
      subjectId: flag.id,
      safetyFlagId: flag.id,
      actorId: clinician.id,
      at,
    },
  );
}

/** ACKNOWLEDGED → RESOLVED by `clinician`, with an outcome and a note; anything else is 409. */
export async function resolveSafetyFlagTx(
  tx: Tx,
  clinician: Clinician,
  patient: ScopedPatient,
  flagId: string,
  resolution: Resolution,
  at: Date = new Date(),
): Promise<void> {
  const flag = await flagOf(tx, patient, flagId);
  const { count } = await tx.safetyFlag.updateMany({
    where: { ...patientScope(patient), id: flag.id, status: 'ACKNOWLEDGED' },
    data: {
      status: 'RESOLVED',
      resolvedAt: at,
      resolvedById: clinician.id,
      outcome: resolution.outcome,
      resolutionNote: resolution.note.trim(),
    },
  });
  if (count === 0) {
    throw new ConflictError(
      flag.status === 'OPEN'
        ? 'Acknowledge this flag before resolving it.'
        : 'This flag has already been resolved.',
      'status',
    );
  }
  await readOwnItems(tx, clinician, flag.id, at);
  await notifyTx(
    tx,
    patient,
    { careTeam: true },
    {
      kind: 'SAFETY_FLAG_RESOLVED',
      careTeamSummary: `${clinician.name} resolved a safety flag (${OUTCOME_WORDS[resolution.outcome]}).`,
      careTeamLink: chartPath(patient.id, `#flag-${flag.id}`),
      subjectId: flag.id,
      safetyFlagId: flag.id,
      actorId: clinician.id,
      at,
    },
  );
}
