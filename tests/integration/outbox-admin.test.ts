// The outbox for admins (lib/data/email/admin.ts): their organization's emails only, newest first,
// filtered by status; a retry of a dead email only (409 otherwise), 404 across organizations;
// every read and retry audited. And the suite-wide PHI check's own test: it does find a name.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listOutbox, retryEmail } from '@/lib/data/email/admin';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';
import { createCareTeam, createOrganization, createUser, viewerFor } from '@/tests/factories';
import { findPhi, phiTerms } from '@/tests/support/phi-check';

async function clinicWithAdmin() {
  const team = await createCareTeam(db, { organization: await createOrganization(db) });
  const admin = await createUser(db, team.organization, { role: 'ADMIN' });
  return { team, admin, viewer: viewerFor(admin) };
}

async function queued(team: Awaited<ReturnType<typeof createCareTeam>>, key: string) {
  await db.$transaction((tx) =>
    queueEmailTx(tx, team.organization.id, {
      recipientId: team.therapist.id,
      purpose: 'NOTIFICATION',
      link: '/inbox',
      dedupeKey: `admin-test:${key}:${team.organization.id}`,
    }),
  );
  return db.emailOutbox.findUniqueOrThrow({
    where: { dedupeKey: `admin-test:${key}:${team.organization.id}` },
  });
}

describe('the outbox for admins', () => {
  it('lists the organization’s emails newest first, by status, and nobody else’s', async () => {
    const { team, admin, viewer } = await clinicWithAdmin();
    const elsewhere = await clinicWithAdmin();
    const older = await queued(team, 'older');
    const newer = await queued(team, 'newer');
    await db.emailOutbox.update({
      where: { id: older.id },
      data: { deadAt: new Date(), attempts: 5 },
    });
    await queued(elsewhere.team, 'theirs');

    const page = await listOutbox(viewer);
    expect(page.items.map((e) => e.id)).toEqual([newer.id, older.id]);
    expect(page.items[0]).toMatchObject({
      toAddress: team.therapist.email,
      recipientName: team.therapist.name,
      status: 'waiting',
      subject: 'Something new in Triad',
    });
    expect((await listOutbox(viewer, { status: 'dead' })).items.map((e) => e.id)).toEqual([
      older.id,
    ]);
    const firstPage = await listOutbox(viewer, { limit: 1 });
    expect(firstPage.nextCursor).toBe(newer.id);
    expect((await listOutbox(viewer, { limit: 1, cursor: newer.id })).items[0]!.id).toBe(older.id);
    const events = await db.auditEvent.findMany({
      where: { actorId: admin.id, resourceType: 'emailOutbox', action: 'read', outcome: 'ALLOWED' },
    });
    expect(events.length).toBe(4);
  });

  it('refuses everyone but admins (403, audited)', async () => {
    const { team } = await clinicWithAdmin();
    await expect(listOutbox(viewerFor(team.prescriber))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listOutbox(viewerFor(team.patient))).rejects.toBeInstanceOf(ForbiddenError);
    const denied = await db.auditEvent.count({
      where: { actorId: team.prescriber.id, resourceType: 'emailOutbox', outcome: 'DENIED' },
    });
    expect(denied).toBe(1);
  });

  it('retries a dead email from zero attempts; 409 for one not dead; 404 across organizations', async () => {
    const { team, admin, viewer } = await clinicWithAdmin();
    const elsewhere = await clinicWithAdmin();
    const dead = await queued(team, 'dead');
    await db.emailOutbox.update({
      where: { id: dead.id },
      data: { deadAt: new Date(), attempts: 5, lastError: '451 Try again later' },
    });
    const theirs = await queued(elsewhere.team, 'their-dead');
    await db.emailOutbox.update({ where: { id: theirs.id }, data: { deadAt: new Date() } });

    await expect(retryEmail(viewer, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (await db.emailOutbox.findUniqueOrThrow({ where: { id: theirs.id } })).deadAt,
    ).not.toBeNull();
    await expect(retryEmail(viewer, 'not-an-id')).rejects.toBeInstanceOf(NotFoundError);

    const retried = await retryEmail(viewer, dead.id);
    expect(retried).toMatchObject({ status: 'waiting', attempts: 0, deadAt: null });
    await expect(retryEmail(viewer, dead.id)).rejects.toBeInstanceOf(ConflictError);
    const outcomes = await db.auditEvent.findMany({
      where: { actorId: admin.id, resourceType: 'emailOutbox', action: 'retry' },
      select: { outcome: true, resourceId: true },
      orderBy: { seq: 'asc' },
    });
    expect(outcomes.map((e) => e.outcome)).toEqual(['DENIED', 'DENIED', 'ALLOWED', 'FAILED']);
    expect(outcomes[2]!.resourceId).toBe(dead.id);
  });
});

describe('the suite-wide PHI check', () => {
  it('finds a patient’s name, a medication or a note in an email', async () => {
    const team = await createCareTeam(db);
    await db.careTeamMessage.create({
      data: {
        organizationId: team.organization.id,
        patientId: team.patient.id,
        authorId: team.therapist.id,
        body: 'Discussed the new sleep routine at length',
      },
    });
    const terms = await phiTerms(process.env.DATABASE_URL!);
    const email = (body: string) => ({
      to: [],
      from: '',
      raw: '',
      subject: 'x',
      messageId: '<m>',
      body,
      accepted: true,
    });
    expect(findPhi([email(`Hello ${team.patient.account.name}`)], terms)).toEqual([
      expect.objectContaining({ kind: 'patient name' }),
    ]);
    expect(
      findPhi([email('note: discussed the NEW sleep routine at length.')], terms).map(
        (f) => f.kind,
      ),
    ).toContain('care-team message');
    expect(findPhi([email('There is something new for you in Triad.')], terms)).toEqual([]);
  });
});
