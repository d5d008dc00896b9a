import 'server-only';
import type { z } from 'zod';
import { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { visitInWords } from '@/lib/access-log-visit-words';
import {
  accessInWords,
  DOWNLOAD_ACTIONS,
  HIDDEN_FROM_PATIENT_ACTIONS,
  PSYCHOTHERAPY_NOTE_RESOURCE,
  whoDidIt,
} from '@/lib/audit-vocabulary';
import { withPatientAccess, type PatientAccess } from '@/lib/data/patient-access';
import { keysetPage } from '@/lib/data/recipes';
import type { ScopedPatient } from '@/lib/data/scope';
import { parseInput } from '@/lib/errors';
import {
  AccessLogVisitsQuery,
  type AccessLogPeriod,
  type AccessLogPerson,
  type AccessLogVisit,
  type AccessLogVisitPage,
} from '@/lib/schemas/access-log';
import type { AuditOutcome, Role } from '@/lib/schemas/enums';

const READ_LOG = {
  permission: 'accessLog.read',
  action: 'read',
  resourceType: 'accessLog',
} as const satisfies PatientAccess;

/** A gap this long or longer between one person's accesses starts a new visit. */
export const VISIT_GAP_MINUTES = 30;

/**
 * The accesses a visit carries in the answer (its newest): a script's sitting can hold thousands.
 * The sentence and counts still cover all of them; the rest are the flat log's, by person.
 */
export const MAX_VISIT_EVENTS = 50;

const PERIOD_DAYS: Record<AccessLogPeriod, number | null> = { '7d': 7, '30d': 30, all: null };

/**
 * Which of the patient's events: all, or one side of the OR (those about them, along the
 * (patientId, occurredAt) index; the list views naming them, along the GIN index on patientIds),
 * so that a bound on occurredAt reaches each index scan instead of filtering an OR's bitmap.
 */
type Arm = 'both' | 'direct' | 'listed';

type Filters = { since: Date | null; person: string | null; withOwn: boolean };

/**
 * How many of the patient's own events (those naming them in "patientId", newest first along
 * its index) bound the stretch of the log one page of visits is gathered from, and how much wider
 * each retry is when that stretch holds too few whole visits. The last try has no bound.
 */
export const VISIT_WINDOWS = [2_000, 16_000, null] as const;

/**
 * The events of the patient's log, in SQL: the same rows as listAccessLog (lib/data/access-log.ts)
 * reads, less the patient's own views unless `withOwn` (an admin's view), within the filters. The
 * patient's own downloads stay: every copy of the record that left Triad is in their log.
 */
function eventsOf(
  patient: ScopedPatient,
  f: Filters,
  withRepeats = false,
  arm: Arm = 'both',
): Prisma.Sql {
  const own = Prisma.sql`(SELECT "userId" FROM "Patient" WHERE id = ${patient.id}::uuid)`;
  const about = {
    both: Prisma.sql`(e."patientId" = ${patient.id}::uuid OR e."patientIds" @> ARRAY[${patient.id}::uuid])`,
    direct: Prisma.sql`e."patientId" = ${patient.id}::uuid`,
    listed: Prisma.sql`e."patientIds" @> ARRAY[${patient.id}::uuid] AND e."patientId" IS DISTINCT FROM ${patient.id}::uuid`,
  }[arm];
  return Prisma.sql`e."organizationId" = ${patient.organizationId}::uuid
    AND ${about}
    AND e."resourceType" <> ${PSYCHOTHERAPY_NOTE_RESOURCE}
    AND e.action <> ALL(${[...HIDDEN_FROM_PATIENT_ACTIONS]}::text[])
    ${withRepeats ? Prisma.empty : Prisma.sql`AND e."repeatOfId" IS NULL`}
    ${
      f.withOwn
        ? Prisma.empty
        : Prisma.sql`AND (e."actorId" IS DISTINCT FROM ${own} OR e.action = ANY(${[...DOWNLOAD_ACTIONS]}::text[]))`
    }
    ${f.since ? Prisma.sql`AND e."occurredAt" >= ${f.since}` : Prisma.empty}
    ${f.person ? Prisma.sql`AND e."actorId" = ${f.person}::uuid` : Prisma.empty}`;
}

type Key = { occurredAt: Date; seq: bigint };
type EventJson = {
  id: string;
  occurredAt: string;
  actorRole: Role | null;
  action: string;
  resourceType: string;
  outcome: AuditOutcome;
};
type VisitRow = {
  id: string;
  actorId: string | null;
  actorName: string | null;
  byPatient: boolean;
  startedAt: Date;
  endedAt: Date;
  events: EventJson[];
};

/** A window's answer: its visits, and where the stretch it read began (null: the log's start). */
type WindowRow = { from: Date | null } & ({ id: null } | VisitRow);
type Window = { visits: VisitRow[]; from: Date | null };

/**
 * One page of visits, newest first by their last shown event, from a bounded stretch of the log.
 * A visit: one actor's events about this patient (the system's, actorless, count as one actor)
 * with no gap of VISIT_GAP_MINUTES or more; `starts` (lag) marks a visit's first event and a
 * running sum numbers them. A background read that repeats a foreground one (a poll of an open
 * page) is never shown, but it does bridge gaps: a page left open for an hour is one sitting.
 *
 * The stretch: from the `window`-th newest event naming the patient in "patientId" before the
 * cursor (an ordered walk of the (patientId, occurredAt) index, partition by partition) up to a
 * gap past the cursor, so that a visit going on past the cursor (already on an earlier page) is
 * seen to. The list views naming the patient in "patientIds" are read within the same stretch
 * (its bounds prune the month partitions). A visit that starts within a gap of the stretch's
 * start may go on before it: the page stops short of it, and the caller reads a wider stretch.
 */
/** The stretch's start: the `window`-th newest event about the patient (null: the log's start). */
function stretchStart(patient: ScopedPatient, before: Prisma.Sql, window: number | null) {
  if (window === null) return Prisma.sql`NULL::timestamptz`;
  return Prisma.sql`(SELECT CASE WHEN count(*) = ${window} THEN min(d."occurredAt") END
    FROM (SELECT e."occurredAt" FROM "AuditEvent" e
           WHERE e."patientId" = ${patient.id}::uuid ${before}
           ORDER BY e."occurredAt" DESC LIMIT ${window}) d)`;
}

async function fetchWindow(
  tx: Tx,
  patient: ScopedPatient,
  f: Filters,
  after: Key | undefined,
  take: number,
  window: number | null,
): Promise<Window> {
  const gap = Prisma.sql`make_interval(mins => ${VISIT_GAP_MINUTES})`;
  const before = after
    ? Prisma.sql`AND e."occurredAt" < ${after.occurredAt}::timestamptz + ${gap}`
    : Prisma.empty;
  const from = stretchStart(patient, before, window);
  const rows = await tx.$queryRaw<WindowRow[]>`
    WITH b AS (
      SELECT ${from} AS "from"
    ), ev AS (
      ${Prisma.join(
        (['direct', 'listed'] as const).map(
          (arm) => Prisma.sql`
      SELECT e.id, e.seq, e."occurredAt", e."actorId", e."actorRole"::text AS "actorRole",
             e.action, e."resourceType", e.outcome::text AS outcome,
             e."repeatOfId" IS NULL AS shown
        FROM "AuditEvent" e
       WHERE ${eventsOf(patient, f, true, arm)} ${before}
         AND e."occurredAt" >= coalesce((SELECT "from" FROM b), '-infinity')`,
        ),
        ' UNION ALL ',
      )}
    ), numbered AS (
      SELECT ev.*, sum(starts) OVER (PARTITION BY "actorId" ORDER BY "occurredAt", seq) AS visit
        FROM (
          SELECT ev.*,
                 CASE WHEN "occurredAt" - lag("occurredAt") OVER w < ${gap} THEN 0 ELSE 1 END AS starts
            FROM ev WINDOW w AS (PARTITION BY "actorId" ORDER BY "occurredAt", seq)
        ) ev
    ), runs AS (
      SELECT "actorId", visit, min("occurredAt") AS first FROM numbered GROUP BY "actorId", visit
    ), visible AS (
      SELECT * FROM numbered WHERE shown
    ), last AS (
      SELECT DISTINCT ON ("actorId", visit) "actorId", visit, id, "occurredAt", seq
        FROM visible
       ORDER BY "actorId", visit, "occurredAt" DESC, seq DESC
    ), ordered AS (
      SELECT l.*,
             bool_and(
               (SELECT "from" FROM b) IS NULL
               OR r.first >= (SELECT "from" FROM b) + ${gap}
               ${f.since ? Prisma.sql`OR (SELECT "from" FROM b) <= ${f.since}` : Prisma.empty}
             ) OVER (ORDER BY l."occurredAt" DESC, l.seq DESC) AS whole
        FROM last l
        JOIN runs r ON r."actorId" IS NOT DISTINCT FROM l."actorId" AND r.visit = l.visit
       WHERE TRUE
         ${after ? Prisma.sql`AND (l."occurredAt", l.seq) < (${after.occurredAt}, ${after.seq})` : Prisma.empty}
    ), page AS (
      SELECT * FROM ordered WHERE whole
       ORDER BY "occurredAt" DESC, seq DESC
       LIMIT ${take}
    ), visits AS (
      SELECT p.id, p."actorId", u.name AS "actorName",
             p."actorId" IS NOT DISTINCT FROM (SELECT "userId" FROM "Patient" WHERE id = ${patient.id}::uuid) AS "byPatient",
             min(n."occurredAt") AS "startedAt", p."occurredAt" AS "endedAt", p.seq,
             json_agg(json_build_object('id', n.id, 'occurredAt', n."occurredAt",
               'actorRole', n."actorRole", 'action', n.action, 'resourceType', n."resourceType",
               'outcome', n.outcome) ORDER BY n."occurredAt" DESC, n.seq DESC) AS events
        FROM page p
        JOIN visible n ON n."actorId" IS NOT DISTINCT FROM p."actorId" AND n.visit = p.visit
        LEFT JOIN "User" u ON u.id = p."actorId" AND u."organizationId" = ${patient.organizationId}::uuid
       GROUP BY p.id, p."actorId", u.name, p."occurredAt", p.seq
    )
    SELECT b."from", v.* FROM b LEFT JOIN visits v ON TRUE
     ORDER BY v."endedAt" DESC, v.seq DESC`;
  return {
    visits: rows.filter((r): r is { from: Date | null } & VisitRow => r.id !== null),
    from: rows[0]?.from ?? null,
  };
}

/**
 * A page of visits from the narrowest stretch of the log that holds `take` whole ones (or all
 * there are): one statement for nearly every page, three at most. Returns the stretch read too,
 * for the person filter.
 */
async function fetchVisits(
  tx: Tx,
  patient: ScopedPatient,
  f: Filters,
  after: Key | undefined,
  take: number,
): Promise<Window> {
  for (const window of VISIT_WINDOWS) {
    const read = await fetchWindow(tx, patient, f, after, take, window);
    if (read.visits.length >= take || read.from === null || window === null) return read;
  }
  throw new Error('unreachable: the last window has no bound');
}

/** The cursor (a visit's last event) looked up within the same log: out of it, a 400. */
async function findKey(tx: Tx, patient: ScopedPatient, f: Filters, id: string) {
  const [key] = await tx.$queryRaw<Key[]>`
    SELECT e."occurredAt", e.seq FROM "AuditEvent" e
     WHERE e.id = ${id}::uuid AND ${eventsOf(patient, { ...f, since: null })}`;
  return key ?? null;
}

type PersonRow = { id: string; name: string | null; role: Role | null; allowed: boolean };

/**
 * The person filter's choices, by name: everyone in the stretch of the log the page was read
 * from (on the first page, the newest; the whole log for all but the busiest records), the period
 * aside, and the person filtered on. Reading everyone in a long log would undo the bound.
 */
async function peopleOf(
  tx: Tx,
  patient: ScopedPatient,
  f: Filters,
  from: Date | null,
): Promise<AccessLogPerson[]> {
  const own = Prisma.sql`(SELECT "userId" FROM "Patient" WHERE id = ${patient.id}::uuid)`;
  const rows = await tx.$queryRaw<(PersonRow & { self: boolean })[]>`
    WITH seen AS (
      SELECT e."actorId" AS id,
             (array_agg(e."actorRole"::text ORDER BY e."occurredAt" DESC))[1] AS role,
             bool_or(e.outcome = 'ALLOWED') AS allowed
        FROM (${Prisma.join(
          (['direct', 'listed'] as const).map(
            (arm) => Prisma.sql`
          SELECT e."actorId", e."actorRole", e."occurredAt", e.outcome FROM "AuditEvent" e
           WHERE ${eventsOf(patient, { ...f, since: null, person: null }, false, arm)}
             AND e."actorId" IS NOT NULL
             ${from ? Prisma.sql`AND e."occurredAt" >= ${from}` : Prisma.empty}`,
          ),
          ' UNION ALL ',
        )}) e
       GROUP BY e."actorId"
    ), chosen AS (
      SELECT ${f.person}::uuid AS id WHERE ${f.person}::uuid IS NOT NULL
    )
    SELECT coalesce(s.id, c.id) AS id, u.name, coalesce(s.role, u.role::text) AS role,
           coalesce(s.allowed, TRUE) AS allowed,
           coalesce(s.id, c.id) IS NOT DISTINCT FROM ${own} AS self
      FROM seen s
      FULL JOIN chosen c ON c.id = s.id
      LEFT JOIN "User" u ON u.id = coalesce(s.id, c.id) AND u."organizationId" = ${patient.organizationId}::uuid
     ORDER BY u.name, 1`;
  return rows.map((r) => ({
    id: r.id,
    ...whoDidIt({
      action: 'read',
      resourceType: 'patient',
      outcome: r.allowed ? 'ALLOWED' : 'DENIED',
      actorName: r.name,
      actorRole: r.role,
      isSelf: r.self,
    }),
  }));
}

function toVisit(row: VisitRow): AccessLogVisit {
  const actor = { actorName: row.actorName, isSelf: row.byPatient };
  const words = visitInWords(actor, [...row.events].reverse());
  return {
    id: row.id,
    personId: row.actorId,
    ...words,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt.toISOString(),
    byPatient: row.byPatient,
    eventCount: row.events.length,
    events: row.events.slice(0, MAX_VISIT_EVENTS).map((e) => ({
      id: e.id,
      occurredAt: new Date(e.occurredAt).toISOString(),
      ...accessInWords({ ...e, ...actor }),
    })),
  };
}

/**
 * "Who viewed my record", a visit at a time: the patient's own (their own visits left out) or an
 * admin's (the patient's own visits kept, marked `byPatient`). Scoped and audited as the flat log
 * (listAccessLog); the patient's own reading of it is their own visit, so never shown to them.
 */
export async function listAccessLogVisits(
  viewer: Viewer,
  patientId: string,
  query: z.input<typeof AccessLogVisitsQuery> = {},
  now: Date = new Date(),
): Promise<AccessLogVisitPage> {
  const { cursor, limit, person, period } = parseInput(AccessLogVisitsQuery, query);
  const days = PERIOD_DAYS[period];
  const filters: Filters = {
    since: days === null ? null : new Date(now.getTime() - days * 86_400_000),
    person: person ?? null,
    withOwn: viewer.role !== 'PATIENT',
  };
  return withPatientAccess(viewer, patientId, READ_LOG, async (tx, patient) => {
    let from: Date | null = null;
    const page = await keysetPage({
      cursor,
      limit,
      findKey: (id) => findKey(tx, patient, filters, id),
      fetch: async (after, take) => {
        const read = await fetchVisits(tx, patient, filters, after, take);
        from = read.from;
        return read.visits;
      },
      cursorOf: (row) => row.id,
    });
    const people = await peopleOf(tx, patient, filters, from);
    return { items: page.items.map(toVisit), nextCursor: page.nextCursor, people };
  });
}
