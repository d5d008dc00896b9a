// The missed check-in streak: a patient who has checked in before and then goes 3 days or more
// without one gets one MISSED_CHECK_INS item per streak, for their active care team.
//
// It runs when a clinician lists their inbox (listNotifications), over that clinician's active
// patients only, so its cost follows the reader's caseload and needs no scheduler. The delivery
// issue (email) moves it to a scheduled job over every organization; this function is that job's
// body as it is (no 'server-only', no db import), and the dedupe key keeps the two from doubling.
import type { Tx } from '@/lib/db';
import { addDays, daysBetween, toIsoDate } from '@/lib/calendar-date';
import { formatDate } from '@/lib/format';
import { chartPath, notifyTx } from '@/lib/data/notifications/notify';

/** Days without a check-in (counting today) that make a streak worth telling the care team. */
export const MISSED_CHECK_IN_DAYS = 3;

/** One item per recipient per streak: a streak is named by its patient and last check-in day. */
export function missedCheckInsKey(patientId: string, lastCheckIn: string): string {
  return `missed-check-ins:${patientId}:${lastCheckIn}`;
}

/** `now`'s calendar date (`YYYY-MM-DD`) in `timeZone`, or in UTC when the zone is unknown. */
export function dateIn(timeZone: string, now: Date): string {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return toIsoDate(now);
  }
}

type Clinician = { userId: string; organizationId: string };

type Candidate = {
  patientId: string;
  organizationId: string;
  lastCheckIn: string;
  timeZone: string;
};

/**
 * The clinician's active patients (enabled accounts) whose last check-in is at least the streak
 * old in some time zone: one query, a single index probe per patient for the last check-in day.
 * SECURITY: active memberships of this clinician inside their organization only.
 */
function candidatesOf(tx: Tx, clinician: Clinician, now: Date): Promise<Candidate[]> {
  // The latest "today" anywhere is tomorrow in UTC; the exact day is checked per patient below.
  const latest = addDays(toIsoDate(now), 1 - MISSED_CHECK_IN_DAYS);
  return tx.$queryRaw<Candidate[]>`
    SELECT p.id::text AS "patientId",
           p."organizationId"::text AS "organizationId",
           to_char(c."localDate", 'YYYY-MM-DD') AS "lastCheckIn",
           u."timeZone" AS "timeZone"
    FROM "Patient" p
    JOIN "User" u ON u.id = p."userId" AND u."disabledAt" IS NULL
    JOIN LATERAL (
      SELECT "localDate" FROM "CheckIn"
      WHERE "patientId" = p.id AND "organizationId" = p."organizationId"
      ORDER BY "localDate" DESC
      LIMIT 1
    ) c ON true
    WHERE p."organizationId" = ${clinician.organizationId}::uuid
      AND EXISTS (
        SELECT 1 FROM "CareTeamMembership" m
        WHERE m."patientId" = p.id AND m."organizationId" = p."organizationId"
          AND m."clinicianId" = ${clinician.userId}::uuid AND m."endedAt" IS NULL
      )
      AND c."localDate" <= ${latest}::date`;
}

/**
 * Writes, inside `tx`, the MISSED_CHECK_INS items of `clinician`'s active patients whose streak
 * has not been told yet, to each patient's whole active care team (notifyTx; the dedupe key keeps
 * a second clinician's sweep from writing it again). Returns how many streaks it told. `now` is
 * injected by tests. Called by listNotifications for a clinician; later by a scheduled job.
 */
export async function sweepMissedCheckInsTx(
  tx: Tx,
  clinician: Clinician,
  now: Date = new Date(),
): Promise<number> {
  const candidates = await candidatesOf(tx, clinician, now);
  const streaks = candidates
    .map((c) => ({ ...c, days: daysBetween(c.lastCheckIn, dateIn(c.timeZone, now)) }))
    .filter((c) => c.days >= MISSED_CHECK_IN_DAYS)
    .map((c) => ({ ...c, key: missedCheckInsKey(c.patientId, c.lastCheckIn) }));
  if (streaks.length === 0) return 0;

  // Streaks this clinician was already told of: nothing to write (the usual case).
  const told = await tx.notification.findMany({
    where: { recipientId: clinician.userId, dedupeKey: { in: streaks.map((s) => s.key) } },
    select: { dedupeKey: true },
  });
  const toldKeys = new Set(told.map((row) => row.dedupeKey));
  let written = 0;
  for (const streak of streaks.filter((s) => !toldKeys.has(s.key))) {
    await notifyTx(
      tx,
      { id: streak.patientId, organizationId: streak.organizationId },
      { careTeam: true },
      {
        kind: 'MISSED_CHECK_INS',
        careTeamSummary: `No check-in for ${streak.days} days: the last was on ${formatDate(streak.lastCheckIn, 'long')}.`,
        careTeamLink: chartPath(streak.patientId, '/check-ins'),
        dedupeKey: streak.key,
        at: now,
      },
    );
    written += 1;
  }
  return written;
}
