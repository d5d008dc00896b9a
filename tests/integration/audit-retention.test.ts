// Retention of the audit trail (docs/operations/retention.md): the monthly partitions ahead are
// created; months older than the retention are dropped (audited), and the trail still verifies,
// including seals emptied and a seal cut in two by the drop; an event removed from a seal within
// the retention, or a month dropped by hand, still breaks verification. In a database of its own:
// drops and tampering here must not touch the shared trail.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash } from '@/lib/audit-chain';
import { verifyAuditTrail } from '@/lib/audit-verify';
import {
  dropExpiredAuditPartitions,
  ensureAuditPartitions,
  monthStart,
} from '@/lib/data/audit-retention';
import { sealAuditEvents, sealUpToNow } from '@/lib/data/audit-seals';
import { PrismaClient } from '@/prisma/generated/client';
import { createOrganization } from '@/tests/factories';
import { createTestDatabase, type TestDatabase } from '@/tests/support/test-database';

let database: TestDatabase;
let client: PrismaClient;
let admin: pg.Client;
let organizationId: string;

/** An event as lib/data/audit.ts writes it, at a chosen time (the past, for retention). */
function eventAt(occurredAt: Date, resourceId: string) {
  const event = {
    organizationId,
    action: 'read',
    resourceType: 'patient',
    resourceId,
    outcome: 'ALLOWED' as const,
    occurredAt,
  };
  return { ...event, prevHash: null, hash: auditHash(null, event) };
}

const partitions = async () =>
  (
    await admin.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = '"AuditEvent"'::regclass`,
    )
  ).rows.map((r) => r.name);

const now = new Date();
const expired = new Date(Date.UTC(now.getUTCFullYear() - 7, 4, 10)); // May, seven years ago
const expiredName = `AuditEvent_${expired.getUTCFullYear()}_05`;
const nextMonth = new Date(Date.UTC(now.getUTCFullYear() - 7, 5, 10)); // and June
const nextName = `AuditEvent_${expired.getUTCFullYear()}_06`;

/**
 * Seals every event written so far with the sealer's clock at `at` (seals of the past), waiting,
 * as sealUpToNow does, while a transaction elsewhere on the server holds the sealer back.
 */
async function sealAt(at: Date) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    await sealAuditEvents(client, () => at);
    const last = await client.auditSeal.findFirst({ orderBy: { seq: 'desc' } });
    const pending = await client.auditEvent.count({ where: { txid: { gte: last?.toTxid ?? 0n } } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} audit events still unsealed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  database = await createTestDatabase('retention');
  client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  organizationId = (await createOrganization(client)).id;
  await admin.query('SELECT audit_event_partition($1)', [expired]);
  await admin.query('SELECT audit_event_partition($1)', [nextMonth]);
  // Old events sealed when they were written; one seal holds events of two expired months and
  // one is cut by the end of the expired months (a transaction that ran across it); then events
  // of today, sealed today.
  await client.auditEvent.createMany({
    data: [1, 2, 3].map((i) => eventAt(expired, `old-${i}`)),
  });
  await sealAt(expired);
  await client.$transaction([
    client.auditEvent.create({ data: eventAt(expired, 'old-4') }),
    client.auditEvent.create({ data: eventAt(nextMonth, 'old-5') }),
  ]);
  await sealAt(nextMonth);
  await client.$transaction([
    client.auditEvent.create({ data: eventAt(nextMonth, 'old-6') }),
    client.auditEvent.create({ data: eventAt(now, 'across') }),
  ]);
  await sealAt(nextMonth);
  await client.auditEvent.createMany({ data: [1, 2].map((i) => eventAt(now, `new-${i}`)) });
  await sealUpToNow(client);
});

afterAll(async () => {
  await admin?.end();
  await client?.$disconnect();
  await database?.drop();
});

describe('audit retention', () => {
  it('keeps this month and the three after it partitioned', async () => {
    const future = new Date(Date.UTC(now.getUTCFullYear() + 3, 10, 20));
    await ensureAuditPartitions(client, future);
    const names = await partitions();
    for (let i = 0; i <= 3; i += 1) {
      const m = monthStart(future, i);
      const name = `AuditEvent_${m.getUTCFullYear()}_${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
      expect(names).toContain(name);
    }
    expect(names).toContain('AuditEvent_default');
  });

  it('drops nothing younger than the retention, even with a clock moved ahead', async () => {
    expect(await dropExpiredAuditPartitions(client, now, 100)).toEqual([]);
    const ahead = new Date(Date.UTC(now.getUTCFullYear() + 20, 0, 1));
    expect(await dropExpiredAuditPartitions(client, ahead, 100)).toEqual([]);
    expect(await partitions()).toContain(expiredName);
  });

  it('drops the expired months; the trail still verifies', async () => {
    expect(await verifyAuditTrail(admin)).toMatchObject({ broken: null, pruned: 0 });
    const dropped = await dropExpiredAuditPartitions(client, now, 72);
    expect(dropped).toEqual([
      { partition: expiredName, events: 4 },
      { partition: nextName, events: 2 },
    ]);
    expect(await partitions()).not.toContain(expiredName);
    expect(await partitions()).not.toContain(nextName);
    await sealUpToNow(client);
    const report = await verifyAuditTrail(admin);
    expect(report.broken).toBeNull();
    expect(report.pruned).toBe(3); // two seals emptied, one cut
    // The event across the months' end, the two new ones, and the two drops' own.
    expect(report.sealed).toBe(5);
    const drops = await client.auditEvent.findMany({
      where: { action: 'delete', resourceType: 'auditEvent' },
      select: { resourceId: true, detail: true },
      orderBy: { seq: 'asc' },
    });
    expect(drops).toEqual([
      { resourceId: expiredName, detail: 'retention: the 4 events of the month' },
      { resourceId: nextName, detail: 'retention: the 2 events of the month' },
    ]);
  });

  it('verifies the same with a one-month retention: the seals of today are whole', async () => {
    // The seals of today are whole whatever the retention: none may lose an event.
    expect((await verifyAuditTrail(admin, 1)).broken).toBeNull();
  });

  it('still finds an event removed from a seal within the retention', async () => {
    const { rows } = await admin.query(`SELECT * FROM "AuditEvent" WHERE "resourceId" = 'new-1'`);
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "resourceId" = 'new-1'`);
    expect((await verifyAuditTrail(admin)).broken).toMatch(/covers \d+ events, but \d+ are there/);
    const row = rows[0] as Record<string, unknown>;
    const columns = Object.keys(row);
    await asSuperuser(
      `INSERT INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(', ')})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
    expect((await verifyAuditTrail(admin)).broken).toBeNull();
  });

  it('finds a month dropped by hand, within the retention', async () => {
    const current = `AuditEvent_${now.getUTCFullYear()}_${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    await admin.query(`DROP TABLE "${current}"`);
    expect((await verifyAuditTrail(admin)).broken).toMatch(/seal #\d+ covers/);
  });
});

/** One statement with the append-only triggers off (an attacker's change, or its undoing). */
async function asSuperuser(sql: string, params: unknown[] = []) {
  await admin.query('BEGIN');
  try {
    await admin.query("SET LOCAL session_replication_role = 'replica'");
    await admin.query(sql, params);
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
}
