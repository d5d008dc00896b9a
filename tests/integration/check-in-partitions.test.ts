// Check-ins partitioned by month of their day (decision 037, docs/operations/retention.md): a day
// lands in its month's partition on either side of a month's end, recording it again replaces it
// in place, a safety flag refers to it by id and day, the months ahead are created, nothing is
// dropped without a retention, and a retention's drop takes the month's reports with it and keeps
// its safety flags, unlinked. In a database of its own: partitions are created and dropped here.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '@/lib/calendar-date';
import {
  CHECK_INS,
  dropExpiredCheckInPartitions,
  maintainCheckInPartitions,
} from '@/lib/data/check-in-retention';
import { recordCheckInTx, type CheckInData } from '@/lib/data/check-ins/record-day';
import { ensureMonthlyPartitions, monthStart } from '@/lib/data/monthly-partitions';
import { PrismaClient } from '@/prisma/generated/client';
import { createCareTeam, createTreatmentPlan, type CareTeam } from '@/tests/factories';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database';

let database: TestDatabase;
let client: PrismaClient;
let admin: pg.Client;
let team: CareTeam;
let goalKey: string;

const now = new Date();
const year = now.getUTCFullYear() - 3;
const lastOfJanuary = `${year}-01-31`;
const firstOfFebruary = `${year}-02-01`;
const partitionOf = (month: Date) =>
  `CheckIn_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

const partitions = async () =>
  (
    await admin.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = '"CheckIn"'::regclass`,
    )
  ).rows.map((r) => r.name);

/** Where each of the patient's check-ins is stored, by day. */
const storedIn = async () =>
  Object.fromEntries(
    (
      await admin.query<{ day: string; part: string }>(
        `SELECT to_char("localDate", 'YYYY-MM-DD') AS day, tableoid::regclass::text AS part
           FROM "CheckIn" WHERE "patientId" = $1`,
        [team.patient.id],
      )
    ).rows.map((r) => [r.day, r.part.replaceAll('"', '')]),
  );

function day(localDate: string, extra: Partial<CheckInData> = {}): CheckInData {
  return { localDate, mood: 5, sideEffects: [], measures: [], ...extra } as CheckInData;
}

const record = (input: CheckInData) =>
  client.$transaction((tx) => recordCheckInTx(tx, team.patient, input));

beforeAll(async () => {
  database = await createTestDatabase('checkinparts');
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  team = await createCareTeam(client, { passwordHash: null });
  const plan = await createTreatmentPlan(client, team.patient, team.prescriber);
  goalKey = plan.goals.find((g) => g.measureKind === 'PERSONAL')!.goalKey;
  for (const month of [`${year}-01-15`, `${year}-02-15`]) {
    await CHECK_INS.createMonth(client, new Date(`${month}T00:00:00Z`));
  }
});

afterAll(async () => {
  await admin?.end();
  await client?.$disconnect();
  await database?.drop();
});

describe('check-ins partitioned by month', () => {
  it('stores each day in its month’s partition, on either side of a month’s end', async () => {
    const severe = [{ name: 'Rash', severity: 'SEVERE' as const }];
    const january = await record(
      day(lastOfJanuary, { sideEffects: severe, measures: [{ goalKey, value: 2 }] }),
    );
    const february = await record(day(firstOfFebruary, { measures: [{ goalKey, value: 3 }] }));
    const today = await record(day(toIsoDate(now), { sideEffects: severe }));
    expect([january.updated, february.updated, today.updated]).toEqual([false, false, false]);
    expect(await storedIn()).toEqual({
      [lastOfJanuary]: `CheckIn_${year}_01`,
      [firstOfFebruary]: `CheckIn_${year}_02`,
      [toIsoDate(now)]: partitionOf(now),
    });
  });

  it('records a day again in place: the same row, its reports replaced, no second flag', async () => {
    const [before] = await client.checkIn.findMany({
      where: { patientId: team.patient.id, localDate: new Date(`${lastOfJanuary}T00:00:00Z`) },
    });
    const again = await record(
      day(lastOfJanuary, {
        mood: 8,
        sideEffects: [
          { name: 'Rash', severity: 'SEVERE' },
          { name: 'Nausea', severity: 'MILD' },
        ],
        measures: [{ goalKey, value: 4 }],
      }),
    );
    expect(again).toMatchObject({ checkInId: before!.id, updated: true });
    const rows = await client.checkIn.findMany({
      where: { patientId: team.patient.id, localDate: before!.localDate },
      include: { sideEffects: true, measureValues: true, safetyFlags: true },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mood).toBe(8);
    expect(rows[0]!.sideEffects.map((s) => s.name).sort()).toEqual(['Nausea', 'Rash']);
    expect(rows[0]!.measureValues.map((v) => v.value)).toEqual([4]);
    expect(rows[0]!.safetyFlags).toHaveLength(1);
  });

  it('links the severe side effect’s flag to its check-in by id and day, both or neither', async () => {
    const flag = await client.safetyFlag.findFirstOrThrow({
      where: { patientId: team.patient.id, checkInDate: new Date(`${lastOfJanuary}T00:00:00Z`) },
      include: { checkIn: true },
    });
    expect(flag.source).toBe('SEVERE_SIDE_EFFECT');
    expect(flag.checkIn?.id).toBe(flag.checkInId);
    expect(toIsoDate(flag.checkIn!.localDate)).toBe(lastOfJanuary);
    await expect(
      admin.query(`UPDATE "SafetyFlag" SET "checkInDate" = NULL WHERE id = $1`, [flag.id]),
    ).rejects.toThrow(/SafetyFlag_checkIn_both_or_neither/);
    // The day is part of the reference: the same id with another day refers to nothing.
    await expect(
      admin.query(`UPDATE "SafetyFlag" SET "checkInDate" = $2 WHERE id = $1`, [
        flag.id,
        firstOfFebruary,
      ]),
    ).rejects.toThrow(/SafetyFlag_checkInId_checkInDate_fkey/);
  });

  it('keeps this month and the three after it partitioned, ahead of any check-in', async () => {
    const future = new Date(Date.UTC(now.getUTCFullYear() + 2, 10, 20));
    await ensureMonthlyPartitions(client, CHECK_INS, future);
    await ensureMonthlyPartitions(client, CHECK_INS, future); // a second run changes nothing
    const names = await partitions();
    for (let i = 0; i <= 3; i += 1) expect(names).toContain(partitionOf(monthStart(future, i)));
    expect(names).toContain('CheckIn_default');
  });

  it('drops nothing without a retention, however old the month', async () => {
    expect(await maintainCheckInPartitions(client, now, undefined)).toBe(0);
    expect(await partitions()).toContain(`CheckIn_${year}_01`);
    expect(Object.keys(await storedIn())).toHaveLength(3);
  });

  it('drops the months older than the retention with their reports, keeping their flags unlinked', async () => {
    const flagsBefore = await client.safetyFlag.findMany({
      where: { patientId: team.patient.id },
      orderBy: { checkInDate: 'asc' },
    });
    expect(flagsBefore.map((f) => f.checkInDate && toIsoDate(f.checkInDate))).toEqual([
      lastOfJanuary,
      toIsoDate(now),
    ]);

    const dropped = await dropExpiredCheckInPartitions(client, now, 24);
    expect(dropped).toEqual([
      { partition: `CheckIn_${year}_01`, rows: 1 },
      { partition: `CheckIn_${year}_02`, rows: 1 },
    ]);
    const names = await partitions();
    expect(names).not.toContain(`CheckIn_${year}_01`);
    expect(names).toContain(partitionOf(now));
    expect(Object.keys(await storedIn())).toEqual([toIsoDate(now)]);

    // The dropped months' side effects and measure values went with them (ON DELETE CASCADE);
    // today's stayed.
    const reports = await admin.query<{ day: string }>(
      `SELECT to_char("reportedOn", 'YYYY-MM-DD') AS day FROM "CheckInSideEffect" WHERE "patientId" = $1
       UNION ALL
       SELECT to_char("reportedOn", 'YYYY-MM-DD') FROM "CheckInMeasureValue" WHERE "patientId" = $1`,
      [team.patient.id],
    );
    expect(reports.rows.map((r) => r.day)).toEqual([toIsoDate(now)]);

    // The flag stays, unlinked (ON DELETE SET NULL, done by hand: a dropped partition fires none).
    const flagsAfter = await client.safetyFlag.findMany({
      where: { id: { in: flagsBefore.map((f) => f.id) } },
      orderBy: { raisedAt: 'asc' },
    });
    expect(flagsAfter).toHaveLength(2);
    expect(flagsAfter.find((f) => f.id === flagsBefore[0]!.id)).toMatchObject({
      checkInId: null,
      checkInDate: null,
      status: 'OPEN',
      reason: flagsBefore[0]!.reason,
    });
    expect(flagsAfter.find((f) => f.id === flagsBefore[1]!.id)?.checkInId).toBe(
      flagsBefore[1]!.checkInId,
    );

    // The drop is on the record.
    const evidence = await client.auditEvent.findMany({
      where: { resourceType: 'checkIn', action: 'delete', organizationId: null },
      orderBy: { seq: 'asc' },
    });
    expect(evidence.map((e) => e.resourceId)).toEqual([`CheckIn_${year}_01`, `CheckIn_${year}_02`]);
    expect(evidence[0]!.detail).toBe(
      'retention: the 1 check-ins of the month, 2 side effects and 1 measure values; 1 safety flags kept, unlinked',
    );

    // Nothing else is old enough: a second run drops nothing.
    expect(await dropExpiredCheckInPartitions(client, now, 24)).toEqual([]);
  });
});

// The migration converts a database holding check-ins in place: every row moves to its month's
// partition, the reports and flags keep their check-in, and the flag's day is filled in. Run on a
// PostgreSQL server (a database migrated up to the migration before, then the migration alone).
describe.skipIf(!process.env.DATABASE_URL)('the migration to monthly check-ins', () => {
  const MIGRATION = '20261129092326_check_in_partitions';
  const server = process.env.DATABASE_URL!;
  const name = `triad_checkinmig_${Date.now()}`;
  let old: pg.Client;

  afterAll(async () => {
    await old?.end();
    const dropper = new pg.Client({ connectionString: server });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await dropper.end();
  });

  it('moves existing check-ins into their months, keeping every reference', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { MIGRATIONS_DIR } = await import('@/prisma/schema-engine');
    const creator = new pg.Client({ connectionString: server });
    await creator.connect();
    await creator.query(`CREATE DATABASE "${name}"`);
    await creator.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    old = new pg.Client({ connectionString: url.toString() });
    await old.connect();
    const migrations = (await readdir(MIGRATIONS_DIR)).filter((m) => /^\d{14}_/.test(m)).sort();
    const sqlOf = (m: string) => readFile(`${MIGRATIONS_DIR}/${m}/migration.sql`, 'utf8');
    for (const m of migrations.slice(0, migrations.indexOf(MIGRATION))) await old.query(await sqlOf(m));

    // Rows as the code before the migration wrote them, in two months and across their end.
    const oldClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url.toString() }) });
    const { patient } = await createCareTeam(oldClient, { passwordHash: null });
    await oldClient.$disconnect();
    const scope = [patient.organizationId, patient.id];
    const { rows: checkIns } = await old.query<{ id: string }>(
      `INSERT INTO "CheckIn" ("organizationId", "patientId", "localDate", mood, "updatedAt")
       SELECT $1, $2, d, 5, now() FROM unnest(ARRAY[$3::date, $4::date]) d RETURNING id`,
      [...scope, lastOfJanuary, firstOfFebruary],
    );
    await old.query(
      `INSERT INTO "CheckInSideEffect" ("organizationId", "patientId", "checkInId", name, severity, "reportedOn")
       VALUES ($1, $2, $3, 'Rash', 'SEVERE', $4)`,
      [...scope, checkIns[0]!.id, lastOfJanuary],
    );
    await old.query(
      `INSERT INTO "SafetyFlag" ("organizationId", "patientId", source, urgency, reason, "checkInId")
       VALUES ($1, $2, 'SEVERE_SIDE_EFFECT', 'HIGH', 'Severe side effect reported: Rash.', $3)`,
      [...scope, checkIns[0]!.id],
    );

    await old.query(await sqlOf(MIGRATION)); // one script: one transaction

    const { rows: moved } = await old.query<{ id: string; part: string }>(
      `SELECT id, tableoid::regclass::text AS part FROM "CheckIn" ORDER BY "localDate"`,
    );
    expect(moved).toEqual([
      { id: checkIns[0]!.id, part: `"CheckIn_${year}_01"` },
      { id: checkIns[1]!.id, part: `"CheckIn_${year}_02"` },
    ]);
    const { rows: links } = await old.query<{ effect: string; flag: string }>(
      `SELECT (SELECT "checkInId"::text FROM "CheckInSideEffect") AS effect,
              (SELECT "checkInId"::text || ' ' || to_char("checkInDate", 'YYYY-MM-DD') FROM "SafetyFlag") AS flag`,
    );
    expect(links[0]).toEqual({
      effect: checkIns[0]!.id,
      flag: `${checkIns[0]!.id} ${lastOfJanuary}`,
    });
    // Every month from the first check-in's up to three months ahead, and the default.
    const names = (
      await old.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = '"CheckIn"'::regclass`,
      )
    ).rows.map((r) => r.name);
    expect(names).toContain(`CheckIn_${year}_03`);
    expect(names).toContain(partitionOf(monthStart(now, 3)));
    expect(names).toContain('CheckIn_default');
  });
});
