import 'server-only';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { addDays } from '@/lib/calendar-date';
import {
  checkInSelect,
  currentPlanFacts,
  toCheckIn,
  type PersonalMeasure,
} from '@/lib/data/check-ins/shared';
import { recordCheckInTx, type CheckInData } from '@/lib/data/check-ins/record-day';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { type ScopedPatient, patientScope } from '@/lib/data/scope';
import { InvalidInputError, parseInput } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import type { Idempotency } from '@/lib/idempotency';
import { CheckInInput, type CheckInResult } from '@/lib/schemas/check-ins';

type Parsed = CheckInData;

/** The day is the patient's today: within a day of the server's (a 400 on localDate otherwise). */
function checkDay(localDate: string, now: Date) {
  const serverDate = toIsoDate(now);
  if (localDate < addDays(serverDate, -1) || localDate > addDays(serverDate, 1)) {
    throw InvalidInputError.field('localDate', 'A check-in is for today: use your own date today.');
  }
}

/** Every measure reported is one of the current plan's (a 400 on the measure otherwise). */
function checkMeasures(input: Parsed, measures: PersonalMeasure[]) {
  const known = new Set(measures.map((m) => m.goalKey));
  input.measures.forEach((measure, index) => {
    if (!known.has(measure.goalKey)) {
      throw InvalidInputError.field(
        `measures.${index}.goalKey`,
        'This is not a measure of your current plan.',
      );
    }
  });
}

/** A new day's check-in is created (201); a second one that day replaces the first (200). */
const statusOf = (result: CheckInResult) => (result.updated ? 200 : 201);

/**
 * The patient themself: records today's check-in (their own calendar day, within a day of the
 * server's), or replaces the one already recorded that day with its side effects and measures.
 * Clinicians on the team get ForbiddenError, anyone else NotFoundError. A personal measure must
 * be one of the current plan's (400 otherwise); nothing is written when anything is invalid.
 */
export async function recordCheckIn(
  viewer: Viewer,
  patientId: string,
  raw: CheckInInput,
  idempotency?: Idempotency,
  now: Date = new Date(),
): Promise<CheckInResult> {
  const input = parseInput(CheckInInput, raw);
  const record = async (tx: Tx, patient: ScopedPatient): Promise<CheckInResult> => {
    checkDay(input.localDate, now);
    const measures = (await currentPlanFacts(tx, patient))?.measures ?? [];
    checkMeasures(input, measures);
    const { checkInId, localDate, updated } = await recordCheckInTx(tx, patient, input);
    const row = await tx.checkIn.findFirstOrThrow({
      where: { ...patientScope(patient), id: checkInId, localDate },
      select: checkInSelect,
    });
    return { checkIn: toCheckIn(row, measures), updated };
  };
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'checkIn.create', action: 'create', resourceType: 'checkIn' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, input, () => record(tx, patient), statusOf),
    (result) => result.checkIn.id,
  );
}
