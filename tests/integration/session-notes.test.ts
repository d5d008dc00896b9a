import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { toIsoDate } from '@/lib/format';
import { createCareTeam, createSessionNote, createUser } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const NOTES = '/api/v1/patients/{patientId}/session-notes';
const dap = { data: 'Reported better sleep.', assessment: 'Improving.', plan: 'Continue CBT.' };

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const admin = await createUser(db, team.organization, { role: 'ADMIN', passwordHash: null });
  const cookies = {
    therapist: await sessionCookie(team.therapist),
    prescriber: await sessionCookie(team.prescriber),
    patient: await sessionCookie(team.patient),
    admin: await sessionCookie(admin),
  };
  const call = (
    who: keyof typeof cookies,
    method: 'GET' | 'POST' | 'PUT',
    suffix = '',
    body?: unknown,
  ) => {
    const noteId = /[0-9a-f-]{36}/.exec(suffix)?.[0];
    return callApi({
      method,
      path: `${NOTES}${noteId ? suffix.replace(noteId, '{noteId}') : suffix}`,
      params: { patientId: team.patient.id, ...(noteId ? { noteId } : {}) },
      cookie: cookies[who],
      body,
    });
  };
  return { ...team, call };
}

const draft = { kind: 'THERAPY', format: 'DAP', sessionDate: toIsoDate(new Date()), body: dap };

describe('session notes', () => {
  it('keeps a draft to its author, then shares it once signed, immutably', async () => {
    const c = await clinic();
    const created = await c.call('therapist', 'POST', '', draft);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'DRAFT', signedAt: null, body: dap });
    const id = created.body.id as string;

    for (const who of ['prescriber', 'patient'] as const) {
      const list = await c.call(who, 'GET');
      expect(list.status).toBe(200);
      expect(list.text).not.toContain(id);
    }
    expect((await c.call('prescriber', 'GET', `/${id}`)).status).toBe(404);
    expect((await c.call('patient', 'GET', `/${id}`)).status).toBe(404);
    expect((await c.call('prescriber', 'PUT', `/${id}`, draft)).status).toBe(404);
    expect((await c.call('prescriber', 'POST', `/${id}/sign`)).status).toBe(404);

    const edited = await c.call('therapist', 'PUT', `/${id}`, {
      ...draft,
      body: { ...dap, plan: 'Continue CBT; add behavioural activation.' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.body.plan).toBe('Continue CBT; add behavioural activation.');

    const signed = await c.call('therapist', 'POST', `/${id}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('SIGNED');
    expect((await c.call('therapist', 'POST', `/${id}/sign`)).status).toBe(409);

    const changedAfter = await c.call('therapist', 'PUT', `/${id}`, {
      ...draft,
      body: { ...dap, data: 'Rewritten history.' },
    });
    expect(changedAfter.status).toBe(409);
    const stored = await db.sessionNote.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(stored.body)).not.toContain('Rewritten history.');

    expect((await c.call('prescriber', 'GET', `/${id}`)).status).toBe(200);
    const byPatient = await c.call('patient', 'GET');
    expect(byPatient.body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await c.call('admin', 'GET')).status).toBe(403);
  });

  it('needs every section filled to sign', async () => {
    const c = await clinic();
    const created = await c.call('therapist', 'POST', '', {
      ...draft,
      body: { ...dap, plan: ' ' },
    });
    const signed = await c.call('therapist', 'POST', `/${created.body.id}/sign`);
    expect(signed.status).toBe(409);
    expect(signed.body.errors).toEqual([{ path: 'body.plan', message: expect.any(String) }]);
  });

  it('appends addenda to signed notes only, by their author', async () => {
    const c = await clinic();
    const note = await createSessionNote(db, c.patient, c.therapist, {
      status: 'SIGNED',
      body: dap,
    });
    const draftNote = await createSessionNote(db, c.patient, c.therapist, { body: dap });
    const add = (who: 'therapist' | 'prescriber' | 'patient', noteId: string, body: unknown) =>
      c.call(who, 'POST', `/${noteId}/addenda`, body);

    expect(
      (await add('therapist', note.id, { body: 'Correction: session was 50 min.' })).status,
    ).toBe(201);
    expect((await add('prescriber', note.id, { body: 'Not mine.' })).status).toBe(403);
    expect((await add('patient', note.id, { body: 'Not mine.' })).status).toBe(403);
    expect((await add('therapist', draftNote.id, { body: 'On a draft.' })).status).toBe(409);
    expect((await add('therapist', note.id, { body: '   ' })).status).toBe(400);
    expect((await add('therapist', note.id, { body: 'x', extra: 1 })).status).toBe(400);

    const read = await c.call('prescriber', 'GET', `/${note.id}`);
    expect(read.body.addenda).toEqual([
      expect.objectContaining({ body: 'Correction: session was 50 min.' }),
    ]);
    expect(await db.sessionNoteAddendum.count({ where: { noteId: note.id } })).toBe(1);
  });

  it('withholds a signed note from the patient, with a reason the patient never sees', async () => {
    const c = await clinic();
    const note = await createSessionNote(db, c.patient, c.therapist, {
      status: 'SIGNED',
      body: dap,
    });
    const reason = { reason: 'Discusses a third party; review together first.' };
    expect((await c.call('prescriber', 'POST', `/${note.id}/withhold`, reason)).status).toBe(403);
    expect((await c.call('therapist', 'POST', `/${note.id}/withhold`, { reason: '' })).status).toBe(
      400,
    );
    const withheld = await c.call('therapist', 'POST', `/${note.id}/withhold`, reason);
    expect(withheld.status).toBe(200);
    expect(withheld.body.withheld).toEqual({ at: expect.any(String), reason: reason.reason });
    expect((await c.call('therapist', 'POST', `/${note.id}/withhold`, reason)).status).toBe(409);

    expect((await c.call('patient', 'GET', `/${note.id}`)).status).toBe(404);
    const list = await c.call('patient', 'GET');
    expect(list.text).not.toContain(note.id);
    expect(list.text).not.toContain('third party');
    expect((await c.call('prescriber', 'GET', `/${note.id}`)).body.withheld.reason).toBe(
      reason.reason,
    );

    const draftNote = await createSessionNote(db, c.patient, c.therapist, { body: dap });
    expect((await c.call('therapist', 'POST', `/${draftNote.id}/withhold`, reason)).status).toBe(
      409,
    );
  });

  it('lets prescribers write their own notes, and refuses bad input with nothing written', async () => {
    const c = await clinic();
    const soap = {
      kind: 'MEDICATION_MANAGEMENT',
      format: 'SOAP',
      sessionDate: toIsoDate(new Date()),
      body: { subjective: 'S', objective: 'O', assessment: 'A', plan: 'P' },
    };
    const created = await c.call('prescriber', 'POST', '', soap);
    expect(created.status).toBe(201);
    expect((await c.call('therapist', 'PUT', `/${created.body.id}`, draft)).status).toBe(404);

    const before = await db.sessionNote.count({ where: { patientId: c.patient.id } });
    for (const bad of [
      { ...draft, format: 'SOAP' },
      { ...draft, kind: 'GROUP' },
      { ...draft, sessionDate: '2999-01-01' },
      { ...draft, body: { ...dap, extra: 'x' } },
      { ...draft, authorId: c.therapist.id },
    ]) {
      expect((await c.call('therapist', 'POST', '', bad)).status).toBe(400);
    }
    expect((await c.call('patient', 'POST', '', draft)).status).toBe(403);
    expect(await db.sessionNote.count({ where: { patientId: c.patient.id } })).toBe(before);
  });

  it('pages through notes, newest session first', async () => {
    const c = await clinic();
    for (let i = 0; i < 5; i += 1) {
      await createSessionNote(db, c.patient, c.prescriber, {
        status: 'SIGNED',
        sessionDate: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
    const first = await callApi({
      method: 'GET',
      path: NOTES,
      params: { patientId: c.patient.id },
      query: { limit: '3' },
      cookie: await sessionCookie(c.therapist),
    });
    expect(first.body.items.map((n: { sessionDate: string }) => n.sessionDate)).toEqual([
      '2026-01-05',
      '2026-01-04',
      '2026-01-03',
    ]);
    const second = await callApi({
      method: 'GET',
      path: NOTES,
      params: { patientId: c.patient.id },
      query: { limit: '3', cursor: first.body.nextCursor },
      cookie: await sessionCookie(c.therapist),
    });
    expect(second.body.items.map((n: { sessionDate: string }) => n.sessionDate)).toEqual([
      '2026-01-02',
      '2026-01-01',
    ]);
    expect(second.body.nextCursor).toBeNull();
  });
});
