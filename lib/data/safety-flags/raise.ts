// The one write of a new safety flag, inside the transaction of what raised it (a questionnaire,
// a check-in, a clinician), with its inbox items for the active care team. The lifecycle after it
// (acknowledge, resolve) is ./lifecycle.ts. No 'server-only' and no db import: the demo seed and
// the domain writes it is called from run under plain Node too.
import type { Tx } from '@/lib/db';
import type { SafetyFlagSource, SafetyFlagUrgency } from '@/lib/schemas/enums';
import { chartPath, notifyTx } from '@/lib/data/notifications/notify';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';

export type RaiseFlag = {
  source: SafetyFlagSource;
  urgency: SafetyFlagUrgency;
  /** Why, in the care team's words ("PHQ-9 item 9 answered 2 of 3."). */
  reason: string;
  assessmentId?: string;
  /** The check-in that raised it: its id and day (the key of a monthly partition). */
  checkIn?: { id: string; localDate: Date };
  /** The clinician who raised it by hand (source CLINICIAN): not notified of their own flag. */
  raisedById?: string;
  at?: Date;
};

/** What the inbox item says to the care team, by what raised the flag. */
function summaryOf(flag: RaiseFlag): string {
  const level = flag.urgency === 'URGENT' ? 'Urgent safety flag' : 'Safety flag';
  return `${level}: ${flag.reason}`;
}

/**
 * Writes the flag (OPEN) and its inbox items in `tx`. An URGENT flag's items are urgent: they sort
 * first and stay until someone acknowledges the flag. A severe side effect's item has its own kind.
 */
export async function raiseSafetyFlagTx(
  tx: Tx,
  patient: ScopedPatient,
  flag: RaiseFlag,
): Promise<{ id: string }> {
  const row = await tx.safetyFlag.create({
    data: {
      ...patientScope(patient),
      source: flag.source,
      urgency: flag.urgency,
      reason: flag.reason,
      assessmentId: flag.assessmentId ?? null,
      checkInId: flag.checkIn?.id ?? null,
      checkInDate: flag.checkIn?.localDate ?? null,
      raisedById: flag.raisedById ?? null,
      raisedAt: flag.at,
    },
    select: { id: true },
  });
  await notifyTx(
    tx,
    patient,
    { careTeam: true },
    {
      kind: flag.source === 'SEVERE_SIDE_EFFECT' ? 'SEVERE_SIDE_EFFECT' : 'SAFETY_FLAG_RAISED',
      careTeamSummary: summaryOf(flag),
      careTeamLink: chartPath(patient.id, `#flag-${row.id}`),
      urgent: flag.urgency === 'URGENT',
      subjectId: row.id,
      safetyFlagId: row.id,
      actorId: flag.raisedById ?? null,
      at: flag.at,
    },
  );
  return row;
}
