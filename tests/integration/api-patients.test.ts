import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listPatients } from '@/lib/data/patients';
import {
  addToCareTeam,
  createCareTeam,
  createOrganization,
  createPatient,
  createUser,
  daysFromToday,
  viewerFor,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const org = team.organization;
  const admin = await createUser(db, org, { role: 'ADMIN', passwordHash: null });
  const names = ['Beth Zimmer', 'anna Quill', 'Carl Anders', 'Anna Quill'];
  const others = [];
  for (const name of names) others.push(await createPatient(db, org, { name, passwordHash: null }));
  const elsewhere = await createCareTeam(db, { passwordHash: null });
  return { ...team, admin, others, elsewhere };
}

const list = (cookie: string, query: Record<string, string> = {}) =>
  callApi({ method: 'GET', path: '/api/v1/patients', cookie, query });

describe('GET /api/v1/patients', () => {
  it('gives each role its scope, by name then id, never another organization', async () => {
    const c = await clinic();
    const byAdmin = await list(await sessionCookie(c.admin), { limit: '100' });
    expect(byAdmin.status).toBe(200);
    const ids = byAdmin.body.items.map((p: { id: string }) => p.id);
    expect(ids.sort()).toEqual([c.patient.id, ...c.others.map((o) => o.id)].sort());
    const byPrescriber = await list(await sessionCookie(c.prescriber));
    expect(byPrescriber.body.items.map((p: { id: string }) => p.id)).toEqual([c.patient.id]);

    const byPatient = await list(await sessionCookie(c.others[0]!), { q: 'e' });
    expect(byPatient.body).toEqual({
      items: [
        {
          id: c.others[0]!.id,
          name: 'Beth Zimmer',
          dateOfBirth: '1990-05-17',
          pronouns: null,
        },
      ],
      nextCursor: null,
    });

    const text = JSON.stringify([byAdmin.body, byPrescriber.body, byPatient.body]);
    expect(text).not.toContain(c.elsewhere.patient.id);
  });

  it('drops a clinician’s patient as soon as the membership ends', async () => {
    const c = await clinic();
    await db.careTeamMembership.updateMany({
      where: { patientId: c.patient.id, clinicianId: c.therapist.id },
      data: { endedAt: daysFromToday(0) },
    });
    const result = await list(await sessionCookie(c.therapist));
    expect(result.body.items).toEqual([]);
  });

  it('pages with an opaque cursor until nextCursor is null, ties broken by id', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.admin);
    const all = (await list(cookie, { limit: '100' })).body.items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await list(cookie, { limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p) => p.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((p: { id: string }) => p.id));
    const twins = all.filter((p: { name: string }) => p.name.toLowerCase() === 'anna quill');
    expect(twins).toHaveLength(2);
  });

  it('searches names case-insensitively for admins and clinicians', async () => {
    const c = await clinic();
    const result = await list(await sessionCookie(c.admin), { q: 'QUILL' });
    expect(result.body.items.map((p: { name: string }) => p.name).sort()).toEqual(
      ['Anna Quill', 'anna Quill'].sort(),
    );
    const none = await list(await sessionCookie(c.prescriber), { q: 'quill' });
    expect(none.body.items).toEqual([]);
  });

  it('refuses a cursor it did not give out, or one out of scope, and bad limits', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.prescriber);
    const queries: Record<string, string>[] = [
      { cursor: c.others[0]!.id },
      { cursor: c.elsewhere.patient.id },
      { cursor: 'not-a-cursor' },
      { limit: '0' },
      { limit: '101' },
      { limit: 'all' },
      { sort: 'name' },
    ];
    for (const query of queries) {
      const result = await list(cookie, query);
      expect(result.status, JSON.stringify(query)).toBe(400);
      expect(result.body.errors.map((e: { path: string }) => e.path)).toEqual([
        Object.keys(query)[0],
      ]);
    }
  });

  it('records one list event per request, about no single patient', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.admin);
    await list(cookie);
    await list(cookie, { q: 'anna' });
    const events = await db.auditEvent.findMany({ where: { actorId: c.admin.id } });
    expect(events).toHaveLength(2);
    for (const e of events) {
      expect(e).toMatchObject({
        action: 'list',
        resourceType: 'patient',
        patientId: null,
        outcome: 'ALLOWED',
      });
    }
  });

  it('is the same function the pages call', async () => {
    const c = await clinic();
    const page = await listPatients(viewerFor(c.therapist), { limit: 10 });
    expect(page.items.map((p) => p.id)).toEqual([c.patient.id]);
  });
});

describe('GET /api/v1/patients/{patientId}', () => {
  const get = (patientId: string, cookie: string) =>
    callApi({ method: 'GET', path: '/api/v1/patients/{patientId}', params: { patientId }, cookie });

  it('gives the profile and the active care team, no clinical content', async () => {
    const c = await clinic();
    const former = await createUser(db, c.organization, { role: 'PRESCRIBER', passwordHash: null });
    await addToCareTeam(db, c.patient, former, {
      startedAt: daysFromToday(-60),
      endedAt: daysFromToday(-30),
    });
    for (const viewer of [c.patient, c.prescriber, c.therapist, c.admin]) {
      const result = await get(c.patient.id, await sessionCookie(viewer));
      expect(result.status).toBe(200);
      expect(Object.keys(result.body).sort()).toEqual(
        ['careTeam', 'dateOfBirth', 'id', 'name', 'pronouns'].sort(),
      );
      expect(result.body.careTeam.map((m: { clinicianId: string }) => m.clinicianId)).toEqual([
        c.prescriber.id,
        c.therapist.id,
      ]);
      expect(result.body.careTeam[0]).toEqual({
        membershipId: c.memberships[0]!.id,
        clinicianId: c.prescriber.id,
        name: c.prescriber.name,
        role: 'PRESCRIBER',
        startedAt: c.memberships[0]!.startedAt.toISOString(),
        endedAt: null,
        isActive: true,
      });
    }
  });

  it('answers 404 to anyone out of scope, including a patient naming another patient', async () => {
    const c = await clinic();
    const otherOrgAdmin = await createUser(db, c.elsewhere.organization, { role: 'ADMIN' });
    for (const viewer of [c.others[0]!, c.elsewhere.prescriber, otherOrgAdmin]) {
      const result = await get(c.patient.id, await sessionCookie(viewer));
      expect(result.status).toBe(404);
      expect(result.text).not.toContain(c.patient.account.name);
    }
    const absent = await get(crypto.randomUUID(), await sessionCookie(c.admin));
    expect(absent.status).toBe(404);
    const malformed = await get('../../users', await sessionCookie(c.admin));
    expect(malformed.status).toBe(404);
  });

  it('audits exactly one event per allowed read and per denial', async () => {
    const c = await clinic();
    const count = (actorId: string) => db.auditEvent.count({ where: { actorId } });

    await get(c.patient.id, await sessionCookie(c.prescriber));
    const allowed = await db.auditEvent.findMany({ where: { actorId: c.prescriber.id } });
    expect(allowed).toHaveLength(1);
    expect(allowed[0]).toMatchObject({
      action: 'read',
      resourceType: 'patient',
      patientId: c.patient.id,
      outcome: 'ALLOWED',
      organizationId: c.organization.id,
    });

    const outsider = c.elsewhere.prescriber;
    await get(c.patient.id, await sessionCookie(outsider));
    const denied = await db.auditEvent.findMany({ where: { actorId: outsider.id } });
    expect(denied).toHaveLength(1);
    // The other tenant's patient id is never recorded as a patient of the outsider's organization.
    expect(denied[0]).toMatchObject({
      outcome: 'DENIED',
      detail: 'not-found',
      patientId: null,
      resourceId: c.patient.id,
      organizationId: c.elsewhere.organization.id,
    });

    const before = await count(c.therapist.id);
    await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}/access-log',
      params: { patientId: c.patient.id },
      cookie: await sessionCookie(c.therapist),
    });
    const forbidden = await db.auditEvent.findMany({
      where: { actorId: c.therapist.id },
      orderBy: { seq: 'desc' },
      take: 1,
    });
    expect((await count(c.therapist.id)) - before).toBe(1);
    expect(forbidden[0]).toMatchObject({
      outcome: 'DENIED',
      detail: 'forbidden',
      patientId: c.patient.id,
      resourceType: 'accessLog',
    });
  });
});

describe('GET /api/v1/me', () => {
  it('describes the signed-in account, with the patient id for a patient', async () => {
    const org = await createOrganization(db);
    const patient = await createPatient(db, org, { passwordHash: null });
    const result = await callApi({
      method: 'GET',
      path: '/api/v1/me',
      cookie: await sessionCookie(patient),
    });
    expect(result.body).toEqual({
      id: patient.account.id,
      name: patient.account.name,
      email: patient.account.email,
      role: 'PATIENT',
      organizationId: org.id,
      patientId: patient.id,
    });
  });

  it('answers 401 for a forged, expired or revoked session', async () => {
    const org = await createOrganization(db);
    const user = await createUser(db, org, { role: 'THERAPIST', passwordHash: null });
    const stale = Math.floor(Date.now() / 1000) - 31 * 60;
    const cookies = [
      'next-auth.session-token=not-a-token',
      await sessionCookie(user, { lastActivity: stale, authTime: stale }),
      await sessionCookie(user, { sessionVersion: user.sessionVersion + 1 }),
      await sessionCookie(user, { role: 'ADMIN' }),
    ];
    for (const cookie of cookies) {
      const result = await callApi({ method: 'GET', path: '/api/v1/me', cookie });
      expect(result.status).toBe(401);
      expect(result.headers.get('content-type')).toBe('application/problem+json');
    }
  });
});
