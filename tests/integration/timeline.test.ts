import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import {
  createAssessment,
  createCareTeam,
  createCheckIn,
  createMessage,
  createPsychotherapyNote,
  createSessionNote,
  createTreatmentPlan,
  createUser,
  recordMedicationChanges,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const PATH = '/api/v1/patients/{patientId}/timeline';

async function world() {
  const team = await createCareTeam(db, { passwordHash: null });
  const { patient, prescriber, therapist } = team;
  await recordMedicationChanges(db, patient, prescriber, [
    {
      action: 'START',
      medication: 'Sertraline',
      dose: 25,
      unit: 'mg',
      patientExplanation: 'A low dose to start.',
      noteForCareTeam: 'TEAM-ONLY-NOTE',
    },
  ]);
  await createCheckIn(db, patient, { mood: 6 });
  await createAssessment(db, patient, { instrument: 'GAD7' });
  await createTreatmentPlan(db, patient, therapist);
  const signed = await createSessionNote(db, patient, therapist, {
    status: 'SIGNED',
    addenda: ['VISIBLE-ADDENDUM'],
  });
  const withheld = await createSessionNote(db, patient, prescriber, {
    status: 'SIGNED',
    withheldReason: 'Held back.',
    addenda: ['WITHHELD-ADDENDUM'],
  });
  const therapistDraft = await createSessionNote(db, patient, therapist);
  const prescriberDraft = await createSessionNote(db, patient, prescriber);
  await createMessage(db, patient, prescriber, { body: 'TEAM-MESSAGE' });
  await createPsychotherapyNote(db, patient, therapist, { body: 'PSYNOTE-MARKER-timeline' });
  return { ...team, signed, withheld, therapistDraft, prescriberDraft };
}

async function all(patientId: string, cookie: string, limit = '100') {
  const items: { kind: string; id: string; at: string }[] = [];
  let cursor: string | null = null;
  let text = '';
  do {
    const page = await callApi({
      method: 'GET',
      path: PATH,
      params: { patientId },
      cookie,
      query: { limit, ...(cursor ? { cursor } : {}) },
    });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    text += page.text;
    cursor = page.body.nextCursor;
  } while (cursor);
  return { items, text };
}

describe('the timeline', () => {
  it('gives clinicians everything but others’ drafts and psychotherapy notes, in time order', async () => {
    const w = await world();
    const { items, text } = await all(w.patient.id, await sessionCookie(w.therapist));
    const kinds = new Set(items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(
      [
        'addendum',
        'assessment',
        'checkIn',
        'draftNote',
        'medicationChange',
        'message',
        'planVersion',
        'sessionNote',
      ].sort(),
    );
    const ids = items.map((i) => i.id);
    expect(ids).toContain(w.therapistDraft.id);
    expect(ids).not.toContain(w.prescriberDraft.id);
    expect(ids).toContain(w.withheld.id);
    expect(text).toContain('TEAM-ONLY-NOTE');
    expect(text).toContain('TEAM-MESSAGE');
    expect(text).not.toContain('PSYNOTE-MARKER');
    const times = items.map((i) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('gives the patient no drafts, withheld notes, messages or notes for the care team', async () => {
    const w = await world();
    const { items, text } = await all(w.patient.id, await sessionCookie(w.patient));
    const ids = items.map((i) => i.id);
    expect(ids).toContain(w.signed.id);
    expect(ids).not.toContain(w.withheld.id);
    expect(ids).not.toContain(w.therapistDraft.id);
    expect(ids).not.toContain(w.prescriberDraft.id);
    expect(items.some((i) => i.kind === 'message' || i.kind === 'draftNote')).toBe(false);
    expect(text).toContain('VISIBLE-ADDENDUM');
    expect(text).toContain('A low dose to start.');
    for (const secret of [
      'WITHHELD-ADDENDUM',
      'TEAM-ONLY-NOTE',
      'TEAM-MESSAGE',
      'PSYNOTE-MARKER',
      'Held back.',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('pages with a cursor without losing or repeating events', async () => {
    const w = await world();
    const cookie = await sessionCookie(w.prescriber);
    const whole = await all(w.patient.id, cookie, '100');
    const paged = await all(w.patient.id, cookie, '2');
    expect(paged.items.map((i) => `${i.kind}:${i.id}`)).toEqual(
      whole.items.map((i) => `${i.kind}:${i.id}`),
    );
  });

  it('refuses admins, outsiders and bad cursors', async () => {
    const w = await world();
    const admin = await createUser(db, w.organization, { role: 'ADMIN', passwordHash: null });
    const outsider = await createUser(db, w.organization, {
      role: 'PRESCRIBER',
      passwordHash: null,
    });
    const params = { patientId: w.patient.id };
    expect(
      (await callApi({ method: 'GET', path: PATH, params, cookie: await sessionCookie(admin) }))
        .status,
    ).toBe(403);
    expect(
      (await callApi({ method: 'GET', path: PATH, params, cookie: await sessionCookie(outsider) }))
        .status,
    ).toBe(404);
    const cookie = await sessionCookie(w.therapist);
    for (const cursor of [
      'not a cursor!',
      Buffer.from('["x",1,"y"]').toString('base64url'),
      'abc',
    ]) {
      expect(
        (await callApi({ method: 'GET', path: PATH, params, cookie, query: { cursor } })).status,
      ).toBe(400);
    }
  });
});
