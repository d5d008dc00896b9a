import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import {
  createCareTeam,
  createPatient,
  createUser,
  type PatientWithAccount,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  const elsewhere = await createCareTeam(db, { passwordHash: null });
  const elsewhereAdmin = await createUser(db, elsewhere.organization, {
    role: 'ADMIN',
    passwordHash: null,
  });
  return { ...team, admin, elsewhere, elsewhereAdmin };
}

const unique = () => `${crypto.randomUUID().slice(0, 8)}@example.test`;

async function as(subject: User | PatientWithAccount) {
  return sessionCookie(subject);
}

const createUserCall = async (admin: User, body: unknown) =>
  callApi({ method: 'POST', path: '/api/v1/users', body, cookie: await as(admin) });

const setPassword = (body: unknown) =>
  callApi({ method: 'POST', path: '/api/v1/set-password', body });

function tokenOf(url: string): string {
  return new URL(url, 'http://x').searchParams.get('token')!;
}

describe('POST /api/v1/users', () => {
  it('creates a patient account with its record and a one-time set-password link', async () => {
    const c = await clinic();
    const email = `New.Patient.${unique()}`;
    const result = await createUserCall(c.admin, {
      role: 'PATIENT',
      name: 'Noor Haddad',
      email,
      dateOfBirth: '1988-11-02',
      pronouns: 'she/her',
    });
    expect(result.status).toBe(201);
    const { user, setPasswordUrl } = result.body;
    expect(user).toMatchObject({
      name: 'Noor Haddad',
      email: email.toLowerCase(),
      role: 'PATIENT',
      isActive: true,
      patientId: expect.any(String),
    });
    expect(setPasswordUrl).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);

    const patient = await db.patient.findFirstOrThrow({ where: { id: user.patientId } });
    expect(patient).toMatchObject({ organizationId: c.organization.id, pronouns: 'she/her' });
    expect(patient.dateOfBirth.toISOString().slice(0, 10)).toBe('1988-11-02');

    // Only the token's SHA-256 is stored, valid 72 hours.
    const token = tokenOf(setPasswordUrl);
    const stored = await db.passwordSetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);
    const hours = (stored.expiresAt.getTime() - stored.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(72, 1);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: c.admin.id, action: 'create' },
    });
    expect(audit).toMatchObject({
      resourceType: 'user',
      resourceId: user.id,
      patientId: user.patientId,
      outcome: 'ALLOWED',
    });
  });

  it('creates a clinician with an initial password that signs in', async () => {
    const c = await clinic();
    const email = unique();
    const result = await createUserCall(c.admin, {
      role: 'PRESCRIBER',
      name: 'Dr. Ines Duarte',
      email,
      initialPassword: 'correct horse battery staple',
    });
    expect(result.status).toBe(201);
    expect(result.body.setPasswordUrl).toBeNull();
    expect(result.body.user.patientId).toBeNull();
    const signIn = await authenticate(
      { email, password: 'correct horse battery staple' },
      { ip: '203.0.113.9' },
    );
    expect(signIn.ok).toBe(true);
  });

  it('answers 409 for an email already taken, whatever its case, and writes nothing', async () => {
    const c = await clinic();
    const ours = { where: { organizationId: c.organization.id } };
    const before = await db.user.count(ours);
    for (const email of [c.prescriber.email.toUpperCase(), c.elsewhere.therapist.email]) {
      const result = await createUserCall(c.admin, { role: 'THERAPIST', name: 'Dup', email });
      expect(result.status).toBe(409);
      expect(result.body.errors).toEqual([{ path: 'email', message: expect.any(String) }]);
    }
    expect(await db.user.count(ours)).toBe(before);
    const failed = await db.auditEvent.findMany({
      where: { actorId: c.admin.id, outcome: 'FAILED' },
    });
    expect(failed).toHaveLength(2);
  });
});

describe('POST /api/v1/set-password', () => {
  async function invited() {
    const c = await clinic();
    const result = await createUserCall(c.admin, {
      role: 'THERAPIST',
      name: 'Invited Person',
      email: unique(),
    });
    return { ...c, user: result.body.user, token: tokenOf(result.body.setPasswordUrl) };
  }

  it('sets the password once; the link is then used up', async () => {
    const i = await invited();
    const password = 'a brand new passphrase';
    const first = await setPassword({ token: i.token, password });
    expect(first.status).toBe(204);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await authenticate({ email: i.user.email, password }, {})).ok).toBe(true);

    const again = await setPassword({ token: i.token, password: 'another passphrase!' });
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual([{ path: 'token', message: expect.any(String) }]);
    expect((await authenticate({ email: i.user.email, password }, {})).ok).toBe(true);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: i.user.id, action: 'update', resourceType: 'user' },
    });
    expect(audit.outcome).toBe('ALLOWED');
  });

  it('lets one of two racing requests use a link, and uses up the account’s other links', async () => {
    const i = await invited();
    const second = randomBytes(32).toString('base64url');
    await db.passwordSetToken.create({
      data: {
        userId: i.user.id,
        tokenHash: createHash('sha256').update(second).digest('hex'),
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    });
    const results = await Promise.all(
      ['first racing passphrase', 'second racing passphrase'].map((password) =>
        setPassword({ token: i.token, password }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 400]);
    expect((await setPassword({ token: second, password: 'a third passphrase' })).status).toBe(400);
  });

  it('refuses an expired link, a link of a disabled account and an unknown one', async () => {
    const expired = await invited();
    await db.passwordSetToken.updateMany({
      where: { userId: expired.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const disabled = await invited();
    await db.user.update({ where: { id: disabled.user.id }, data: { disabledAt: new Date() } });
    for (const token of [expired.token, disabled.token, 'B'.repeat(43)]) {
      const result = await setPassword({ token, password: 'a brand new passphrase' });
      expect(result.status).toBe(400);
      expect(result.body.errors[0].path).toBe('token');
    }
    const users = await db.user.findMany({
      where: { id: { in: [expired.user.id, disabled.user.id] } },
    });
    expect(users.map((u) => u.passwordHash)).toEqual([null, null]);
  });

  it('needs no session, but refuses another site', async () => {
    const i = await invited();
    const result = await callApi({
      method: 'POST',
      path: '/api/v1/set-password',
      body: { token: i.token, password: 'a brand new passphrase' },
      headers: { origin: 'https://evil.example' },
    });
    expect(result.status).toBe(403);
    const stored = await db.passwordSetToken.findFirstOrThrow({ where: { userId: i.user.id } });
    expect(stored.usedAt).toBeNull();
  });
});

describe('POST /api/v1/users/{userId}/disable', () => {
  const disable = async (admin: User, userId: string) =>
    callApi({
      method: 'POST',
      path: '/api/v1/users/{userId}/disable',
      params: { userId },
      cookie: await as(admin),
    });

  it('disables the account and ends its sessions at their next request', async () => {
    const c = await clinic();
    const cookie = await as(c.therapist);
    expect((await callApi({ method: 'GET', path: '/api/v1/me', cookie })).status).toBe(200);

    const result = await disable(c.admin, c.therapist.id);
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({ id: c.therapist.id, isActive: false });
    const row = await db.user.findUniqueOrThrow({ where: { id: c.therapist.id } });
    expect(row.sessionVersion).toBe(c.therapist.sessionVersion + 1);
    expect(row.disabledAt).not.toBeNull();

    expect((await callApi({ method: 'GET', path: '/api/v1/me', cookie })).status).toBe(401);
  });

  it('refuses the admin’s own account (409) and another organization’s (404)', async () => {
    const c = await clinic();
    const self = await disable(c.admin, c.admin.id);
    expect(self.status).toBe(409);
    const foreign = await disable(c.admin, c.elsewhere.therapist.id);
    expect(foreign.status).toBe(404);
    const otherAdmin = await disable(c.elsewhereAdmin, c.therapist.id);
    expect(otherAdmin.status).toBe(404);
    const rows = await db.user.findMany({
      where: { id: { in: [c.admin.id, c.elsewhere.therapist.id, c.therapist.id] } },
    });
    expect(rows.every((r) => r.disabledAt === null && r.sessionVersion === 0)).toBe(true);
  });
});

describe('care-team memberships', () => {
  const add = async (admin: User, patientId: string, clinicianId: unknown) =>
    callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/care-team',
      params: { patientId },
      body: { clinicianId },
      cookie: await as(admin),
    });
  const end = async (admin: User, patientId: string, membershipId: string) =>
    callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/care-team/{membershipId}/end',
      params: { patientId, membershipId },
      cookie: await as(admin),
    });
  const canSee = async (viewer: User, patientId: string) =>
    (
      await callApi({
        method: 'GET',
        path: '/api/v1/patients/{patientId}',
        params: { patientId },
        cookie: await as(viewer),
      })
    ).status;

  it('adds a clinician, who can see the patient at once; a second add is 409', async () => {
    const c = await clinic();
    const newcomer = await createUser(db, c.organization, { role: 'PRESCRIBER' });
    expect(await canSee(newcomer, c.patient.id)).toBe(404);

    const added = await add(c.admin, c.patient.id, newcomer.id);
    expect(added.status).toBe(201);
    expect(added.body.member).toMatchObject({
      clinicianId: newcomer.id,
      name: newcomer.name,
      role: 'PRESCRIBER',
      endedAt: null,
    });
    expect(await canSee(newcomer, c.patient.id)).toBe(200);

    const again = await add(c.admin, c.patient.id, newcomer.id);
    expect(again.status).toBe(409);
    expect(
      await db.careTeamMembership.count({ where: { patientId: c.patient.id, endedAt: null } }),
    ).toBe(3);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { actorId: c.admin.id, resourceType: 'careTeam', outcome: 'ALLOWED' },
    });
    expect(audit).toMatchObject({
      action: 'create',
      patientId: c.patient.id,
      resourceId: added.body.member.membershipId,
    });
  });

  it('accepts only active prescribers and therapists of the organization', async () => {
    const c = await clinic();
    const disabled = await createUser(db, c.organization, {
      role: 'THERAPIST',
      disabledAt: new Date(),
    });
    const otherPatient = await createPatient(db, c.organization);
    const cases = [
      [c.admin.id, 409],
      [otherPatient.account.id, 409],
      [disabled.id, 409],
      [c.elsewhere.prescriber.id, 404],
      [crypto.randomUUID(), 404],
      ['not-an-id', 400],
    ] as const;
    for (const [clinicianId, status] of cases) {
      const result = await add(c.admin, c.patient.id, clinicianId);
      expect(result.status, clinicianId).toBe(status);
    }
    expect(await db.careTeamMembership.count({ where: { patientId: c.patient.id } })).toBe(2);
  });

  it('ends a membership: the clinician loses access; ending it again is 409', async () => {
    const c = await clinic();
    const membership = c.memberships.find((m) => m.clinicianId === c.therapist.id)!;
    const ended = await end(c.admin, c.patient.id, membership.id);
    expect(ended.status).toBe(200);
    expect(ended.body.member.endedAt).toEqual(expect.any(String));
    expect(await canSee(c.therapist, c.patient.id)).toBe(404);
    expect((await end(c.admin, c.patient.id, membership.id)).status).toBe(409);
  });

  it('finds nothing across patients or organizations', async () => {
    const c = await clinic();
    const otherPatient = await createCareTeam(db, { organization: c.organization });
    const foreignMembership = otherPatient.memberships[0]!;
    expect((await end(c.admin, c.patient.id, foreignMembership.id)).status).toBe(404);
    expect((await end(c.admin, c.patient.id, 'nope')).status).toBe(404);
    expect((await end(c.elsewhereAdmin, c.patient.id, c.memberships[0]!.id)).status).toBe(404);
    expect((await add(c.elsewhereAdmin, c.patient.id, c.elsewhere.therapist.id)).status).toBe(404);
    expect(
      await db.careTeamMembership.count({
        where: { id: { in: [foreignMembership.id, c.memberships[0]!.id] }, endedAt: { not: null } },
      }),
    ).toBe(0);
  });
});

describe('GET /api/v1/users', () => {
  it('lists the organization’s accounts, filtered and paged, without secrets', async () => {
    const c = await clinic();
    const cookie = await as(c.admin);
    const all = await callApi({
      method: 'GET',
      path: '/api/v1/users',
      query: { limit: '100' },
      cookie,
    });
    expect(all.status).toBe(200);
    expect(all.body.items.map((u: { id: string }) => u.id).sort()).toEqual(
      [c.admin.id, c.prescriber.id, c.therapist.id, c.patient.account.id].sort(),
    );
    expect(all.text).not.toMatch(/passwordHash|sessionVersion/);

    const therapists = await callApi({
      method: 'GET',
      path: '/api/v1/users',
      query: { role: 'THERAPIST' },
      cookie,
    });
    expect(therapists.body.items.map((u: { id: string }) => u.id)).toEqual([c.therapist.id]);

    const byEmail = await callApi({
      method: 'GET',
      path: '/api/v1/users',
      query: { q: c.prescriber.email.slice(0, 12).toUpperCase() },
      cookie,
    });
    expect(byEmail.body.items.map((u: { id: string }) => u.id)).toContain(c.prescriber.id);

    const first = await callApi({
      method: 'GET',
      path: '/api/v1/users',
      query: { limit: '3' },
      cookie,
    });
    const rest = await callApi({
      method: 'GET',
      path: '/api/v1/users',
      query: { limit: '3', cursor: first.body.nextCursor },
      cookie,
    });
    expect([...first.body.items, ...rest.body.items].map((u: { id: string }) => u.id)).toEqual(
      all.body.items.map((u: { id: string }) => u.id),
    );
    expect(rest.body.nextCursor).toBeNull();
  });
});
