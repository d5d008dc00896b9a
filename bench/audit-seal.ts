// How long an audit event waits for its seal under load, and how many audited writes per second
// one process makes with no lock in their path (docs/decisions/027-audit-seals.md): WRITERS
// concurrent loops write one audited transaction after another for SECONDS while the sealer runs
// every second, as the job runner runs it; then, for every event, the time from its write to the
// seal that covers it, and a verification of the whole trail.
// Run: DATABASE_URL=postgresql://... npm run bench:seal   (WRITERS=32 SECONDS=20 by default)
import pg from 'pg';
import { runBench } from './support';

const WRITERS = Number(process.env.WRITERS ?? 32);
const SECONDS = Number(process.env.SECONDS ?? 20);

await runBench('bench_seal', async (db) => {
  const { writeAuditEvent } = await import('@/lib/data/audit');
  const { startSealer } = await import('@/lib/data/audit-sealer');
  const { sealUpToNow } = await import('@/lib/data/audit-seals');
  const { verifyAuditTrail } = await import('@/lib/audit-verify');
  const org = await db.organization.create({
    data: { name: 'Bench', slug: `bench-${Date.now()}` },
  });

  const stop = startSealer();
  const until = Date.now() + SECONDS * 1000;
  // Lock waits of the writers, sampled every 100 ms as issue 15's benchmark samples them.
  const sampler = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await sampler.connect();
  let samples = 0;
  let lockWaits = 0;
  const sampling = (async () => {
    while (Date.now() < until) {
      const { rows } = await sampler.query<{ waits: number }>(
        `SELECT count(*)::int AS waits FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      samples += 1;
      lockWaits += rows[0]!.waits;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  let writes = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      while (Date.now() < until) {
        await db.$transaction((tx) =>
          writeAuditEvent(tx, {
            organizationId: org.id,
            action: 'read',
            resourceType: 'patient',
            resourceId: `w${w}-${writes}`,
            outcome: 'ALLOWED',
          }),
        );
        writes += 1;
      }
    }),
  );
  await sampling;
  await sampler.end();
  await sealUpToNow(db);
  stop();

  const [lag] = await db.$queryRaw<{ p50: number; p99: number; max: number; events: number }[]>`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
           percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
           max(ms) AS max, count(*)::int AS events
      FROM (SELECT extract(epoch FROM s."sealedAt" - e."occurredAt") * 1000 AS ms
              FROM "AuditEvent" e
              JOIN "AuditSeal" s ON e.txid >= s."fromTxid" AND e.txid < s."toTxid"
             WHERE e."organizationId" = ${org.id}::uuid) AS lags`;
  const seals = await db.auditSeal.count();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const started = performance.now();
  const report = await verifyAuditTrail(client);
  const verifyMs = performance.now() - started;
  await client.end();

  console.log(
    `${WRITERS} writers for ${SECONDS} s: ${writes} audited transactions (${(writes / SECONDS).toFixed(0)}/s), ${seals} seals`,
  );
  console.log(
    `write → sealed: p50 ${Number(lag!.p50).toFixed(0)} ms, p99 ${Number(lag!.p99).toFixed(0)} ms, max ${Number(lag!.max).toFixed(0)} ms over ${lag!.events} events`,
  );
  console.log(`lock waits: ${lockWaits} in ${samples} samples of pg_stat_activity`);
  console.log(
    `verify: ${report.broken ?? 'intact'}, ${report.sealed} sealed events in ${verifyMs.toFixed(0)} ms`,
  );
  if (report.broken) process.exitCode = 1;
});
