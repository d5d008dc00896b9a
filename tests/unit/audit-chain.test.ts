import { describe, expect, it } from 'vitest';
import { auditHash, verifyChain, type ChainedFields } from '@/lib/audit-chain';

function chain(n: number) {
  const events: (ChainedFields & { seq: bigint; prevHash: string | null; hash: string | null })[] =
    [];
  let prev: string | null = null;
  for (let i = 1; i <= n; i++) {
    const fields: ChainedFields = {
      organizationId: 'org-1',
      actorId: `user-${i}`,
      actorRole: 'THERAPIST',
      action: 'read',
      resourceType: 'medicationChange',
      patientId: 'patient-1',
      outcome: 'ALLOWED',
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    };
    const hash = auditHash(prev, fields);
    events.push({ ...fields, seq: BigInt(i), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('the audit hash chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ checked: 5, broken: null });
  });

  it('finds an edited event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorId: 'someone-else' };
    expect(verifyChain(events).broken).toEqual({
      seq: 3n,
      reason: 'its content does not match its hash',
    });
  });

  it('finds a removed event', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChain(events).broken?.seq).toBe(3n);
  });

  it('finds an event inserted with a recomputed hash', () => {
    const events = chain(3);
    const forged = { ...events[1]!, seq: 99n, actorId: 'intruder', prevHash: events[1]!.hash };
    forged.hash = auditHash(forged.prevHash, forged);
    events.splice(2, 0, forged);
    expect(verifyChain(events).broken?.seq).toBe(3n);
  });

  it('continues a chain across batches', () => {
    const events = chain(6);
    const first = verifyChain(events.slice(0, 3));
    expect(verifyChain(events.slice(3), first.lastHash)).toMatchObject({
      checked: 3,
      broken: null,
    });
  });

  it('covers the client’s request id when there is one, and leaves older hashes as they were', () => {
    const fields: ChainedFields = {
      organizationId: 'org-1',
      action: 'read',
      resourceType: 'patient',
      outcome: 'ALLOWED',
      requestId: 'server-id',
      occurredAt: new Date(Date.UTC(2026, 0, 1)),
    };
    // An event written before the field existed reads back with it null: same hash.
    expect(auditHash(null, { ...fields, clientRequestId: null })).toBe(auditHash(null, fields));
    const hash = auditHash(null, { ...fields, clientRequestId: 'client-1' });
    expect(hash).not.toBe(auditHash(null, fields));
    const stored = { ...fields, clientRequestId: 'client-1', seq: 1n, prevHash: null, hash };
    expect(verifyChain([stored]).broken).toBeNull();
    expect(verifyChain([{ ...stored, clientRequestId: 'client-2' }]).broken?.reason).toBe(
      'its content does not match its hash',
    );
    expect(verifyChain([{ ...stored, clientRequestId: null }]).broken).not.toBeNull();
  });
});
