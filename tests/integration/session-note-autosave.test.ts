import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { toIsoDate } from '@/lib/format';
import { createCareTeam } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const NOTES = '/api/v1/patients/{patientId}/session-notes';

// What a note's autosave sends: a first POST with an Idempotency-Key, then PUTs of the draft.
describe('autosave of a session note', () => {
  async function setUp() {
    const team = await createCareTeam(db, { passwordHash: null });
    const cookie = await sessionCookie(team.therapist);
    const draft = (data: string) => ({
      kind: 'THERAPY',
      format: 'DAP',
      sessionDate: toIsoDate(new Date()),
      body: { data, assessment: '', plan: '' },
    });
    const post = (body: unknown, key?: string) =>
      callApi({
        method: 'POST',
        path: NOTES,
        params: { patientId: team.patient.id },
        cookie,
        body,
        headers: key ? { 'Idempotency-Key': key } : {},
      });
    const drafts = () =>
      db.sessionNote.count({ where: { patientId: team.patient.id, authorId: team.therapist.id } });
    return { team, cookie, draft, post, drafts };
  }

  it('makes one draft however often the first save is retried with its key', async () => {
    const s = await setUp();
    const key = globalThis.crypto.randomUUID();
    const first = await s.post(s.draft('Started'), key);
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const retried = await s.post(s.draft('Started'), key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Idempotent-Replayed')).toBe('true');
    expect(retried.body.id).toBe(first.body.id);
    expect(await s.drafts()).toBe(1);

    // The same key for other content is another request: refused, nothing made.
    const other = await s.post(s.draft('Something else'), key);
    expect(other.status).toBe(409);
    expect(other.body.errors).toEqual([
      { path: 'Idempotency-Key', message: expect.stringContaining('different request') },
    ]);
    expect(await s.drafts()).toBe(1);

    // Without a key every POST is a new draft, as before.
    expect((await s.post(s.draft('Another'))).status).toBe(201);
    expect(await s.drafts()).toBe(2);
  });

  it('then saves the draft in place, until it is signed', async () => {
    const s = await setUp();
    const created = await s.post(s.draft('Started'), globalThis.crypto.randomUUID());
    const put = (data: string) =>
      callApi({
        method: 'PUT',
        path: `${NOTES}/{noteId}`,
        params: { patientId: s.team.patient.id, noteId: created.body.id },
        cookie: s.cookie,
        body: { ...s.draft(data), body: { data, assessment: 'Stable.', plan: 'Continue.' } },
      });
    expect((await put('Started, and more')).status).toBe(200);
    const sign = await callApi({
      method: 'POST',
      path: `${NOTES}/{noteId}/sign`,
      params: { patientId: s.team.patient.id, noteId: created.body.id },
      cookie: s.cookie,
    });
    expect(sign.status).toBe(200);
    expect((await put('After signing')).status).toBe(409);
    const stored = await db.sessionNote.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.body).toMatchObject({ data: 'Started, and more' });
  });
});
