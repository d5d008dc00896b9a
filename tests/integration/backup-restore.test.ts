// Backups (docs/operations/backups.md): a backup of a small database restored into a new one has
// every table's row count of the backup's snapshot and an intact audit trail; a restore refuses a
// database that holds data, and the verification notices a restore that lost a row. Needs a real
// PostgreSQL server (pg_dump, pg_restore): skipped on the embedded one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { backup, readManifest, restoreInto, verifyRestore } from '@/lib/backup';
import { writeAuditEvent } from '@/lib/data/audit';
import { sealUpToNow } from '@/lib/data/audit-seals';
import { PrismaClient } from '@/prisma/generated/client';
import {
  createCheckIns,
  createOrganization,
  createPatient,
  daysFromToday,
} from '@/tests/factories';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database';

const serverUrl = () => process.env.DATABASE_URL!;

async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

async function populate(client: PrismaClient) {
  const org = await createOrganization(client);
  const patient = await createPatient(client, org, {});
  await createCheckIns(
    client,
    patient,
    [6, 4, 7].map((mood, i) => ({ mood, localDate: daysFromToday(-i) })),
  );
  for (let i = 0; i < 5; i += 1) {
    await client.$transaction((tx) =>
      writeAuditEvent(tx, {
        organizationId: org.id,
        action: 'read',
        resourceType: 'patient',
        resourceId: patient.id,
        patientId: patient.id,
        outcome: 'ALLOWED',
      }),
    );
  }
  await sealUpToNow(client);
  // Written after the last seal: restored as events not sealed yet, still counted.
  await client.$transaction((tx) =>
    writeAuditEvent(tx, {
      organizationId: org.id,
      action: 'read',
      resourceType: 'patient',
      outcome: 'ALLOWED',
    }),
  );
}

describe.skipIf(inject('embeddedDatabase'))('backup and restore', () => {
  let source: TestDatabase;
  let client: PrismaClient;
  let dir: string;
  let file: string;
  const restored: string[] = [];
  const stamp = `${Date.now()}_${process.pid}`;

  beforeAll(async () => {
    source = await createTestDatabase('backup');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: source.url }) });
    await populate(client);
    dir = mkdtempSync(path.join(tmpdir(), 'triad-backup-'));
    file = path.join(dir, 'triad.dump');
  });

  afterAll(async () => {
    await client?.$disconnect();
    for (const name of restored) await dropDatabase(name);
    await source?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('restores into a new database with every row count of the snapshot and an intact trail, and notices a lost row', async () => {
    const result = await backup(source.url, file);
    expect(result.bytes).toBeGreaterThan(0);
    const manifest = await readManifest(file);
    // Partitioned tables are counted by partition (the audit trail and check-ins: by month).
    const rowsOf = (parent: string) =>
      Object.entries(manifest.counts)
        .filter(([table]) => table.startsWith(`"public"."${parent}_`))
        .reduce((sum, [, n]) => sum + n, 0);
    expect(manifest.counts['"public"."CheckIn"']).toBeUndefined();
    expect(rowsOf('CheckIn')).toBe(3);
    expect(rowsOf('AuditEvent')).toBeGreaterThanOrEqual(6);

    const name = `triad_restore_it_${stamp}`;
    restored.push(name);
    const target = await restoreInto(file, serverUrl(), name);
    const verification = await verifyRestore(target, manifest);
    expect(verification.mismatches).toEqual([]);
    expect(verification.tables).toBe(Object.keys(manifest.counts).length);
    expect(verification.trail.broken).toBeNull();
    expect(verification.trail.sealed).toBeGreaterThanOrEqual(5);
    expect(verification.trail.unsealed).toBeGreaterThanOrEqual(1);
    expect(verification.txidBehind).toBeNull();

    // A restore that lost a row does not verify.
    const damaged = new pg.Client({ connectionString: target });
    await damaged.connect();
    await damaged.query('DELETE FROM "CheckInSideEffect"; DELETE FROM "CheckInMeasureValue"');
    const { rows } = await damaged.query<{ part: string }>(
      `DELETE FROM "CheckIn" WHERE id = (SELECT id FROM "CheckIn" LIMIT 1) RETURNING tableoid::regclass::text AS part`,
    );
    await damaged.end();
    const part = `"public".${rows[0]!.part}`; // the month's partition, "CheckIn_YYYY_MM"
    const inBackup = manifest.counts[part]!;
    const again = await verifyRestore(target, manifest);
    expect(again.mismatches).toContain(`${part}: ${inBackup} in the backup, ${inBackup - 1} restored`);
  });

  it('refuses to restore into a database that holds tables', async () => {
    const name = new URL(source.url).pathname.slice(1);
    await expect(restoreInto(file, serverUrl(), name)).rejects.toThrow(/already exists and holds/);
  });
});
