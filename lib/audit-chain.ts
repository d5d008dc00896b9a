import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers. */
export type ChainedFields = {
  organizationId: string | null;
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  /** The patients a list view showed (one event for the whole view). */
  patientIds?: readonly string[] | null;
  outcome: string;
  actorEmail?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
  clientRequestId?: string | null;
  detail?: string | null;
  background?: boolean | null;
  repeatOfId?: string | null;
  occurredAt: Date;
};

/**
 * SECURITY: each audit event's hash covers its predecessor's hash, so editing, inserting or
 * removing an event anywhere breaks every hash after it (tamper evidence).
 */
export function auditHash(prevHash: string | null, e: ChainedFields): string {
  const fields = [
    prevHash ?? '',
    e.organizationId ?? '',
    e.actorId ?? '',
    e.actorRole ?? '',
    e.action,
    e.resourceType,
    e.resourceId ?? '',
    e.patientId ?? '',
    e.outcome,
    e.actorEmail ?? '',
    e.ip ?? '',
    e.userAgent ?? '',
    e.requestId ?? '',
    e.detail ?? '',
    e.occurredAt.toISOString(),
    // Only background events carry the field, so every hash written before it still verifies.
    ...(e.background ? [`background:${e.repeatOfId ?? ''}`] : []),
  ];
  // Appended only when present, so every event written before the field existed keeps its hash;
  // labelled, so it can never be read as the background marker above or the reverse.
  if (e.clientRequestId != null) fields.push(`client-request-id:${e.clientRequestId}`);
  // The same for a list view's patients, in the order written.
  if (e.patientIds && e.patientIds.length > 0) fields.push(`patients:${e.patientIds.join(',')}`);
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export type ChainBreak = { seq: bigint; reason: string };

/** Checks one organization's events, in chain order; returns the first break, or null. */
export function verifyChain(
  events: Iterable<ChainedFields & { seq: bigint; prevHash: string | null; hash: string | null }>,
  previousHash: string | null = null,
): { lastHash: string | null; checked: number; broken: ChainBreak | null } {
  let expectedPrev = previousHash;
  let checked = 0;
  for (const event of events) {
    if (event.prevHash !== expectedPrev) {
      return {
        lastHash: expectedPrev,
        checked,
        broken: { seq: event.seq, reason: 'does not follow the event before it' },
      };
    }
    if (event.hash !== auditHash(event.prevHash, event)) {
      return {
        lastHash: expectedPrev,
        checked,
        broken: { seq: event.seq, reason: 'its content does not match its hash' },
      };
    }
    expectedPrev = event.hash;
    checked += 1;
  }
  return { lastHash: expectedPrev, checked, broken: null };
}

// Seals (docs/decisions/027-audit-seals.md): events are written with the hash of their own content
// alone, without a lock or a read of a predecessor; the sealer later folds, in (txid, seq) order,
// the hashes of every event of the transactions that had all ended, and chains the seals.

/** The running fold of a seal's event hashes: start from '' and add each hash in order. */
export function foldEventHash(root: string, eventHash: string): string {
  return createHash('sha256').update(`${root}\n${eventHash}`).digest('hex');
}

/** The fields of a seal that its hash covers. */
export type SealFields = {
  fromTxid: bigint;
  toTxid: bigint;
  eventCount: number;
  root: string;
  sealedAt: Date;
};

/** SECURITY: a seal's hash covers its predecessor's, so seals cannot be removed or reordered. */
export function sealHash(prevHash: string | null, seal: SealFields): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        prevHash ?? '',
        seal.fromTxid.toString(),
        seal.toTxid.toString(),
        seal.eventCount,
        seal.root,
        seal.sealedAt.toISOString(),
      ]),
    )
    .digest('hex');
}
