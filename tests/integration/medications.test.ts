import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { toIsoDate } from '@/lib/format';
import {
  createCareTeam,
  createUser,
  daysFromToday,
  recordMedicationChanges,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { sertralineRaised } from '@/tests/support/medication-changes';

const today = toIsoDate(new Date());
const CHANGES = '/api/v1/patients/{patientId}/medication-changes';
const REGIMEN = '/api/v1/patients/{patientId}/medications';

async function clinic() {
  const team = await createCareTeam(db, { passwordHash: null });
  const [prescriber, therapist, patient] = await Promise.all([
    sessionCookie(team.prescriber),
    sessionCookie(team.therapist),
    sessionCookie(team.patient),
  ]);
  return { team, cookies: { prescriber, therapist, patient } };
}

type Clinic = Awaited<ReturnType<typeof clinic>>;

function post(c: Clinic, body: object, options: { cookie?: string; key?: string } = {}) {
  return callApi({
    method: 'POST',
    path: CHANGES,
    params: { patientId: c.team.patient.id },
    cookie: options.cookie ?? c.cookies.prescriber,
    body,
    headers: options.key ? { 'Idempotency-Key': options.key } : undefined,
  });
}

/** Posts the ENTERED_IN_ERROR change that corrects `correctsId`, effective today. */
function enteredInError(c: Clinic, correctsId: string, reason: string) {
  return post(c, { action: 'ENTERED_IN_ERROR', correctsId, effectiveDate: today, reason });
}

const start = (medication = 'Sertraline', dose = 50) => ({
  action: 'START',
  medication,
  dose,
  unit: 'mg',
  frequency: 'once daily',
  route: 'oral',
  effectiveDate: today,
  reason: 'Persistent low mood.',
});

async function regimen(c: Clinic, cookie = c.cookies.prescriber) {
  const res = await callApi({
    method: 'GET',
    path: REGIMEN,
    params: { patientId: c.team.patient.id },
    cookie,
  });
  expect(res.status).toBe(200);
  return res.body.items as { medication: string; status: string; dose: number | null }[];
}

async function changeCount(patientId: string) {
  return db.medicationChange.count({ where: { patientId } });
}

describe('POST medication-changes', () => {
  it('records a start and an increase, links them, and updates the regimen at once', async () => {
    const c = await clinic();
    const first = await post(c, start());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      action: 'START',
      medication: 'Sertraline',
      dose: 50,
      previousChangeId: null,
      prescriber: { id: c.team.prescriber.id },
    });
    const second = await post(c, {
      action: 'INCREASE',
      medication: 'sertraline ',
      dose: 100,
      effectiveDate: today,
      reason: 'Partial response.',
      monitorFor: ['sleep', 'GI upset'],
      noteForCareTeam: 'Please ask about sleep.',
      patientExplanation: 'We are raising your dose to help your mood.',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      medication: 'Sertraline',
      dose: 100,
      unit: 'mg',
      previousChangeId: first.body.id,
      monitorFor: ['sleep', 'GI upset'],
    });
    expect(await regimen(c)).toMatchObject([
      { medication: 'Sertraline', status: 'ACTIVE', dose: 100 },
    ]);
  });

  it.each([
    ['START of an active medication', [start()], start(), 'medication', /already active/],
    [
      'INCREASE that does not raise the dose',
      [start()],
      { action: 'INCREASE', medication: 'Sertraline', dose: 50, effectiveDate: today, reason: 'r' },
      'dose',
      /higher dose/,
    ],
    [
      'DECREASE that does not lower the dose',
      [start()],
      { action: 'DECREASE', medication: 'Sertraline', dose: 75, effectiveDate: today, reason: 'r' },
      'dose',
      /lower dose/,
    ],
    [
      'INCREASE of a medication never started',
      [],
      { action: 'INCREASE', medication: 'Sertraline', dose: 75, effectiveDate: today, reason: 'r' },
      'medication',
      /active/,
    ],
    [
      'RESUME of an active medication',
      [start()],
      { action: 'RESUME', medication: 'Sertraline', effectiveDate: today, reason: 'r' },
      'medication',
      /held/,
    ],
    [
      'HOLD of a stopped medication',
      [start(), { action: 'STOP', medication: 'Sertraline', effectiveDate: today, reason: 'r' }],
      { action: 'HOLD', medication: 'Sertraline', effectiveDate: today, reason: 'r' },
      'medication',
      /active medication can be held/,
    ],
    [
      'STOP of a medication never started',
      [],
      { action: 'STOP', medication: 'Bupropion', effectiveDate: today, reason: 'r' },
      'medication',
      /stopped/,
    ],
    [
      'a change dated before the last one',
      [start()],
      {
        action: 'HOLD',
        medication: 'Sertraline',
        effectiveDate: toIsoDate(daysFromToday(-3)),
        reason: 'r',
      },
      'effectiveDate',
      /on or after/,
    ],
  ])('refuses %s with 409 on the right field', async (_name, before, body, field, detail) => {
    const c = await clinic();
    for (const b of before) expect((await post(c, b)).status).toBe(201);
    const count = await changeCount(c.team.patient.id);
    const res = await post(c, body);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(detail);
    expect(res.body.errors).toEqual([{ path: field, message: res.body.detail }]);
    expect(await changeCount(c.team.patient.id)).toBe(count);
  });

  it.each([
    ['no reason', { ...start(), reason: '  ' }, 'reason'],
    ['no dose on START', { ...start(), dose: undefined }, 'dose'],
    [
      'a date more than a year back',
      { ...start(), effectiveDate: toIsoDate(daysFromToday(-400)) },
      'effectiveDate',
    ],
    [
      'a date more than 90 days ahead',
      { ...start(), effectiveDate: toIsoDate(daysFromToday(91)) },
      'effectiveDate',
    ],
    ['an unknown field', { ...start(), extra: 1 }, 'extra'],
    ['a negative dose', { ...start(), dose: -1 }, 'dose'],
    [
      'ENTERED_IN_ERROR without correctsId',
      { action: 'ENTERED_IN_ERROR', effectiveDate: today, reason: 'r' },
      'correctsId',
    ],
  ])('refuses %s with 400 and writes nothing', async (_name, body, field) => {
    const c = await clinic();
    const res = await post(c, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(await changeCount(c.team.patient.id)).toBe(0);
  });

  it('says clearly why a far date is refused', async () => {
    const c = await clinic();
    const res = await post(c, { ...start(), effectiveDate: toIsoDate(daysFromToday(-400)) });
    expect(res.body.errors[0].message).toMatch(/more than a year ago/);
  });

  it('refuses therapists and patients with 403, out of scope and other organizations with 404', async () => {
    const c = await clinic();
    expect((await post(c, start(), { cookie: c.cookies.therapist })).status).toBe(403);
    expect((await post(c, start(), { cookie: c.cookies.patient })).status).toBe(403);
    const offTeam = await createUser(db, c.team.organization, {
      role: 'PRESCRIBER',
      passwordHash: null,
    });
    expect((await post(c, start(), { cookie: await sessionCookie(offTeam) })).status).toBe(404);
    const elsewhere = await createCareTeam(db, { passwordHash: null });
    expect(
      (await post(c, start(), { cookie: await sessionCookie(elsewhere.prescriber) })).status,
    ).toBe(404);
    expect(await changeCount(c.team.patient.id)).toBe(0);
  });

  it('replays the first answer for a repeated Idempotency-Key and records nothing new', async () => {
    const c = await clinic();
    const key = randomUUID();
    const first = await post(c, start(), { key });
    expect(first.status).toBe(201);
    const again = await post(c, start(), { key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await changeCount(c.team.patient.id)).toBe(1);

    const other = await post(c, start('Bupropion', 150), { key });
    expect(other.status).toBe(409);
    expect(other.body.errors[0].path).toBe('Idempotency-Key');
    expect(await changeCount(c.team.patient.id)).toBe(1);

    // Another user's key space is their own.
    const colleague = await createUser(db, c.team.organization, {
      role: 'PRESCRIBER',
      passwordHash: null,
    });
    await db.careTeamMembership.create({
      data: {
        organizationId: c.team.organization.id,
        patientId: c.team.patient.id,
        clinicianId: colleague.id,
      },
    });
    const theirs = await post(c, start('Bupropion', 150), {
      key,
      cookie: await sessionCookie(colleague),
    });
    expect(theirs.status).toBe(201);
  });

  it('refuses a malformed Idempotency-Key with 400', async () => {
    const c = await clinic();
    const res = await post(c, start(), { key: 'x'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('Idempotency-Key');
    expect(await changeCount(c.team.patient.id)).toBe(0);
  });

  it('lets only one of two concurrent conflicting changes through', async () => {
    const c = await clinic();
    expect((await post(c, start())).status).toBe(201);
    const increase = {
      action: 'INCREASE',
      medication: 'Sertraline',
      dose: 100,
      effectiveDate: today,
      reason: 'r',
    };
    const results = await Promise.all([post(c, increase), post(c, increase)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await regimen(c)).toMatchObject([{ dose: 100 }]);
  });

  it('answers concurrent repeats of one Idempotency-Key with one record', async () => {
    const c = await clinic();
    const key = randomUUID();
    const results = await Promise.all([post(c, start(), { key }), post(c, start(), { key })]);
    expect(results.map((r) => r.status)).toEqual([201, 201]);
    expect(results[0]!.body.id).toBe(results[1]!.body.id);
    expect(await changeCount(c.team.patient.id)).toBe(1);
  });
});

describe('ENTERED_IN_ERROR', () => {
  it('recomputes the regimen without the corrected change and edits nothing', async () => {
    const c = await clinic();
    const started = await post(c, start());
    const raised = await post(c, {
      action: 'INCREASE',
      medication: 'Sertraline',
      dose: 200,
      effectiveDate: today,
      reason: 'Typo: meant 100.',
    });
    const before = await db.medicationChange.findUniqueOrThrow({ where: { id: raised.body.id } });
    const fix = await enteredInError(c, raised.body.id, 'Wrong dose entered.');
    expect(fix.status).toBe(201);
    expect(fix.body).toMatchObject({
      medication: 'Sertraline',
      correctsId: raised.body.id,
      previousChangeId: raised.body.id,
    });
    expect(await regimen(c)).toMatchObject([{ status: 'ACTIVE', dose: 50 }]);
    expect(await db.medicationChange.findUniqueOrThrow({ where: { id: raised.body.id } })).toEqual(
      before,
    );

    const twice = await enteredInError(c, raised.body.id, 'Again.');
    expect(twice.status).toBe(409);
    expect(twice.body.errors[0].path).toBe('correctsId');
    const ofCorrection = await enteredInError(c, fix.body.id, 'Undo.');
    expect(ofCorrection.status).toBe(409);

    // The chain continues after the correction, and the list links both ways.
    const next = await post(c, {
      action: 'INCREASE',
      medication: 'Sertraline',
      dose: 100,
      effectiveDate: today,
      reason: 'r',
    });
    expect(next.status).toBe(201);
    expect(next.body.previousChangeId).toBe(fix.body.id);
    const list = await callApi({
      method: 'GET',
      path: CHANGES,
      params: { patientId: c.team.patient.id },
      cookie: c.cookies.therapist,
    });
    const raisedEntry = list.body.items.find((i: { id: string }) => i.id === raised.body.id);
    expect(raisedEntry.correctedById).toBe(fix.body.id);
    expect(started.status).toBe(201);
  });

  it('removes a medication from the regimen when its only change is corrected', async () => {
    const c = await clinic();
    const started = await post(c, start('Mirtazapine', 15));
    await enteredInError(c, started.body.id, 'Wrong patient.');
    expect(await regimen(c)).toEqual([]);
  });

  it('refuses to correct another patient’s change', async () => {
    const c = await clinic();
    const other = await createCareTeam(db, {
      organization: c.team.organization,
      passwordHash: null,
    });
    const [theirs] = await recordMedicationChanges(db, other.patient, other.prescriber, [
      { action: 'START', medication: 'Sertraline', dose: 50 },
    ]);
    const res = await enteredInError(c, theirs!.id, 'r');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('correctsId');
  });
});

describe('GET medication-changes and medications', () => {
  it('lists newest first, pages, filters by since, and keeps the care-team note from the patient', async () => {
    const c = await clinic();
    await recordMedicationChanges(db, c.team.patient, c.team.prescriber, [
      ...sertralineRaised(-30, {
        noteForCareTeam: 'Watch sleep.',
        patientExplanation: 'A higher dose.',
      }),
      { action: 'START', medication: 'Bupropion', dose: 150, effectiveDate: daysFromToday(-10) },
    ]);
    const get = (cookie: string, query: Record<string, string> = {}) =>
      callApi({
        method: 'GET',
        path: CHANGES,
        params: { patientId: c.team.patient.id },
        cookie,
        query,
      });

    const all = await get(c.cookies.therapist);
    expect(
      all.body.items.map((i: { medication: string; dose: number }) => `${i.medication} ${i.dose}`),
    ).toEqual(['Bupropion 150', 'Sertraline 100', 'Sertraline 50']);
    expect(all.body.items[1]).toMatchObject({
      noteForCareTeam: 'Watch sleep.',
      patientExplanation: 'A higher dose.',
    });

    const first = await get(c.cookies.prescriber, { limit: '2' });
    expect(first.body.items).toHaveLength(2);
    const second = await get(c.cookies.prescriber, { limit: '2', cursor: first.body.nextCursor });
    expect(second.body.items.map((i: { dose: number }) => i.dose)).toEqual([50]);
    expect(second.body.nextCursor).toBeNull();

    const since = await get(c.cookies.prescriber, { since: toIsoDate(daysFromToday(-30)) });
    expect(since.body.items).toHaveLength(2);

    const mine = await get(c.cookies.patient);
    expect(mine.status).toBe(200);
    expect(mine.body.items[1].patientExplanation).toBe('A higher dose.');
    expect(mine.text).not.toContain('Watch sleep.');
    for (const item of mine.body.items) expect(item).not.toHaveProperty('noteForCareTeam');

    expect((await get(c.cookies.prescriber, { cursor: randomUUID() })).status).toBe(400);
    expect((await get(c.cookies.prescriber, { since: 'yesterday' })).status).toBe(400);
  });

  it('reads the regimen for the patient and the team, 404 out of scope and in other organizations', async () => {
    const c = await clinic();
    await recordMedicationChanges(db, c.team.patient, c.team.prescriber, [
      { action: 'START', medication: 'Sertraline', dose: 50 },
      { action: 'START', medication: 'Bupropion', dose: 150 },
      { action: 'STOP', medication: 'Bupropion' },
    ]);
    expect((await regimen(c, c.cookies.patient)).map((i) => `${i.medication} ${i.status}`)).toEqual(
      ['Sertraline ACTIVE', 'Bupropion STOPPED'],
    );
    const offTeam = await createUser(db, c.team.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    const elsewhere = await createCareTeam(db, { passwordHash: null });
    for (const user of [offTeam, elsewhere.prescriber]) {
      for (const path of [REGIMEN, CHANGES]) {
        const res = await callApi({
          method: 'GET',
          path,
          params: { patientId: c.team.patient.id },
          cookie: await sessionCookie(user),
        });
        expect(res.status).toBe(404);
      }
    }
  });
});
