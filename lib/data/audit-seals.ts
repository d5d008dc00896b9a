// The audit sealer (docs/decisions/027-audit-seals.md). Requests append events with no lock and
// no read of a predecessor; this seals, in order, the events of every transaction that has ended,
// once a second in the job runner. No 'server-only': the scale dataset and scripts seal too.
import { Prisma } from '@/prisma/generated/client';
import type { PrismaClient } from '@/prisma/generated/client';
import { foldEventHash, sealHash } from '@/lib/audit-chain';

/** The most events one seal covers (a backlog is sealed in several). */
export const SEAL_BATCH = 50_000;
const PAGE = 5_000;

type Sealed = { seq: bigint; eventCount: number; fromTxid: bigint; toTxid: bigint } | null;

/**
 * Makes the next seal, if there is anything to seal: the events of the transactions with ids from
 * the last seal's `toTxid` up to the oldest transaction still running (PostgreSQL's snapshot xmin:
 * every transaction below it has committed or rolled back, and no later transaction can get an id
 * below it, so no event can ever join this range). One sealer at a time (a try-lock: a second
 * one returns null at once). Returns the seal made, or null.
 */
export async function sealAuditEvents(
  client: PrismaClient,
  now: () => Date = () => new Date(),
): Promise<Sealed> {
  return client.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended('audit-sealer', 0)) AS locked`;
      if (!lock?.locked) return null;
      const last = await tx.auditSeal.findFirst({
        orderBy: { seq: 'desc' },
        select: { toTxid: true, hash: true },
      });
      const from = last?.toTxid ?? 0n;
      const [snapshot] = await tx.$queryRaw<{ xmin: bigint }[]>`
        SELECT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint AS xmin`;
      let to = snapshot!.xmin;
      if (to <= from) return null;
      // A backlog: stop at the transaction of the SEAL_BATCH-th event (its events go to the next).
      const [cut] = await tx.$queryRaw<{ txid: bigint }[]>`
        SELECT txid FROM "AuditEvent" WHERE txid >= ${from} AND txid < ${to}
         ORDER BY txid, seq OFFSET ${SEAL_BATCH} LIMIT 1`;
      if (cut) to = cut.txid > from ? cut.txid : from + 1n;

      let root = '';
      let eventCount = 0;
      let after: { txid: bigint; seq: bigint } | null = null;
      for (;;) {
        const page: { txid: bigint; seq: bigint; hash: string | null }[] = await tx.$queryRaw`
          SELECT txid, seq, hash FROM "AuditEvent"
           WHERE txid >= ${from} AND txid < ${to}
             ${after ? Prisma.sql`AND (txid, seq) > (${after.txid}, ${after.seq})` : Prisma.empty}
           ORDER BY txid, seq LIMIT ${PAGE}`;
        for (const event of page) root = foldEventHash(root, event.hash ?? '');
        eventCount += page.length;
        if (page.length < PAGE) break;
        after = page[page.length - 1]!;
      }
      if (eventCount === 0) return null;
      const sealedAt = now();
      const fields = { fromTxid: from, toTxid: to, eventCount, root, sealedAt };
      const seal = await tx.auditSeal.create({
        data: {
          ...fields,
          prevHash: last?.hash ?? null,
          hash: sealHash(last?.hash ?? null, fields),
        },
        select: { seq: true, eventCount: true, fromTxid: true, toTxid: true },
      });
      return seal;
    },
    { timeout: 60_000 },
  );
}

/** Seals until nothing is left to seal now (tests, the scale dataset); the number of events sealed. */
export async function sealAll(client: PrismaClient): Promise<number> {
  let total = 0;
  for (;;) {
    const seal = await sealAuditEvents(client);
    if (!seal) return total;
    total += seal.eventCount;
  }
}

/**
 * Seals until every event written before the call is sealed (tests, scripts): waits while an older
 * writing transaction anywhere on the server is still running, up to `timeoutMs`.
 */
export async function sealUpToNow(client: PrismaClient, timeoutMs = 15_000): Promise<void> {
  const [mark] = await client.$queryRaw<{ next: bigint }[]>`
    SELECT (pg_snapshot_xmax(pg_current_snapshot())::text)::bigint AS next`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await sealAuditEvents(client);
    const last = await client.auditSeal.findFirst({ orderBy: { seq: 'desc' }, select: { toTxid: true } });
    const pending = await client.auditEvent.count({
      where: { txid: { gte: last?.toTxid ?? 0n, lt: mark!.next } },
    });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} audit events still unsealed after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
