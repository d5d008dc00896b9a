// npm run audit:verify: re-computes every organization's audit hash chain and reports the first
// break (an event edited, inserted or removed). Exit code 1 when any chain is broken.
import pg from 'pg';
import { verifyChain, type ChainedFields } from '../lib/audit-chain';
import { withDatabase } from './database';

type Row = ChainedFields & { seq: bigint; prevHash: string | null; hash: string | null };
const BATCH = 5_000;

async function verifyDatabase(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chains = await client.query<{ organizationId: string | null }>(
      'SELECT DISTINCT "organizationId" FROM "AuditEvent"',
    );
    let total = 0;
    let intact = true;
    for (const { organizationId } of chains.rows) {
      let after = -1n;
      let lastHash: string | null = null;
      for (;;) {
        const { rows } = await client.query(
          `SELECT seq::text AS seq, "organizationId", "actorId", "actorRole", "actorEmail", action,
                  "resourceType", "resourceId", "patientId", outcome, ip, "userAgent", "requestId",
                  "clientRequestId", detail, background, "repeatOfId", "occurredAt", "prevHash", hash
             FROM "AuditEvent"
            WHERE "organizationId" IS NOT DISTINCT FROM $1 AND seq > $2
            ORDER BY "AuditEvent".seq LIMIT ${BATCH}`,
          [organizationId, after.toString()],
        );
        if (rows.length === 0) break;
        const events: Row[] = rows.map((r) => ({ ...r, seq: BigInt(r.seq) }));
        const result = verifyChain(events, lastHash);
        total += result.checked;
        if (result.broken) {
          console.error(
            `Audit chain BROKEN for organization ${organizationId ?? '(none)'} at event #${result.broken.seq}: ${result.broken.reason}.`,
          );
          intact = false;
          break;
        }
        lastHash = result.lastHash;
        after = events[events.length - 1]!.seq;
      }
    }
    if (intact) console.log(`Audit chain intact: ${total} events in ${chains.rows.length} chains.`);
    return intact;
  } finally {
    await client.end();
  }
}

let ok = false;
await withDatabase(async (database) => {
  ok = await verifyDatabase(database.url);
});
process.exit(ok ? 0 : 1);
