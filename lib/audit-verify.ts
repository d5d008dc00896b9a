// Verifies the whole audit trail (npm run audit:verify, and the tests): the hash chains of the
// events written before sealing, then every seal against its events and its predecessor
// (docs/decisions/027-audit-seals.md). Plain `pg`, no app imports beyond the pure hashing, so the
// script runs anywhere the database is reachable. Output columns are cast to text, so every
// ORDER BY names the table's column, not the alias.
import type pg from 'pg';
import { auditHash, foldEventHash, sealHash, verifyChain, type ChainedFields } from './audit-chain';

export type TrailReport = {
  /** Events checked, chained and sealed. */
  chained: number;
  sealed: number;
  seals: number;
  /** Events written but not sealed yet (their transactions may still have been running). */
  unsealed: number;
  /** The first problem found, in words; null when the trail is intact. */
  broken: string | null;
};

type EventRow = ChainedFields & { seq: bigint; prevHash: string | null; hash: string | null };
const BATCH = 5_000;
const COLUMNS = `seq::text AS seq, "organizationId", "actorId", "actorRole", "actorEmail", action,
  "resourceType", "resourceId", "patientId", "patientIds", outcome, ip, "userAgent", "requestId",
  "clientRequestId", detail, background, "repeatOfId", "occurredAt", "prevHash", hash`;

const toEvent = (r: Record<string, unknown>): EventRow => ({
  ...(r as EventRow),
  seq: BigInt(r.seq as string),
});

async function verifyChains(
  client: pg.Client,
): Promise<{ checked: number; broken: string | null }> {
  const chains = await client.query<{ organizationId: string | null }>(
    'SELECT DISTINCT "organizationId" FROM "AuditEvent" WHERE txid IS NULL',
  );
  let checked = 0;
  for (const { organizationId } of chains.rows) {
    let after = -1n;
    let lastHash: string | null = null;
    for (;;) {
      const { rows } = await client.query(
        `SELECT ${COLUMNS} FROM "AuditEvent"
          WHERE txid IS NULL AND "organizationId" IS NOT DISTINCT FROM $1 AND seq > $2
          ORDER BY "AuditEvent".seq LIMIT ${BATCH}`,
        [organizationId, after.toString()],
      );
      if (rows.length === 0) break;
      const events = rows.map(toEvent);
      const result = verifyChain(events, lastHash);
      checked += result.checked;
      if (result.broken) {
        return {
          checked,
          broken: `the hash chain of organization ${organizationId ?? '(none)'} breaks at event #${result.broken.seq}: it ${result.broken.reason}`,
        };
      }
      lastHash = result.lastHash;
      after = events[events.length - 1]!.seq;
    }
  }
  return { checked, broken: null };
}

type SealRow = {
  seq: string;
  fromTxid: string;
  toTxid: string;
  eventCount: number;
  root: string;
  prevHash: string | null;
  hash: string;
  sealedAt: Date;
};

/** One seal's events, recomputed: each event's content against its hash, and their fold. */
async function foldSeal(
  client: pg.Client,
  seal: SealRow,
): Promise<{ root: string; count: number; broken: string | null }> {
  let root = '';
  let count = 0;
  let after: { txid: string; seq: string } | null = null;
  for (;;) {
    const { rows } = await client.query(
      `SELECT ${COLUMNS}, txid::text AS txid FROM "AuditEvent"
        WHERE txid >= $1 AND txid < $2 ${after ? 'AND (txid, seq) > ($3::bigint, $4::bigint)' : ''}
        ORDER BY "AuditEvent".txid, "AuditEvent".seq LIMIT ${BATCH}`,
      after ? [seal.fromTxid, seal.toTxid, after.txid, after.seq] : [seal.fromTxid, seal.toTxid],
    );
    for (const row of rows) {
      const event = toEvent(row);
      if (event.prevHash !== null || event.hash !== auditHash(null, event)) {
        return {
          root,
          count,
          broken: `event #${event.seq} does not match its hash (seal #${seal.seq})`,
        };
      }
      root = foldEventHash(root, event.hash);
      count += 1;
    }
    if (rows.length < BATCH) break;
    const lastRow = rows[rows.length - 1] as { txid: string; seq: string };
    after = { txid: lastRow.txid, seq: lastRow.seq };
  }
  return { root, count, broken: null };
}

async function verifySeals(
  client: pg.Client,
): Promise<{ sealed: number; seals: number; unsealed: number; broken: string | null }> {
  let sealed = 0;
  let seals = 0;
  let prevHash: string | null = null;
  let expectedFrom = '0';
  let afterSeq = '0';
  for (;;) {
    const { rows } = await client.query<SealRow>(
      `SELECT seq::text AS seq, "fromTxid"::text AS "fromTxid", "toTxid"::text AS "toTxid",
              "eventCount", root, "prevHash", hash, "sealedAt"
         FROM "AuditSeal" WHERE seq > $1 ORDER BY "AuditSeal".seq LIMIT 1000`,
      [afterSeq],
    );
    for (const seal of rows) {
      const fail = (why: string) => ({
        sealed,
        seals,
        unsealed: 0,
        broken: `seal #${seal.seq} ${why}`,
      });
      if (seal.prevHash !== prevHash) return fail('does not follow the seal before it');
      if (seal.fromTxid !== expectedFrom)
        return fail('leaves a gap or an overlap with the seal before it');
      const fields = {
        fromTxid: BigInt(seal.fromTxid),
        toTxid: BigInt(seal.toTxid),
        eventCount: seal.eventCount,
        root: seal.root,
        sealedAt: seal.sealedAt,
      };
      if (seal.hash !== sealHash(seal.prevHash, fields)) return fail('does not match its hash');
      const folded = await foldSeal(client, seal);
      if (folded.broken) return { sealed, seals, unsealed: 0, broken: folded.broken };
      if (folded.count !== seal.eventCount) {
        return fail(
          `covers ${seal.eventCount} events, but ${folded.count} are there now (an event was removed or inserted)`,
        );
      }
      if (folded.root !== seal.root)
        return fail('no longer matches its events (one was edited, removed or inserted)');
      sealed += folded.count;
      seals += 1;
      prevHash = seal.hash;
      expectedFrom = seal.toTxid;
      afterSeq = seal.seq;
    }
    if (rows.length < 1000) break;
  }
  const { rows } = await client.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM "AuditEvent" WHERE txid >= $1',
    [expectedFrom],
  );
  return { sealed, seals, unsealed: Number(rows[0]?.count ?? 0), broken: null };
}

/** Checks every chained event and every seal; the first problem found, or an intact report. */
export async function verifyAuditTrail(client: pg.Client): Promise<TrailReport> {
  const chains = await verifyChains(client);
  if (chains.broken)
    return { chained: chains.checked, sealed: 0, seals: 0, unsealed: 0, broken: chains.broken };
  const seals = await verifySeals(client);
  return { chained: chains.checked, ...seals };
}
