// An app process that only writes audit events, for the test of two writer processes
// (tests/integration/audit-seals.test.ts): COUNT transactions, CONCURRENCY at a time, each writing
// one or two events of ORGANIZATION_ID, the way lib/data writes them.
//
//   node --import tsx --conditions=react-server tests/support/audit-writer-child.ts
import { db } from '@/lib/db';
import { writeAuditEvents } from '@/lib/data/audit';

const organizationId = process.env.ORGANIZATION_ID!;
const count = Number(process.env.COUNT ?? 100);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const label = process.env.LABEL ?? 'child';

let next = 0;
async function worker() {
  while (next < count) {
    const i = next++;
    await db.$transaction((tx) =>
      writeAuditEvents(
        tx,
        Array.from({ length: 1 + (i % 2) }, (_, j) => ({
          organizationId,
          action: 'read' as const,
          resourceType: 'patient' as const,
          resourceId: `${label}-${i}-${j}`,
          outcome: 'ALLOWED' as const,
        })),
      ),
    );
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
await db.$disconnect();
process.exit(0);
