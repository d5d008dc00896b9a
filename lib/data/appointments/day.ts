import 'server-only';
import { db, type Tx } from '@/lib/db';
import { patientsInScope } from '@/lib/auth/policy';
import type { Viewer } from '@/lib/auth/viewer';
import { changeTitle } from '@/lib/clinical/medication-wording';
import { briefWindowStart } from '@/lib/data/brief';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { appointmentSelect, toAppointment } from '@/lib/data/appointments/shared';
import { InvalidInputError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import type { Appointment } from '@/lib/schemas/appointments';
import type { Brief } from '@/lib/schemas/brief';
import type { Instrument } from '@/lib/schemas/enums';

// The clinician's day (docs/decisions/026-appointments.md): each visit with the headline of its
// patient's brief since that clinician's last completed session with them. Page-only (/today,
// /today/week), so its authorization matrix row lives in tests/integration/page-reads/day.ts.

const DAY = 86_400_000;
/** The widest span one read covers: a week view, with room for a daylight-saving day. */
export const MAX_DAY_SPAN_DAYS = 8;

/** A questionnaire's newest score in the window against the last one before it. */
export type HeadlineScore = {
  instrument: Instrument;
  latest: number | null;
  before: number | null;
  /** latest − before when both exist (higher is worse). */
  change: number | null;
};

/** What changed for a patient since the clinician's last session with them: the brief, in brief. */
export type DayHeadline = {
  since: string;
  sinceSource: Exclude<Brief['sinceSource'], 'QUERY'>;
  medicationChanges: { count: number; latestTitle: string | null };
  safetyFlags: { open: number; urgent: boolean };
  scores: HeadlineScore[];
  missedCheckInDays: number;
  openReviewRequests: number;
};

export type DayVisit = Appointment & { headline: DayHeadline };

export type ClinicianDay = {
  from: string;
  to: string;
  clinicianId: string;
  visits: DayVisit[];
};

type ScoreRow = { instrument: Instrument; kind: 'latest' | 'before'; score: number };

/**
 * The headline of `patient` for a visit starting at `startsAt` with `clinicianId`, as of `now`.
 * A fixed number of queries (two for the window, six for the facts) whatever the history's
 * length. Never reads psychotherapy notes.
 */
async function headlineOf(
  tx: Tx,
  clinicianId: string,
  patient: ScopedPatient,
  startsAt: Date,
  now: Date,
): Promise<DayHeadline> {
  const { since, source } = await briefWindowStart(tx, { userId: clinicianId }, patient, startsAt);
  const scope = patientScope(patient);
  const inWindow = { ...scope, createdAt: { gte: since } };
  const changes = await tx.medicationChange.count({ where: inWindow });
  const latest = changes
    ? await tx.medicationChange.findFirst({
        where: inWindow,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { action: true, medication: true, dose: true, unit: true },
      })
    : null;
  const flags = await tx.safetyFlag.groupBy({
    by: ['urgency'],
    where: { ...scope, status: { not: 'RESOLVED' } },
    _count: { _all: true },
  });
  // SECURITY: pinned to the scoped patient and its organization.
  const scores = await tx.$queryRaw<ScoreRow[]>`
    SELECT i.name::text AS instrument, a.kind, a.score
      FROM (VALUES ('PHQ9'::"Instrument"), ('GAD7'::"Instrument")) AS i(name)
      CROSS JOIN LATERAL (
        (SELECT 'latest' AS kind, score FROM "Assessment"
          WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid
            AND instrument = i.name AND "completedAt" >= ${since}
          ORDER BY "completedAt" DESC LIMIT 1)
        UNION ALL
        (SELECT 'before', score FROM "Assessment"
          WHERE "patientId" = ${patient.id}::uuid
            AND "organizationId" = ${patient.organizationId}::uuid
            AND instrument = i.name AND "completedAt" < ${since}
          ORDER BY "completedAt" DESC LIMIT 1)
      ) a`;
  // Days counted as the brief counts them: from the window's first day through today.
  const sinceDay = Date.parse(toIsoDate(since));
  const today = Date.parse(toIsoDate(now));
  const days = Math.max(0, Math.round((today - sinceDay) / DAY) + 1);
  const checkIns = await tx.checkIn.count({
    where: { ...scope, localDate: { gte: new Date(sinceDay), lte: new Date(today) } },
  });
  const reviews = await tx.planReviewRequest.count({ where: { ...scope, resolvedAt: null } });

  const score = (instrument: Instrument, kind: ScoreRow['kind']) =>
    scores.find((r) => r.instrument === instrument && r.kind === kind)?.score ?? null;
  return {
    since: since.toISOString(),
    sinceSource: source,
    medicationChanges: { count: changes, latestTitle: latest ? changeTitle(latest) : null },
    safetyFlags: {
      open: flags.reduce((sum, f) => sum + f._count._all, 0),
      urgent: flags.some((f) => f.urgency === 'URGENT' && f._count._all > 0),
    },
    scores: (['PHQ9', 'GAD7'] as const).map((instrument) => {
      const latestScore = score(instrument, 'latest');
      const before = score(instrument, 'before');
      return {
        instrument,
        latest: latestScore,
        before,
        change: latestScore !== null && before !== null ? latestScore - before : null,
      };
    }),
    missedCheckInDays: Math.max(0, days - checkIns),
    openReviewRequests: reviews,
  };
}

/**
 * Clinicians (brief.read): the visits of `clinicianId` (default: the viewer's own) that start from
 * `from` to `to`, earliest first, cancelled ones left out, each with its patient's headline since
 * that clinician's last completed session with them (briefWindowStart, at the visit's start).
 * SECURITY: only visits of patients on the viewer's active care teams, in the viewer's
 * organization (scope in the query). Admins and patients: ForbiddenError (no clinical headline for
 * them). `to` not after `from`, or more than MAX_DAY_SPAN_DAYS later: InvalidInputError on `to`.
 * One audit event naming the patients shown (a 'list' of 'brief').
 */
export async function getClinicianDay(
  viewer: Viewer,
  query: { from: Date; to: Date; clinicianId?: string },
  now: Date = new Date(),
): Promise<ClinicianDay> {
  const { from, to } = query;
  const span = to.getTime() - from.getTime();
  if (!(span > 0)) throw InvalidInputError.field('to', 'Must be after `from`.');
  if (span > MAX_DAY_SPAN_DAYS * DAY) {
    throw InvalidInputError.field('to', `At most ${MAX_DAY_SPAN_DAYS} days after \`from\`.`);
  }
  const clinicianId = query.clinicianId ?? viewer.userId;
  const access = { permission: 'brief.read', action: 'list', resourceType: 'brief' } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    const rows = await tx.appointment.findMany({
      where: {
        organizationId: viewer.organizationId,
        clinicianId,
        patient: patientsInScope(viewer),
        startsAt: { gte: from, lt: to },
        status: { not: 'CANCELLED' },
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      select: appointmentSelect,
    });
    const visits: DayVisit[] = [];
    for (const row of rows) {
      const patient = { id: row.patientId, organizationId: viewer.organizationId };
      visits.push({
        ...toAppointment(row, viewer),
        headline: await headlineOf(tx, clinicianId, patient, row.startsAt, now),
      });
    }
    record.patientIds = [...new Set(rows.map((r) => r.patientId))];
    return { from: from.toISOString(), to: to.toISOString(), clinicianId, visits };
  });
}

/**
 * The signed-in person's own time zone (User.timeZone): the clock their day and their visits are
 * read on, and the clock a booking or a refusal says times on. Their own setting, not patient
 * data, so not audited. UTC when the account is gone. `client`: the caller's transaction.
 */
export async function ownTimeZone(viewer: Viewer, client: Tx = db): Promise<string> {
  const own = await client.user.findFirst({
    where: { id: viewer.userId, organizationId: viewer.organizationId },
    select: { timeZone: true },
  });
  return own?.timeZone ?? 'UTC';
}
