import 'server-only';
import type { z } from 'zod';
import { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import { visitInWords } from '@/lib/access-log-visit-words';
import {
  accessInWords,
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

type Filters = { since: Date | null; person: string | null; withOwn: boolean };

/**
 * The events of the patient's log, in SQL: the same rows as listAccessLog (lib/data/access-log.ts)
 * reads, less the patient's own unless `withOwn` (an admin's view), within the filters.
 */
function eventsOf(patient: ScopedPatient, f: Filters, withRepeats = false): Prisma.Sql {
  const own = Prisma.sql`(SELECT "userId" FROM "Patient" WHERE id = ${patient.id}::uuid)`;
  return Prisma.sql`e."organizationId" = ${patient.organizationId}::uuid
    AND (e."patientId" = ${patient.id}::uuid OR e."patientIds" @> ARRAY[${patient.id}::uuid])
    AND e."resourceType" <> ${PSYCHOTHERAPY_NOTE_RESOURCE}
    AND e.action <> ALL(${[...HIDDEN_FROM_PATIENT_ACTIONS]}::text[])
    ${withRepeats ? Prisma.empty : Prisma.sql`AND e."repeatOfId" IS NULL`}
    ${f.withOwn ? Prisma.empty : Prisma.sql`AND e."actorId" IS DISTINCT FROM ${own}`}
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

/**
 * One page of visits, newest first by their last shown event. A visit: one actor's events about
 * this patient (the system's, actorless, count as one actor) with no gap of VISIT_GAP_MINUTES or
 * more; `starts` (lag) marks a visit's first event and a running sum numbers them. A background
 * read that repeats a foreground one (a poll of an open page) is never shown, but it does bridge
 * gaps: a page left open for an hour is one sitting, not two. Only the page's visits gather their
 * events, so the cost is one pass over the patient's log, however far back the page is.
 */
function fetchVisits(
  tx: Tx,
  patient: ScopedPatient,
  f: Filters,
  after: Key | undefined,
  take: number,
) {
  const gap = Prisma.sql`make_interval(mins => ${VISIT_GAP_MINUTES})`;
  return tx.$queryRaw<VisitRow[]>`
    WITH ev AS (
      SELECT e.id, e.seq, e."occurredAt", e."actorId", e."actorRole"::text AS "actorRole",
             e.action, e."resourceType", e.outcome::text AS outcome,
             e."repeatOfId" IS NULL AS shown
        FROM "AuditEvent" e
       WHERE ${eventsOf(patient, f, true)}
    ), numbered AS (
      SELECT ev.*, sum(starts) OVER (PARTITION BY "actorId" ORDER BY "occurredAt", seq) AS visit
        FROM (
          SELECT ev.*,
                 CASE WHEN "occurredAt" - lag("occurredAt") OVER w < ${gap} THEN 0 ELSE 1 END AS starts
            FROM ev WINDOW w AS (PARTITION BY "actorId" ORDER BY "occurredAt", seq)
        ) ev
    ), visible AS (
      SELECT * FROM numbered WHERE shown
    ), last AS (
      SELECT DISTINCT ON ("actorId", visit) "actorId", visit, id, "occurredAt", seq
        FROM visible
       ORDER BY "actorId", visit, "occurredAt" DESC, seq DESC
    ), page AS (
      SELECT * FROM last
       WHERE TRUE
         ${after ? Prisma.sql`AND ("occurredAt", seq) < (${after.occurredAt}, ${after.seq})` : Prisma.empty}
       ORDER BY "occurredAt" DESC, seq DESC
       LIMIT ${take}
    )
    SELECT p.id, p."actorId", u.name AS "actorName",
           p."actorId" IS NOT DISTINCT FROM (SELECT "userId" FROM "Patient" WHERE id = ${patient.id}::uuid) AS "byPatient",
           min(n."occurredAt") AS "startedAt", p."occurredAt" AS "endedAt",
           json_agg(json_build_object('id', n.id, 'occurredAt', n."occurredAt",
             'actorRole', n."actorRole", 'action', n.action, 'resourceType', n."resourceType",
             'outcome', n.outcome) ORDER BY n."occurredAt" DESC, n.seq DESC) AS events
      FROM page p
      JOIN visible n ON n."actorId" IS NOT DISTINCT FROM p."actorId" AND n.visit = p.visit
      LEFT JOIN "User" u ON u.id = p."actorId" AND u."organizationId" = ${patient.organizationId}::uuid
     GROUP BY p.id, p."actorId", u.name, p."occurredAt", p.seq
     ORDER BY p."occurredAt" DESC, p.seq DESC`;
}

/** The cursor (a visit's last event) looked up within the same log: out of it, a 400. */
async function findKey(tx: Tx, patient: ScopedPatient, f: Filters, id: string) {
  const [key] = await tx.$queryRaw<Key[]>`
    SELECT e."occurredAt", e.seq FROM "AuditEvent" e
     WHERE e.id = ${id}::uuid AND ${eventsOf(patient, { ...f, since: null })}`;
  return key ?? null;
}

type PersonRow = { id: string; name: string | null; role: Role | null; allowed: boolean };

/** Everyone who appears in the log (the period aside), by name: the person filter's choices. */
async function peopleOf(tx: Tx, patient: ScopedPatient, f: Filters): Promise<AccessLogPerson[]> {
  const rows = await tx.$queryRaw<PersonRow[]>`
    SELECT e."actorId" AS id, u.name,
           (array_agg(e."actorRole"::text ORDER BY e."occurredAt" DESC))[1] AS role,
           bool_or(e.outcome = 'ALLOWED') AS allowed
      FROM "AuditEvent" e
      LEFT JOIN "User" u ON u.id = e."actorId" AND u."organizationId" = ${patient.organizationId}::uuid
     WHERE ${eventsOf(patient, { ...f, since: null, person: null })} AND e."actorId" IS NOT NULL
     GROUP BY e."actorId", u.name
     ORDER BY u.name, e."actorId"`;
  return rows.map((r) => ({
    id: r.id,
    ...whoDidIt({
      action: 'read',
      resourceType: 'patient',
      outcome: r.allowed ? 'ALLOWED' : 'DENIED',
      actorName: r.name,
      actorRole: r.role,
      isSelf: false,
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
    const page = await keysetPage({
      cursor,
      limit,
      findKey: (id) => findKey(tx, patient, filters, id),
      fetch: (after, take) => fetchVisits(tx, patient, filters, after, take),
      cursorOf: (row) => row.id,
    });
    const people = await peopleOf(tx, patient, filters);
    return { items: page.items.map(toVisit), nextCursor: page.nextCursor, people };
  });
}
