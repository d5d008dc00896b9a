import { describe, expect, it } from 'vitest';
import { auditHash } from '@/lib/audit-chain';
import { db } from '@/lib/db';
import { writeAuditEvent } from '@/lib/data/audit';

async function organization() {
  return db.organization.create({
    data: { name: 'Audit Test', slug: `audit-${crypto.randomUUID()}` },
  });
}

describe('audit events', () => {
  it('are written by concurrent writers without waiting, each with the hash of its content', async () => {
    const org = await organization();
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        db.$transaction((tx) =>
          writeAuditEvent(tx, {
            organizationId: org.id,
            action: 'read',
            resourceType: 'patient',
            resourceId: String(i),
            outcome: 'ALLOWED',
          }),
        ),
      ),
    );
    const events = await db.auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { seq: 'asc' },
    });
    expect(events).toHaveLength(8);
    for (const event of events) {
      expect(event).toMatchObject({ prevHash: null, hash: auditHash(null, event) });
      expect(event.txid).not.toBeNull();
    }
  });

  it('cannot be updated, deleted or truncated through the app’s connection', async () => {
    const org = await organization();
    await db.$transaction((tx) =>
      writeAuditEvent(tx, {
        organizationId: org.id,
        action: 'read',
        resourceType: 'patient',
        outcome: 'ALLOWED',
      }),
    );
    await expect(
      db.auditEvent.updateMany({
        where: { organizationId: org.id },
        data: { action: 'nothing to see' },
      }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.deleteMany({ where: { organizationId: org.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { organizationId: org.id, action: 'read' } })).toBe(
      1,
    );
  });
});
