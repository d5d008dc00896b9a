// The sealed audit trail (docs/decisions/027-audit-seals.md): writers never wait for each other;
// the sealer seals the events of ended transactions; verification finds any event edited, removed
// or inserted after it was sealed, and any seal changed. Tampering is done the way an attacker
// with the database's superuser would (triggers off for the session), then undone, so the shared
// test database's trail is whole again for the other tests.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { writeAuditEvent } from '@/lib/data/audit';
import { sealAuditEvents, sealUpToNow } from '@/lib/data/audit-seals';
import { auditHash } from '@/lib/audit-chain';
import { verifyAuditTrail } from '@/lib/audit-verify';

let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
});

async function organization() {
  return db.organization.create({
    data: { name: 'Seal Test', slug: `seal-${crypto.randomUUID()}` },
  });
}

async function writeSome(organizationId: string, n: number) {
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      db.$transaction((tx) =>
        writeAuditEvent(tx, {
          organizationId,
          action: 'read',
          resourceType: 'patient',
          resourceId: `seal-${i}`,
          outcome: 'ALLOWED',
        }),
      ),
    ),
  );
}

/** Runs one statement as a superuser with the append-only triggers off (an attacker's change). */
async function asSuperuser(sql: string, params: unknown[]) {
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

/** Makes `change`, verifies the trail, then undoes it with `undo`; the report of the changed trail. */
async function tampered(change: [string, unknown[]], undo: [string, unknown[]]) {
  await asSuperuser(...change);
  try {
    return await verifyAuditTrail(admin);
  } finally {
    await asSuperuser(...undo);
  }
}

/** A sealed event of `organizationId`, as stored. */
async function sealedEvent(organizationId: string) {
  const { rows } = await admin.query(
    `SELECT e.*, e.seq::text AS seq_text FROM "AuditEvent" e
      WHERE "organizationId" = $1 AND txid < (SELECT max("toTxid") FROM "AuditSeal")
      ORDER BY seq LIMIT 1`,
    [organizationId],
  );
  return rows[0] as Record<string, unknown> & { id: string; seq_text: string };
}

describe('sealing the audit trail', () => {
  it('seals the events of ended transactions, in seals chained one to the next', async () => {
    const org = await organization();
    await writeSome(org.id, 12);
    await sealUpToNow(db);
    const mine = await db.auditEvent.findMany({
      where: { organizationId: org.id },
      select: { txid: true },
    });
    const lastSeal = await db.auditSeal.findFirst({ orderBy: { seq: 'desc' } });
    expect(mine).toHaveLength(12);
    for (const event of mine) expect(event.txid! < lastSeal!.toTxid).toBe(true);
    const report = await verifyAuditTrail(admin);
    expect(report.broken).toBeNull();
    expect(report.seals).toBeGreaterThan(0);
    expect(report.sealed).toBeGreaterThanOrEqual(12);
  });

  it('never seals an event whose transaction is still running', async () => {
    const org = await organization();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const open = db.$transaction(
      async (tx) => {
        await writeAuditEvent(tx, {
          organizationId: org.id,
          action: 'read',
          resourceType: 'patient',
          outcome: 'ALLOWED',
        });
        written();
        await held;
      },
      { timeout: 20_000 },
    );
    await wrote;
    await writeSome(org.id, 3); // later transactions, committed while the first is still open
    for (let i = 0; i < 5; i += 1) await sealAuditEvents(db); // seals what it may
    const lastSeal = await db.auditSeal.findFirst({ orderBy: { seq: 'desc' } });
    const { rows } = await admin.query('SELECT (pg_current_xact_id()::text)::bigint AS now');
    release();
    await open;
    const events = await db.auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { txid: 'asc' },
      select: { txid: true },
    });
    // The open transaction has the lowest id of the four: nothing from it up was sealed.
    expect(events).toHaveLength(4);
    expect(lastSeal === null || lastSeal.toTxid <= events[0]!.txid!).toBe(true);
    expect(BigInt(rows[0].now)).toBeGreaterThan(events[0]!.txid!);
    await sealUpToNow(db);
    const after = await db.auditSeal.findFirst({ orderBy: { seq: 'desc' } });
    for (const event of events) expect(event.txid! < after!.toTxid).toBe(true);
    expect((await verifyAuditTrail(admin)).broken).toBeNull();
  });

  it('detects an event edited, removed or inserted after sealing, and a seal changed', async () => {
    const org = await organization();
    await writeSome(org.id, 4);
    await sealUpToNow(db);
    const event = await sealedEvent(org.id);

    const edited = await tampered(
      [`UPDATE "AuditEvent" SET detail = 'nothing to see' WHERE id = $1`, [event.id]],
      [`UPDATE "AuditEvent" SET detail = NULL WHERE id = $1`, [event.id]],
    );
    expect(edited.broken).toMatch(/does not match its hash/);

    const rehashed = await tampered(
      [
        `UPDATE "AuditEvent" SET "resourceId" = 'other', hash = md5(hash) || md5(hash) WHERE id = $1`,
        [event.id],
      ],
      [
        `UPDATE "AuditEvent" SET "resourceId" = $2, hash = $3 WHERE id = $1`,
        [event.id, event.resourceId, event.hash],
      ],
    );
    // Even with a hash that matches the new content, its seal no longer does.
    expect(rehashed.broken).not.toBeNull();

    const removed = await tampered(
      [`DELETE FROM "AuditEvent" WHERE id = $1`, [event.id]],
      [
        `INSERT INTO "AuditEvent" SELECT (json_populate_record(NULL::"AuditEvent", $1::json)).*`,
        [JSON.stringify({ ...event, seq_text: undefined, seq: event.seq_text })],
      ],
    );
    expect(removed.broken).toMatch(/removed or inserted/);

    const forged = crypto.randomUUID();
    const inserted = await tampered(
      [
        `INSERT INTO "AuditEvent" (id, "organizationId", action, "resourceType", outcome, hash, txid)
         VALUES ($1, $2, 'read', 'patient', 'ALLOWED', 'x', $3)`,
        [forged, org.id, String(event.txid)],
      ],
      [`DELETE FROM "AuditEvent" WHERE id = $1`, [forged]],
    );
    expect(inserted.broken).not.toBeNull();

    const seal = await db.auditSeal.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    const resealed = await tampered(
      [
        `UPDATE "AuditSeal" SET "eventCount" = "eventCount" + 1 WHERE seq = $1`,
        [seal.seq.toString()],
      ],
      [
        `UPDATE "AuditSeal" SET "eventCount" = "eventCount" - 1 WHERE seq = $1`,
        [seal.seq.toString()],
      ],
    );
    expect(resealed.broken).toMatch(/seal #/);

    expect((await verifyAuditTrail(admin)).broken).toBeNull();
  });

  it('still verifies the hash chain of the events written before sealing, and finds a break in it', async () => {
    const org = await organization();
    let prevHash: string | null = null;
    const ids: string[] = [];
    for (const i of [0, 1, 2]) {
      const event = {
        id: crypto.randomUUID(),
        organizationId: org.id,
        action: 'read',
        resourceType: 'patient',
        resourceId: `legacy-${i}`,
        outcome: 'ALLOWED',
        occurredAt: new Date(Date.now() - 60_000 + i),
      };
      const hash = auditHash(prevHash, event);
      await asSuperuser(
        `INSERT INTO "AuditEvent" (id, "organizationId", action, "resourceType", "resourceId", outcome, "occurredAt", "prevHash", hash, txid)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)`,
        [
          event.id,
          org.id,
          event.action,
          event.resourceType,
          event.resourceId,
          event.outcome,
          event.occurredAt,
          prevHash,
          hash,
        ],
      );
      ids.push(event.id);
      prevHash = hash;
    }
    const intact = await verifyAuditTrail(admin);
    expect(intact.broken).toBeNull();
    expect(intact.chained).toBeGreaterThanOrEqual(3);
    const edited = await tampered(
      [`UPDATE "AuditEvent" SET "resourceId" = 'legacy-x' WHERE id = $1`, [ids[1]]],
      [`UPDATE "AuditEvent" SET "resourceId" = 'legacy-1' WHERE id = $1`, [ids[1]]],
    );
    expect(edited.broken).toMatch(/hash chain of organization/);
  });

  it('stays verifiable with writers in two app processes and a sealer running beside them', async () => {
    if (inject('embeddedDatabase')) return; // one connection at a time: the processes would queue
    const org = await organization();
    const child = (label: string) =>
      new Promise<number | null>((resolve) => {
        const process_ = spawn(
          process.execPath,
          ['--import', 'tsx', '--conditions=react-server', 'tests/support/audit-writer-child.ts'],
          {
            env: {
              ...process.env,
              ORGANIZATION_ID: org.id,
              COUNT: '100',
              CONCURRENCY: '6',
              LABEL: label,
            },
            stdio: 'ignore',
          },
        );
        process_.once('exit', resolve);
      });
    let sealing = true;
    const sealer = (async () => {
      while (sealing) {
        await sealAuditEvents(db);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    expect(await Promise.all([child('a'), child('b')])).toEqual([0, 0]);
    sealing = false;
    await sealer;
    await sealUpToNow(db);
    expect(await db.auditEvent.count({ where: { organizationId: org.id } })).toBe(300);
    const report = await verifyAuditTrail(admin);
    expect(report.broken).toBeNull();
  }, 120_000);
});
