import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { Viewer } from '@/lib/auth/viewer';
import type { AuditAction, AuditResource } from '@/lib/audit-vocabulary';
import { VISIT_WINDOWS } from '@/lib/data/access-log-visits';
import { recordAccess, recordListAccess } from '@/lib/data/audit';
import type { AccessLogEntry, AccessLogVisit } from '@/lib/schemas/access-log';
import { createCareTeam, createPatient, createUser, viewerFor } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { countStatements } from '@/tests/support/statements';

const VISITS = '/api/v1/patients/{patientId}/access-log/visits';
const FLAT = '/api/v1/patients/{patientId}/access-log';
const T0 = new Date('2026-03-02T14:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  return { ...team, admin };
}

const read = (
  path: string,
  patientId: string,
  cookie: string,
  query: Record<string, string> = {},
) => callApi({ method: 'GET', path, params: { patientId }, query, cookie });

/** One audited access at a given time (the audit trail stamps occurredAt with the clock). */
async function at(
  when: Date,
  viewer: Viewer,
  action: AuditAction,
  resourceType: AuditResource,
  options: { patientId: string; outcome?: 'ALLOWED' | 'DENIED' },
) {
  vi.setSystemTime(when);
  await db.$transaction((tx) => recordAccess(tx, viewer, action, resourceType, options));
}

/** Every page of a log, followed to its end. */
async function walk<T>(path: string, patientId: string, cookie: string, query = {}): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await read(path, patientId, cookie, { ...query, ...(cursor ? { cursor } : {}) });
    expect(page.status).toBe(200);
    items.push(...(page.body.items as T[]));
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
}

afterEach(() => {
  vi.useRealTimers();
});

/** Two clinicians' sittings, a poll, a list view, a change, a refusal and the patient's own look. */
async function morning() {
  const c = await clinic();
  const other = await createPatient(db, c.organization, { passwordHash: null });
  vi.useFakeTimers({ toFake: ['Date'] });
  const rx = viewerFor(c.prescriber);
  const tx = viewerFor(c.therapist);
  const about = { patientId: c.patient.id };
  await at(minutes(0), rx, 'read', 'patient', about);
  await at(minutes(2), rx, 'read', 'medication', about);
  await at(minutes(5), tx, 'read', 'sessionNote', about);
  // A poll of the open medications page: repeats the read at minute 2, so never counted.
  await at(minutes(10), { ...rx, background: true }, 'read', 'medication', about);
  await at(minutes(29), rx, 'read', 'checkIn', about);
  await at(minutes(31), viewerFor(c.patient), 'read', 'medication', about);
  vi.setSystemTime(minutes(60));
  await db.$transaction((t) =>
    recordListAccess(t, rx, 'list', 'caseload', [c.patient.id, other.id]),
  );
  await at(minutes(61), rx, 'create', 'medicationChange', about);
  await at(minutes(70), tx, 'read', 'accessLog', { ...about, outcome: 'DENIED' });
  vi.setSystemTime(minutes(90));
  return c;
}

describe('GET /api/v1/patients/{patientId}/access-log/visits', () => {
  it('groups one person’s accesses into visits split by a 30-minute gap, in plain words', async () => {
    const c = await morning();
    const page = await read(VISITS, c.patient.id, await sessionCookie(c.patient));
    expect(page.status).toBe(200);
    const visits: AccessLogVisit[] = page.body.items;
    expect(visits.map((v) => [v.summary, v.events.length, v.refused])).toEqual([
      [
        `${c.therapist.name}, a therapist, tried to view the list of who viewed your record and was refused.`,
        1,
        1,
      ],
      [
        `${c.prescriber.name}, your prescriber, looked at your line in their list of patients (latest check-in and PHQ-9) and recorded a change to your medications.`,
        2,
        0,
      ],
      [
        // Minute 0 to 29: each gap under 30 minutes, the poll at minute 10 left out.
        `${c.prescriber.name}, your prescriber, looked at your profile and care team, your medications, and your check-ins.`,
        3,
        0,
      ],
      [`${c.therapist.name}, your therapist, looked at your session notes.`, 1, 0],
    ]);
    expect(visits[2]).toMatchObject({
      startedAt: minutes(0).toISOString(),
      endedAt: minutes(29).toISOString(),
      byPatient: false,
    });
    expect(visits[2]!.events.map((e) => e.did)).toEqual([
      'viewed your check-ins',
      'viewed your medications',
      'viewed your profile and care team',
    ]);
    // The patient's own look at minute 31 is theirs: not a visit to them.
    expect(page.text).not.toMatch(/"You"/);
    expect(page.body.people.map((p: { who: string }) => p.who).sort()).toEqual(
      [c.prescriber.name, c.therapist.name].sort(),
    );
  });

  it('counts a page left open as one sitting: its polls bridge the gaps, shown only when new', async () => {
    const c = await clinic();
    vi.useFakeTimers({ toFake: ['Date'] });
    const rx = viewerFor(c.prescriber);
    const about = { patientId: c.patient.id };
    await at(minutes(0), rx, 'read', 'checkIn', about);
    // Polls every 10 minutes: those within 30 minutes of the read repeat it and are never shown.
    for (const m of [10, 20, 30, 40, 50]) {
      await at(minutes(m), { ...rx, background: true }, 'read', 'checkIn', about);
    }
    vi.setSystemTime(minutes(120));
    const page = await read(VISITS, c.patient.id, await sessionCookie(c.patient));
    expect(page.body.items).toHaveLength(1);
    expect(page.body.items[0]).toMatchObject({
      summary: `${c.prescriber.name}, your prescriber, looked at your check-ins.`,
      startedAt: minutes(0).toISOString(),
      endedAt: minutes(50).toISOString(),
    });
    expect(page.body.items[0].events).toHaveLength(3);
  });

  it('carries a long visit’s newest 50 accesses; the flat log by person has the rest', async () => {
    const c = await clinic();
    await db.$transaction(async (t) => {
      for (let i = 0; i < 60; i++) {
        await recordAccess(t, viewerFor(c.prescriber), 'read', 'medication', {
          patientId: c.patient.id,
        });
      }
    });
    await db.$transaction((t) =>
      recordAccess(t, viewerFor(c.therapist), 'read', 'checkIn', { patientId: c.patient.id }),
    );
    const cookie = await sessionCookie(c.patient);
    const page = await read(VISITS, c.patient.id, cookie);
    const visit: AccessLogVisit = page.body.items.find(
      (v: AccessLogVisit) => v.personId === c.prescriber.id,
    );
    expect(visit.eventCount).toBe(60);
    expect(visit.events).toHaveLength(50);
    const rest = await read(FLAT, c.patient.id, cookie, {
      person: c.prescriber.id,
      cursor: visit.events.at(-1)!.id,
      limit: '100',
    });
    expect(rest.status).toBe(200);
    expect(rest.body.nextCursor).toBeNull();
    const all = [...visit.events, ...rest.body.items].map((e: AccessLogEntry) => e.id);
    expect(new Set(all).size).toBe(60);
    expect(rest.body.items.every((e: AccessLogEntry) => e.who === c.prescriber.name)).toBe(true);
  });

  it('shows an admin the patient’s own visits too, marked byPatient', async () => {
    const c = await morning();
    const page = await read(VISITS, c.patient.id, await sessionCookie(c.admin));
    expect(page.status).toBe(200);
    const own = page.body.items.filter((v: AccessLogVisit) => v.byPatient);
    expect(own.map((v: AccessLogVisit) => v.summary)).toEqual(['You looked at your medications.']);
  });

  it('reaches every access of the flat log, less the patient’s own, by expanding every visit', async () => {
    const c = await morning();
    vi.useRealTimers();
    const cookie = await sessionCookie(c.patient);
    // A page at a time, so paging by a visit's last event is part of what is checked.
    const visits = await walk<AccessLogVisit>(VISITS, c.patient.id, cookie, { limit: '1' });
    const flat = await walk<AccessLogEntry>(FLAT, c.patient.id, cookie, { limit: '3' });
    const expanded = visits.flatMap((v) => v.events.map((e) => e.id));
    expect(new Set(expanded).size).toBe(expanded.length);
    expect(expanded.sort()).toEqual(
      flat
        .filter((e) => e.who !== 'You')
        .map((e) => e.id)
        .sort(),
    );
    expect(visits).toHaveLength(4);
  });

  it('filters by person and by period; a bad filter is a 400, never a 500', async () => {
    const c = await morning();
    vi.setSystemTime(new Date(T0.getTime() + 10 * 86_400_000));
    await at(new Date(T0.getTime() + 10 * 86_400_000), viewerFor(c.therapist), 'read', 'trends', {
      patientId: c.patient.id,
    });
    const cookie = await sessionCookie(c.patient);
    const recent = await read(VISITS, c.patient.id, cookie, { period: '7d' });
    expect(recent.body.items.map((v: AccessLogVisit) => v.did)).toEqual([
      'looked at your check-in and questionnaire trends',
    ]);
    // The period narrows the visits, never the people one may pick.
    expect(recent.body.people).toHaveLength(2);
    const all = await read(VISITS, c.patient.id, cookie, { period: 'all' });
    expect(all.body.items).toHaveLength(5);
    const rx = await read(VISITS, c.patient.id, cookie, { person: c.prescriber.id });
    expect(rx.body.items.map((v: AccessLogVisit) => v.personId)).toEqual([
      c.prescriber.id,
      c.prescriber.id,
    ]);
    const bads: Record<string, string>[] = [
      { period: 'yesterday' },
      { person: 'nobody' },
      { view: 'x' },
    ];
    for (const query of bads) {
      const bad = await read(VISITS, c.patient.id, cookie, query);
      expect(bad.status).toBe(400);
    }
  });

  it('is audited as a read of the log, which the patient’s next reading does not show', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.patient);
    const first = await read(VISITS, c.patient.id, cookie);
    expect(first.body.items).toEqual([]);
    const events = await db.auditEvent.findMany({
      where: { patientId: c.patient.id, resourceType: 'accessLog' },
    });
    expect(events).toHaveLength(1);
    const second = await read(VISITS, c.patient.id, cookie);
    expect(second.body.items).toEqual([]);
    expect(second.body.people).toEqual([]);
  });

  it('answers 403 to clinicians on the team and 404 to everyone else out of scope', async () => {
    const c = await clinic();
    const elsewhere = await createCareTeam(db);
    const cases = [
      [c.prescriber, 403],
      [elsewhere.patient, 404],
      [await createUser(db, elsewhere.organization, { role: 'ADMIN' }), 404],
    ] as const;
    for (const [viewer, status] of cases) {
      expect((await read(VISITS, c.patient.id, await sessionCookie(viewer))).status).toBe(status);
    }
  });
});

/** A statement as it went to PostgreSQL: its text and values. */
type Sent = { text: string; values: unknown[] };

/** The statements `work` sent that read the audit trail (its reads, not its audit write). */
async function auditReads(work: () => Promise<unknown>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text?: string; values?: unknown[] }, unknown];
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const values = (typeof first === 'string' ? second : first?.values) ?? [];
    if (text.includes('FROM "AuditEvent" e')) sent.push({ text, values: values as unknown[] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}

type PlanNode = {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
};

/** How many audit events a statement's plan read (EXPLAIN ANALYZE, every partition summed). */
async function auditRowsRead(statement: Sent): Promise<number> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`,
      statement.values,
    );
    const walk = (node: PlanNode): number =>
      (node['Relation Name']?.startsWith('AuditEvent')
        ? (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'] +
          (node['Rows Removed by Index Recheck'] ?? 0)
        : 0) + (node.Plans ?? []).reduce((sum, child) => sum + walk(child), 0);
    return walk((rows[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan);
  } finally {
    await client.end();
  }
}

/**
 * A long log: the prescriber's sittings (two reads a minute apart) every two hours, newest first
 * from an hour ago; a caseload view in every tenth; and, 2 000 hours back, the therapist's long
 * sitting (a read a minute for 500 minutes), which stretches of the log read end inside.
 */
async function longLog(sittings: number) {
  const c = await clinic();
  const other = await createPatient(db, c.organization, { passwordHash: null });
  const org = c.organization.id;
  // Each event with its real hash (lib/audit-chain.ts auditHash, computed here in SQL: the JSON
  // array of its fields), so the shared test database's trail still verifies for the other tests.
  await db.$executeRaw`
    WITH events AS (
      SELECT ${c.prescriber.id}::uuid AS actor, 'PRESCRIBER'::"Role" AS role, 'read' AS action,
             (ARRAY['medication', 'checkIn'])[1 + n % 2] AS kind, ${c.patient.id}::uuid AS patient,
             '{}'::uuid[] AS shown,
             date_trunc('milliseconds', now() - interval '1 hour' - (n / 2) * interval '2 hours'
                                               - (n % 2) * interval '1 minute') AS at
        FROM generate_series(0, ${sittings * 2 - 1}::int) n
      UNION ALL
      SELECT ${c.prescriber.id}::uuid, 'PRESCRIBER'::"Role", 'list', 'caseload', NULL,
             ARRAY[${c.patient.id}::uuid, ${other.id}::uuid],
             date_trunc('milliseconds',
                        now() - interval '1 hour' - n * interval '20 hours' + interval '30 seconds')
        FROM generate_series(0, ${sittings / 10 - 1}::int) n
      UNION ALL
      SELECT ${c.therapist.id}::uuid, 'THERAPIST'::"Role", 'read', 'sessionNote',
             ${c.patient.id}::uuid, '{}'::uuid[],
             date_trunc('milliseconds', now() - interval '2000 hours' - n * interval '1 minute')
        FROM generate_series(0, ${LONG_SITTING - 1}::int) n
    )
    INSERT INTO "AuditEvent" ("organizationId", "actorId", "actorRole", action, "resourceType",
                              "patientId", "patientIds", outcome, "occurredAt", hash)
    SELECT ${org}::uuid, actor, role, action, kind, patient, shown, 'ALLOWED'::"AuditOutcome", at,
           encode(sha256(convert_to('["' || array_to_string(
             ARRAY['', ${org}, actor::text, role::text, action, kind, '', coalesce(patient::text, ''),
                   'ALLOWED', '', '', '', '', '',
                   to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')]
             || CASE WHEN cardinality(shown) > 0
                     THEN ARRAY['patients:' || array_to_string(shown, ',')] ELSE '{}'::text[] END,
             '","') || '"]', 'UTF8')), 'hex')
      FROM events`;
  // As autovacuum would after such a load: the planner walks the indexes by what they hold.
  await db.$executeRaw`ANALYZE "AuditEvent"`;
  return { c, shown: sittings * 2 + sittings / 10 + LONG_SITTING };
}

const LONG_SITTING = 500;

describe('a long log', () => {
  it('reads the first page from the log’s newest stretch only, within the statement budget', async () => {
    const { c, shown } = await longLog(10_000);
    const cookie = await sessionCookie(c.patient);
    let page!: Awaited<ReturnType<typeof read>>;
    const { statements } = await countStatements(async () => {
      page = await read(VISITS, c.patient.id, cookie, { limit: '20' });
    });
    expect(page.status).toBe(200);
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(5);
    const visits: AccessLogVisit[] = page.body.items;
    expect(visits).toHaveLength(20);
    expect(visits[0]).toMatchObject({
      personId: c.prescriber.id,
      eventCount: 3,
      did: 'looked at your check-ins, your medications, and your line in their list of patients (latest check-in and PHQ-9)',
    });
    expect(page.body.nextCursor).toBe(visits[19]!.id);
    expect(page.body.people.map((p: { id: string }) => p.id)).toContain(c.prescriber.id);

    // The same reads again, explained: each reads a bounded stretch (the walk along the index to
    // its start, then its events), not the log of 21 500 events. The list views naming the
    // patient are found along the GIN index in the month partitions the stretch reaches: here,
    // all in the default partition, so all 1 000 of them.
    const reads = await auditReads(() => read(VISITS, c.patient.id, cookie, { limit: '20' }));
    expect(reads.length).toBe(2);
    for (const statement of reads) {
      const rows = await auditRowsRead(statement);
      expect(rows, statement.text.slice(0, 80)).toBeLessThan(2 * VISIT_WINDOWS[0]! + 1_000 + 1_000);
      expect(rows).toBeLessThan(shown / 3);
    }
  }, 120_000);

  it('still reaches every access by loading more, the long sitting one visit', async () => {
    const { c, shown } = await longLog(1_200);
    const cookie = await sessionCookie(c.patient);
    const visits = await walk<AccessLogVisit>(VISITS, c.patient.id, cookie, { limit: '100' });
    expect(new Set(visits.map((v) => v.id)).size).toBe(visits.length);
    expect(visits.reduce((sum, v) => sum + v.eventCount, 0)).toBe(shown);
    const long = visits.filter((v) => v.personId === c.therapist.id);
    expect(long.map((v) => v.eventCount)).toEqual([LONG_SITTING]);
    const events = visits
      .filter((v) => v.eventCount <= 50)
      .flatMap((v) => v.events.map((e) => e.id));
    expect(new Set(events).size).toBe(shown - LONG_SITTING);
  }, 120_000);
});
