// Loads the scale dataset into a migrated, empty database with bulk SQL (INSERT ... SELECT over
// generate_series), on two connections: one builds the clinical tables and then helps the other
// with the audit events. Then seals the audit trail (lib/data/audit-seals.ts) and analyzes.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/prisma/generated/client';
import { SEAL_BATCH, sealAll, sealUpToNow } from '@/lib/data/audit-seals';
import type { Layout } from './layout';
import { peopleSql, patientsSql } from './sql-people';
import { medicationChangesSql, medicationStatesSql } from './sql-medications';
import {
  appointmentsSql,
  assessmentsSql,
  checkInsSql,
  plansSql,
  sessionNotesSql,
} from './sql-clinical';
import { auditCopier } from './audit-events';

export type StepTime = { step: string; ms: number };
type Step = { name: string; sql: string[] };

/** Audit events per statement: each is its own transaction, and a seal takes whole transactions. */
const AUDIT_CHUNK = Math.min(25_000, SEAL_BATCH);
const MEDICATION_CHUNK = 250_000;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // JIT compiling these wide expressions costs more than it saves. A bulk load that fails is run again from scratch (--replace), so commits need not wait for
  // the disk; the data is durable once the server's next checkpoint or WAL flush passes.
  await client.query(`SET synchronous_commit = off; SET work_mem = '64MB'; SET jit = off`);
  return client;
}

async function timed(times: StepTime[], name: string, work: () => Promise<unknown>) {
  const started = performance.now();
  await work();
  times.push({ step: name, ms: Math.round(performance.now() - started) });
}

function clinicalSteps(layout: Layout): Step[] {
  const changes: string[] = [];
  for (let lo = 0; lo < layout.medicationChanges; lo += MEDICATION_CHUNK) {
    changes.push(medicationChangesSql(layout, lo, Math.min(layout.medicationChanges, lo + MEDICATION_CHUNK)));
  }
  return [
    { name: 'treatment plans', sql: plansSql(layout) },
    { name: 'medication changes', sql: changes },
    { name: 'medication states', sql: [medicationStatesSql()] },
    { name: 'check-ins', sql: checkInsSql(layout) },
    { name: 'session notes', sql: sessionNotesSql(layout) },
    { name: 'assessments', sql: assessmentsSql(layout) },
    { name: 'appointments', sql: appointmentsSql(layout) },
  ];
}

/** Hands out the audit chunks to whichever connection is free. */
function auditQueue(layout: Layout) {
  const copy = auditCopier(layout);
  let next = 0;
  return async (client: pg.Client) => {
    while (next < layout.auditEvents) {
      const lo = next;
      next = Math.min(layout.auditEvents, lo + AUDIT_CHUNK);
      await copy(client, lo, next);
    }
  };
}

type Index = { name: string; def: string };

/** The big tables, whose secondary indexes are built once after the load instead of row by row. */
const BULK_TABLES = [
  'AuditEvent', 'MedicationChange', 'CheckIn', 'CheckInSideEffect', 'CheckInMeasureValue',
  'SessionNote', 'Assessment',
];

/**
 * Drops the big tables' secondary indexes and returns the statements that build them again, from
 * their own definitions (pg_indexes): building an index once from sorted rows is far cheaper than
 * keeping it up to date through millions of inserts. Constraint indexes stay (foreign keys check
 * against them), except the audit table's primary key, which no key references: it goes and comes
 * back as the same constraint. Unique indexes are rebuilt, so a duplicate would still fail.
 */
async function dropBulkIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<Index>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I', i.indexname)::regclass)
      ORDER BY i.tablename, i.indexname`,
    [BULK_TABLES],
  );
  await client.query('ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_pkey"');
  for (const index of rows) await client.query(`DROP INDEX "${index.name}"`);
  return [
    // The audit table is partitioned by month: its key includes the partition key (migration
    // 20261129072000_audit_event_partitions).
    'ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_pkey" PRIMARY KEY (id, "occurredAt")',
    // A partitioned table's index reads "ON ONLY" in pg_indexes: built that way it would cover
    // no partition (and stay invalid); built plainly, it is built on every partition.
    ...rows.map((index) => index.def.replace(' ON ONLY ', ' ON ')),
  ];
}

/** Runs the statements on both connections, each taking the next one free. */
async function runShared(clients: pg.Client[], statements: string[]) {
  const queue = [...statements];
  const run = async (client: pg.Client) => {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    for (let sql = queue.shift(); sql; sql = queue.shift()) await client.query(sql);
  };
  await Promise.all(clients.map(run));
}

async function loadRows(url: string, layout: Layout, passwordHash: string, times: StepTime[]) {
  const [a, b] = [await connect(url), await connect(url)];
  try {
    await timed(times, 'organization and accounts', async () => {
      for (const sql of peopleSql(layout)) await a.query(sql, sql.includes('$1') ? [passwordHash] : []);
    });
    await timed(times, 'patients and care teams', async () => {
      for (const sql of patientsSql(layout)) await a.query(sql);
    });
    const audit = auditQueue(layout);
    const clinicalThenAudit = async () => {
      for (const step of clinicalSteps(layout)) {
        await timed(times, step.name, async () => {
          for (const sql of step.sql) await a.query(sql);
        });
      }
      await audit(a);
    };
    let builds: string[] = [];
    // The events go back 180 days from the anchor (scripts/scale/audit-events.ts): each month gets
    // its partition first, or they would all land in the default one.
    await timed(times, 'audit partitions for the months of the history', () =>
      a.query(
        `SELECT audit_event_partition(m) FROM generate_series(
           date_trunc('month', $1::date - 181), date_trunc('month', now()), interval '1 month') m`,
        [layout.anchor],
      ),
    );
    // Check-ins too are partitioned by month (20261129092326_check_in_partitions): patient p's
    // k-th goes back k + 1 days from the anchor (scripts/scale/sql-clinical.ts).
    const checkInDays = Math.ceil(layout.checkIns / Math.max(1, layout.patients)) + 1;
    await timed(times, 'check-in partitions for the months of the history', () =>
      a.query(
        `SELECT check_in_partition(m::date) FROM generate_series(
           date_trunc('month', $1::date - $2::int), date_trunc('month', $1::date), interval '1 month') m`,
        [layout.anchor, checkInDays],
      ),
    );
    await timed(times, 'drop secondary indexes of the big tables', async () => {
      builds = await dropBulkIndexes(a);
    });
    await timed(times, `clinical data ‖ ${layout.auditEvents} audit events (wall time)`, () =>
      Promise.all([clinicalThenAudit(), audit(b)]),
    );
    await timed(times, 'build those indexes again', () => runShared([a, b], builds));
    // The sealer pages through the events by (txid, seq): the planner needs their statistics.
    await timed(times, 'analyze', () => a.query('ANALYZE'));
  } finally {
    await Promise.all([a.end(), b.end()]);
  }
}

/** Seals every event (waiting, if need be, for other transactions on the server to end). */
async function seal(url: string): Promise<number> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const sealed = await sealAll(client);
    await sealUpToNow(client, 120_000);
    return sealed;
  } finally {
    await client.$disconnect();
  }
}

export async function loadScaleDataset(
  url: string,
  layout: Layout,
  passwordHash: string,
): Promise<StepTime[]> {
  const times: StepTime[] = [];
  await loadRows(url, layout, passwordHash, times);
  await timed(times, 'seal the audit trail', () => seal(url));
  await timed(times, 'analyze the seals', async () => {
    const client = await connect(url);
    await client.query('ANALYZE "AuditSeal"').finally(() => client.end());
  });
  return times;
}
