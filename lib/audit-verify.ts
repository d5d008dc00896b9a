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
  /**
   * Seals made before the retention's cutoff whose events were dropped, wholly or partly
   * (lib/data/audit-retention.ts): their hashes and links are checked, the events left each
   * against its own hash, but not their fold.
   */
  pruned: number;
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

/** Six years: the default of AUDIT_RETENTION_MONTHS (lib/data/audit-retention.ts). */
export const DEFAULT_RETENTION_MONTHS = 72;

/**
 * Seals made before this instant may have lost events to retention: the start of the UTC month
 * `retentionMonths` before the database's now (the job's cutoff, lib/data/audit-retention.ts),
 * plus a day for the seals made just after a month's end, which hold that month's last events.
 */
async function retentionCutoff(client: pg.Client, retentionMonths: number): Promise<Date> {
  const { rows } = await client.query<{ cutoff: Date }>(
    `SELECT (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => $1::int)
             + interval '1 day') AT TIME ZONE 'UTC' AS cutoff`,
    [retentionMonths],
  );
  return rows[0]!.cutoff;
}

type SealCheck = { broken: string | null; count: number; pruned: boolean };

/** One seal: its link to the one before, its hash, and its events (or what retention left). */
async function checkSeal(
  client: pg.Client,
  seal: SealRow,
  before: { hash: string | null; toTxid: string },
  cutoff: Date,
): Promise<SealCheck> {
  const fail = (why: string): SealCheck => ({
    broken: `seal #${seal.seq} ${why}`,
    count: 0,
    pruned: false,
  });
  if (seal.prevHash !== before.hash) return fail('does not follow the seal before it');
  if (seal.fromTxid !== before.toTxid)
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
  if (folded.broken) return { broken: folded.broken, count: 0, pruned: false };
  const whole = folded.count === seal.eventCount && folded.root === seal.root;
  if (whole) return { broken: null, count: folded.count, pruned: false };
  // Retention dropped the month of some of its events: those left each match their own hash
  // (checked above), their fold cannot be recomputed without the others.
  if (seal.sealedAt < cutoff && folded.count < seal.eventCount) {
    return { broken: null, count: folded.count, pruned: true };
  }
  if (folded.count !== seal.eventCount) {
    return fail(
      `covers ${seal.eventCount} events, but ${folded.count} are there now (an event was removed or inserted)`,
    );
  }
  return fail('no longer matches its events (one was edited, removed or inserted)');
}

async function verifySeals(
  client: pg.Client,
  retentionMonths: number,
): Promise<Omit<TrailReport, 'chained'>> {
  const cutoff = await retentionCutoff(client, retentionMonths);
  const report = { sealed: 0, seals: 0, pruned: 0, unsealed: 0, broken: null as string | null };
  let before = { hash: null as string | null, toTxid: '0' };
  let afterSeq = '0';
  for (;;) {
    const { rows } = await client.query<SealRow>(
      `SELECT seq::text AS seq, "fromTxid"::text AS "fromTxid", "toTxid"::text AS "toTxid",
              "eventCount", root, "prevHash", hash, "sealedAt"
         FROM "AuditSeal" WHERE seq > $1 ORDER BY "AuditSeal".seq LIMIT 1000`,
      [afterSeq],
    );
    for (const seal of rows) {
      const check = await checkSeal(client, seal, before, cutoff);
      if (check.broken) return { ...report, broken: check.broken };
      report.sealed += check.count;
      report.seals += 1;
      if (check.pruned) report.pruned += 1;
      before = { hash: seal.hash, toTxid: seal.toTxid };
      afterSeq = seal.seq;
    }
    if (rows.length < 1000) break;
  }
  const { rows } = await client.query<{ count: string }>(
    'SELECT count(*)::text AS count FROM "AuditEvent" WHERE txid >= $1',
    [before.toTxid],
  );
  return { ...report, unsealed: Number(rows[0]?.count ?? 0) };
}

/**
 * Checks every chained event and every seal; the first problem found, or an intact report. Seals
 * made before the retention's cutoff may miss events (`retentionMonths`, AUDIT_RETENTION_MONTHS).
 */
export async function verifyAuditTrail(
  client: pg.Client,
  retentionMonths = Number(process.env.AUDIT_RETENTION_MONTHS) || DEFAULT_RETENTION_MONTHS,
): Promise<TrailReport> {
  const chains = await verifyChains(client);
  if (chains.broken)
    return {
      chained: chains.checked,
      sealed: 0,
      seals: 0,
      pruned: 0,
      unsealed: 0,
      broken: chains.broken,
    };
  const seals = await verifySeals(client, retentionMonths);
  return { chained: chains.checked, ...seals };
}
