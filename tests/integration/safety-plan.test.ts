// The safety plan: versioned with If-Match like the treatment plan, written by the patient and
// their therapist, read by the prescriber, never by admins or anyone off the team; the crisis
// lines and the care team are on every read, whatever was written.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getSafetyPlan, listSafetyPlanVersions, saveSafetyPlan } from '@/lib/data/safety-plan';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import {
  SAMPLE_SAFETY_PLAN,
  createCareTeam,
  createSafetyPlanVersion,
  createUser,
  viewerFor,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { MAX_SAFETY_PLAN_ITEMS } from '@/lib/schemas/safety-plan';

const PATH = '/api/v1/patients/{patientId}/safety-plan';

describe('the safety plan', () => {
  let team: CareTeam;
  let cookies: Record<'patient' | 'therapist' | 'prescriber', string>;

  beforeAll(async () => {
    team = await createCareTeam(db, { passwordHash: null });
    cookies = {
      patient: await sessionCookie(team.patient),
      therapist: await sessionCookie(team.therapist),
      prescriber: await sessionCookie(team.prescriber),
    };
  });

  const call = (
    method: 'GET' | 'PUT',
    who: keyof typeof cookies,
    options: {
      body?: unknown;
      ifMatch?: string;
      path?: string;
      query?: Record<string, string>;
    } = {},
  ) =>
    callApi({
      method,
      path: options.path ?? PATH,
      params: { patientId: team.patient.id },
      cookie: cookies[who],
      body: options.body,
      query: options.query,
      headers: options.ifMatch === undefined ? {} : { 'If-Match': options.ifMatch },
    });

  it('is empty at version 0 before the first save, with 988, 911 and the care team', async () => {
    const got = await call('GET', 'patient');
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe('"0"');
    expect(got.body.plan).toBeNull();
    expect(got.body.crisisLines.map((l: { phone: string }) => l.phone)).toEqual(['988', '911']);
    expect(got.body.careTeam.map((c: { id: string }) => c.id).sort()).toEqual(
      [team.prescriber.id, team.therapist.id].sort(),
    );
  });

  it('is written by the therapist with If-Match "0", then by the patient on top, versions kept', async () => {
    const first = await call('PUT', 'therapist', { body: SAMPLE_SAFETY_PLAN, ifMatch: '"0"' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({ version: 1, author: { id: team.therapist.id } });
    expect(first.body.distractions[0]).toEqual({
      name: 'The library reading room',
      phone: null,
      place: 'Main Street',
    });

    const got = await call('GET', 'patient');
    const mine = {
      ...got.body.plan,
      reasonsForLiving: [...got.body.plan.reasonsForLiving, 'Seeing my niece grow up'],
      changeNote: 'Added a reason.',
    };
    const second = await call('PUT', 'patient', { body: mine, ifMatch: got.headers.get('etag')! });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({ version: 2, changeNote: 'Added a reason.' });

    const read = await call('GET', 'prescriber');
    expect(read.body.plan.reasonsForLiving).toContain('Seeing my niece grow up');
    expect(read.body.crisisLines[0].name).toBe('988 Suicide & Crisis Lifeline');

    const versions = await call('GET', 'patient', {
      path: `${PATH}/versions`,
      query: { limit: '1' },
    });
    expect(versions.body.items).toEqual([
      expect.objectContaining({ version: 2, changeNote: 'Added a reason.' }),
    ]);
    expect(versions.body.nextCursor).toBe('2');
    const rest = await listSafetyPlanVersions(viewerFor(team.therapist), team.patient.id, {
      cursor: '2',
    });
    expect(rest.items.map((v) => [v.version, v.changeNote])).toEqual([[1, null]]);
  });

  it('refuses a stale If-Match with 412 naming the current version, and a missing one with 428', async () => {
    const current = (await getSafetyPlan(viewerFor(team.patient), team.patient.id)).version;
    const stale = await call('PUT', 'therapist', { body: SAMPLE_SAFETY_PLAN, ifMatch: '"1"' });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(current);
    expect(stale.headers.get('etag')).toBe(`"${current}"`);
    const missing = await call('PUT', 'therapist', { body: SAMPLE_SAFETY_PLAN });
    expect(missing.status).toBe(428);
    const count = await db.safetyPlanVersion.count({ where: { patientId: team.patient.id } });
    expect(count).toBe(current);
  });

  it('tells the patient when a clinician saves a version, not when they save one themself', async () => {
    const items = await db.notification.findMany({
      where: { recipientId: team.patient.account.id, link: '/my-care/safety-plan' },
    });
    expect(items).toHaveLength(1);
    expect(items[0]!.summary).toContain('updated your safety plan');
  });

  const many = Array.from({ length: MAX_SAFETY_PLAN_ITEMS + 1 }, (_, i) => `Sign ${i}`);
  it.each([
    [{ ...SAMPLE_SAFETY_PLAN, warningSigns: [''] }, 'warningSigns.0'],
    [{ ...SAMPLE_SAFETY_PLAN, warningSigns: many }, 'warningSigns'],
    [{ ...SAMPLE_SAFETY_PLAN, helpers: [{ name: 'Jamie' }] }, 'helpers.0.phone'],
    [{ ...SAMPLE_SAFETY_PLAN, helpers: [{ name: 'Jamie', phone: 'soon' }] }, 'helpers.0.phone'],
    [
      { ...SAMPLE_SAFETY_PLAN, professionals: [{ name: '', phone: '555 010 0150' }] },
      'professionals.0.name',
    ],
    [
      { ...SAMPLE_SAFETY_PLAN, distractions: [{ name: 'Gym', phone: 'x' }] },
      'distractions.0.phone',
    ],
    [{ ...SAMPLE_SAFETY_PLAN, reasonsForLiving: 'my dog' }, 'reasonsForLiving'],
    [{ ...SAMPLE_SAFETY_PLAN, crisisLines: [] }, 'crisisLines'],
    [{ warningSigns: [] }, 'copingStrategies'],
  ])('refuses %j with a 400 on the field and writes nothing', async (body, path) => {
    const before = await db.safetyPlanVersion.count({ where: { patientId: team.patient.id } });
    const current = (await getSafetyPlan(viewerFor(team.patient), team.patient.id)).version;
    const refused = await call('PUT', 'therapist', { body, ifMatch: `"${current}"` });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await db.safetyPlanVersion.count({ where: { patientId: team.patient.id } })).toBe(
      before,
    );
  });

  it('is read but not written by the prescriber on the team (403)', async () => {
    const current = (await getSafetyPlan(viewerFor(team.prescriber), team.patient.id)).version;
    const refused = await call('PUT', 'prescriber', {
      body: SAMPLE_SAFETY_PLAN,
      ifMatch: `"${current}"`,
    });
    expect(refused.status).toBe(403);
  });

  it('is forbidden to admins and not found for anyone off the team', async () => {
    const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
    await expect(getSafetyPlan(viewerFor(admin), team.patient.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      saveSafetyPlan(viewerFor(admin), team.patient.id, 0, SAMPLE_SAFETY_PLAN),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const other = await createCareTeam(db, { organization: team.organization, passwordHash: null });
    for (const outsider of [other.therapist, other.prescriber, other.patient]) {
      await expect(getSafetyPlan(viewerFor(outsider), team.patient.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        saveSafetyPlan(viewerFor(outsider), team.patient.id, 0, SAMPLE_SAFETY_PLAN),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    const audits = await db.auditEvent.count({
      where: { actorId: admin.id, resourceType: 'safetyPlan', outcome: 'DENIED' },
    });
    expect(audits).toBe(2);
  });

  it('keeps versions gapless under concurrent saves of one version', async () => {
    const fresh = await createCareTeam(db, { passwordHash: null });
    await createSafetyPlanVersion(db, fresh.patient, fresh.therapist);
    const viewers = [viewerFor(fresh.therapist), viewerFor(fresh.patient)];
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        saveSafetyPlan(viewers[n % 2]!, fresh.patient.id, 1, {
          ...SAMPLE_SAFETY_PLAN,
          changeNote: `Edit ${n}`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const versions = await db.safetyPlanVersion.findMany({
      where: { patientId: fresh.patient.id },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });
});
