import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { apiRoutes } from '@/lib/api/registry';
import {
  addToCareTeam,
  createCareTeam,
  createOrganization,
  createPatient,
  createPsychotherapyNote,
  createSessionNote,
  createUser,
  type PatientWithAccount,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { viewerFor } from '@/tests/factories';
import { buildWorld } from '@/tests/integration/matrix';
import { READERS, pageReads } from '@/tests/integration/page-reads';

const PATH = '/api/v1/patients/{patientId}/psychotherapy-notes';

describe('psychotherapy notes', () => {
  it('are read by their author alone', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const colleague = await createUser(db, team.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    await addToCareTeam(db, team.patient, colleague);
    const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
    const params = { patientId: team.patient.id };
    const author = await sessionCookie(team.therapist);

    const created = await callApi({
      method: 'POST',
      path: PATH,
      params,
      cookie: author,
      body: { body: 'Own process note.', sessionDate: '2026-01-05' },
    });
    expect(created.status).toBe(201);
    const mine = await callApi({ method: 'GET', path: PATH, params, cookie: author });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, body: 'Own process note.' }),
    ]);

    const theirs = await callApi({
      method: 'GET',
      path: PATH,
      params,
      cookie: await sessionCookie(colleague),
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body.items).toEqual([]);
    for (const other of [team.prescriber, team.patient, admin] as (User | PatientWithAccount)[]) {
      const cookie = await sessionCookie(other);
      expect((await callApi({ method: 'GET', path: PATH, params, cookie })).status).toBe(403);
      expect(
        (await callApi({ method: 'POST', path: PATH, params, cookie, body: { body: 'x' } })).status,
      ).toBe(403);
    }
    const before = await db.psychotherapyNote.count();
    for (const body of [
      { body: '' },
      { body: 'x', authorId: colleague.id },
      { body: 'x', sessionDate: 'soon' },
    ]) {
      expect(
        (await callApi({ method: 'POST', path: PATH, params, cookie: author, body })).status,
      ).toBe(400);
    }
    expect(await db.psychotherapyNote.count()).toBe(before);

    const events = await db.auditEvent.findMany({
      where: { patientId: team.patient.id, resourceType: 'psychotherapyNote' },
    });
    expect(events.length).toBeGreaterThan(0);
  });

  it('never reach anyone but their author through any v1 endpoint', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const org = team.organization;
    const marker = `PSYNOTE-${randomUUID()}`;
    await createPsychotherapyNote(db, team.patient, team.therapist, { body: `Process: ${marker}` });
    const colleague = await createUser(db, org, { role: 'THERAPIST', passwordHash: null });
    await addToCareTeam(db, team.patient, colleague);
    const otherPatient = await createPatient(db, org, { passwordHash: null });
    const offTeam = await createUser(db, org, { role: 'THERAPIST', passwordHash: null });
    await addToCareTeam(db, otherPatient, offTeam);
    const admin = await createUser(db, org, { role: 'ADMIN', passwordHash: null });
    const elsewhere = await createCareTeam(db, {
      organization: await createOrganization(db),
      passwordHash: null,
    });
    const note = await createSessionNote(db, team.patient, team.therapist, { status: 'SIGNED' });
    const others: (User | PatientWithAccount)[] = [
      team.patient,
      team.prescriber,
      colleague,
      otherPatient,
      offTeam,
      admin,
      elsewhere.prescriber,
    ];
    // The author reads and writes around the note too, so the audit trail has its events.
    const authorCookie = await sessionCookie(team.therapist);
    const own = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId: team.patient.id },
      cookie: authorCookie,
    });
    expect(own.text).toContain(marker);

    const gets = apiRoutes.filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThan(10);
    let checked = 0;
    for (const user of others) {
      const cookie = await sessionCookie(user);
      for (const route of gets) {
        const membership = await addToCareTeam(
          db,
          otherPatient,
          await createUser(db, org, { role: 'PRESCRIBER', passwordHash: null }),
        );
        const known: Record<string, string> = {
          patientId: team.patient.id,
          noteId: note.id,
          membershipId: membership.id,
          userId: team.therapist.id,
          version: '1',
        };
        // Path parameters of routes added by other areas: a real one when known, else a fresh id.
        const params = Object.fromEntries(
          [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [
            name!,
            known[name!] ?? randomUUID(),
          ]),
        );
        const queries: Record<string, string>[] = [{}, { limit: '100' }, { q: 'Process' }];
        for (const query of queries) {
          const result = await callApi({ method: 'GET', path: route.path, params, query, cookie });
          expect(result.text, `${route.path} as ${user.id}`).not.toContain(marker);
          expect(result.text).not.toContain('Process:');
          checked += 1;
        }
      }
    }
    expect(checked).toBe(others.length * gets.length * 3);
  }, 120_000);

  it('never reach anyone but their author through any page-only read', async () => {
    const world = await buildWorld();
    const { patient, therapist } = world.team;
    const marker = `PSYNOTE-${randomUUID()}`;
    await createPsychotherapyNote(db, patient, therapist, { body: `Process: ${marker}` });
    await createSessionNote(db, patient, therapist, { status: 'SIGNED' });
    const others = READERS.filter((reader) => world.users[reader].id !== therapist.id);
    let answered = 0;
    for (const row of pageReads) {
      for (const reader of others) {
        const result = await row.read(viewerFor(world.users[reader]), world).catch(() => null);
        if (result === null) continue;
        const text = JSON.stringify(result);
        expect(text, `${row.name} as ${reader}`).not.toContain(marker);
        expect(text).not.toContain('Process:');
        answered += 1;
      }
    }
    // Every read answered someone, so the walk looked at real content.
    expect(answered).toBeGreaterThanOrEqual(pageReads.length);
  }, 60_000);
});
