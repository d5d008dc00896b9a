import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createCareTeam, createMessage } from '@/tests/factories';
import { callApi, sessionCookie, type ApiCall } from '@/tests/support/api';

const PATH = '/api/v1/patients/{patientId}/messages';

/** A call to the patient's care-team thread as `cookie`: a GET unless `call` says otherwise. */
function thread(
  patient: { id: string },
  cookie: string,
  call: Omit<Partial<ApiCall>, 'path' | 'params' | 'cookie'> = {},
) {
  return callApi({ method: 'GET', path: PATH, params: { patientId: patient.id }, cookie, ...call });
}

describe('care-team messages', () => {
  it('is a thread between the team’s clinicians, newest last, that shows in the brief', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const params = { patientId: team.patient.id };
    for (let i = 1; i <= 3; i += 1) {
      await createMessage(db, team.patient, team.prescriber, { body: `Earlier ${i}` });
    }
    const prescriber = await sessionCookie(team.prescriber);
    const therapist = await sessionCookie(team.therapist);
    const posted = await thread(team.patient, therapist, {
      method: 'POST',
      body: { body: '  Sleep is better.  ' },
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      body: 'Sleep is better.',
      author: { id: team.therapist.id, role: 'THERAPIST' },
    });

    const page = await thread(team.patient, prescriber, { query: { limit: '2' } });
    expect(page.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Earlier 3',
      'Sleep is better.',
    ]);
    const older = await thread(team.patient, prescriber, {
      query: { limit: '2', cursor: page.body.nextCursor },
    });
    expect(older.body.items.map((m: { body: string }) => m.body)).toEqual([
      'Earlier 1',
      'Earlier 2',
    ]);
    expect(older.body.nextCursor).toBeNull();

    const brief = await callApi({
      method: 'GET',
      path: '/api/v1/patients/{patientId}/brief',
      params,
      cookie: prescriber,
    });
    expect(brief.body.messages.map((m: { body: string }) => m.body)).toContain('Sleep is better.');
  });

  it('refuses the patient, and bad input with nothing written', async () => {
    const team = await createCareTeam(db, { passwordHash: null });
    const patient = await sessionCookie(team.patient);
    expect((await thread(team.patient, patient)).status).toBe(403);
    expect(
      (await thread(team.patient, patient, { method: 'POST', body: { body: 'Hi' } })).status,
    ).toBe(403);
    const therapist = await sessionCookie(team.therapist);
    for (const body of [
      { body: '' },
      { body: '   ' },
      { body: 'x'.repeat(5001) },
      { text: 'Hi' },
      {},
    ]) {
      expect((await thread(team.patient, therapist, { method: 'POST', body })).status).toBe(400);
    }
    expect(await db.careTeamMessage.count({ where: { patientId: team.patient.id } })).toBe(0);
  });
});
