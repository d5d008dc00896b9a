// The safety-flag lifecycle through the API: raised by answers (PHQ-9 item 9, PHQ-9 total, a
// severe side effect, thoughts of suicide or self-harm on a check-in) or by a clinician; acknowledged and resolved by the care team, every wrong
// step a 409; inbox items for the team but not the actor; the patient reads status only.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listAccessLog } from '@/lib/data/access-log';
import { getBrief } from '@/lib/data/brief';
import { flagsForPatients } from '@/lib/data/flags';
import { getSafetyFlagStatus } from '@/lib/data/safety-flags';
import { getTimeline } from '@/lib/data/timeline';
import { toIsoDate } from '@/lib/format';
import { SUICIDALITY } from '@/lib/clinical/suicidality';
import {
  addToCareTeam,
  createCareTeam,
  createCheckIn,
  createUser,
  daysFromToday,
  viewerFor,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

const FLAGS = '/api/v1/patients/{patientId}/safety-flags';

async function setUp() {
  const team = await createCareTeam(db, { passwordHash: null });
  return {
    ...team,
    patientCookie: await sessionCookie(team.patient),
    therapistCookie: await sessionCookie(team.therapist),
    prescriberCookie: await sessionCookie(team.prescriber),
  };
}
type T = Awaited<ReturnType<typeof setUp>>;

const list = (t: T, cookie: string, query: Record<string, string> = {}) =>
  callApi({ method: 'GET', path: FLAGS, params: { patientId: t.patient.id }, cookie, query });
const step = (
  t: T,
  cookie: string,
  flagId: string,
  verb: 'acknowledge' | 'resolve',
  body?: unknown,
) =>
  callApi({
    method: 'POST',
    path: `${FLAGS}/{flagId}/${verb}`,
    params: { patientId: t.patient.id, flagId },
    cookie,
    body,
  });
const resolution = { outcome: 'CONTACTED_PATIENT', note: 'Called her; safe, plan reviewed.' };

/** The patient answers a PHQ-9 through the API; returns the one new flag's id (or undefined). */
async function answerPhq9(t: T, answers: number[]) {
  const result = await callApi({
    method: 'POST',
    path: '/api/v1/patients/{patientId}/assessments',
    params: { patientId: t.patient.id },
    cookie: t.patientCookie,
    body: { instrument: 'PHQ9', answers },
  });
  expect(result.status).toBe(201);
  const flag = await db.safetyFlag.findFirst({
    where: { assessmentId: result.body.assessment.id },
    select: { id: true },
  });
  return flag?.id;
}

const inboxOf = (userId: string, safetyFlagId: string) =>
  db.notification.findMany({ where: { recipientId: userId, safetyFlagId } });

describe('safety flags raised by answers', () => {
  it('PHQ-9 item 9 above 0: URGENT, linked to the answers, an urgent inbox item for each clinician', async () => {
    const t = await setUp();
    const flagId = (await answerPhq9(t, [1, 1, 1, 1, 0, 0, 0, 0, 2]))!;
    const { status, body } = await list(t, t.therapistCookie);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: flagId,
      source: 'PHQ9_ITEM9',
      urgency: 'URGENT',
      status: 'OPEN',
      raisedBy: null,
      assessment: { instrument: 'PHQ9', answers: [1, 1, 1, 1, 0, 0, 0, 0, 2], score: 6 },
      checkIn: null,
    });
    for (const clinician of [t.therapist, t.prescriber]) {
      const items = await inboxOf(clinician.id, flagId);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ kind: 'SAFETY_FLAG_RAISED', urgent: true });
      expect(items[0]!.link).toBe(`/patients/${t.patient.id}#flag-${flagId}`);
    }
    expect(await inboxOf(t.patient.account.id, flagId)).toEqual([]);
  });

  it('PHQ-9 total 20 or more without item 9: HIGH', async () => {
    const t = await setUp();
    const flagId = await answerPhq9(t, [3, 3, 3, 3, 3, 3, 2, 0, 0]);
    const flag = await db.safetyFlag.findUniqueOrThrow({ where: { id: flagId } });
    expect(flag).toMatchObject({ source: 'PHQ9_TOTAL', urgency: 'HIGH', status: 'OPEN' });
    expect(await answerPhq9(t, [3, 3, 3, 3, 3, 3, 1, 0, 0])).toBeUndefined();
  });

  it('a severe side effect: HIGH, once per day even when the day’s check-in is replaced', async () => {
    const t = await setUp();
    const checkIn = (severity: string) =>
      callApi({
        method: 'POST',
        path: '/api/v1/patients/{patientId}/check-ins',
        params: { patientId: t.patient.id },
        cookie: t.patientCookie,
        body: {
          localDate: toIsoDate(new Date()),
          mood: 3,
          sideEffects: [{ name: 'Nausea', severity }],
        },
      });
    expect((await checkIn('SEVERE')).status).toBe(201);
    expect((await checkIn('SEVERE')).status).toBe(200);
    const flags = await list(t, t.prescriberCookie);
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0]).toMatchObject({
      source: 'SEVERE_SIDE_EFFECT',
      urgency: 'HIGH',
      assessment: null,
      checkIn: {
        localDate: toIsoDate(new Date()),
        sideEffects: [{ name: 'Nausea', severity: 'SEVERE' }],
      },
    });
  });
});

describe('thoughts of suicide or self-harm on a check-in', () => {
  type Effect = { name: string; severity: string };
  const checkIn = (t: T, sideEffects: Effect[], extra: object = {}) =>
    callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/check-ins',
      params: { patientId: t.patient.id },
      cookie: t.patientCookie,
      body: { localDate: toIsoDate(new Date()), mood: 3, sideEffects, ...extra },
    });
  const flagsOf = (patientId: string) =>
    db.safetyFlag.findMany({ where: { patientId }, orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }] });

  it('at mild severity: URGENT, in the care team’s words, linked to the check-in, an urgent inbox item for each clinician', async () => {
    const t = await setUp();
    // What the check-in's checkbox sends: the patient's words for "suicidal ideation".
    const result = await checkIn(t, [
      { name: 'Nausea', severity: 'MODERATE' },
      { name: SUICIDALITY.words, severity: 'MILD' },
    ]);
    expect(result.status).toBe(201);
    const { body } = await list(t, t.therapistCookie);
    expect(body.items).toHaveLength(1);
    const flag = body.items[0];
    expect(flag).toMatchObject({
      source: 'SUICIDALITY_SIDE_EFFECT',
      urgency: 'URGENT',
      status: 'OPEN',
      raisedBy: null,
      reason:
        'Thoughts of suicide or self-harm reported on the check-in: “Thoughts that life isn’t worth living, or of harming yourself” (mild).',
      assessment: null,
      checkIn: { id: result.body.checkIn.id, localDate: toIsoDate(new Date()) },
    });
    for (const clinician of [t.therapist, t.prescriber]) {
      const items = await inboxOf(clinician.id, flag.id);
      expect(items.map((n) => [n.kind, n.urgent, n.link])).toEqual([
        ['SAFETY_FLAG_RAISED', true, `/patients/${t.patient.id}#flag-${flag.id}`],
      ]);
      expect(items[0]!.summary).toBe(`Urgent safety flag: ${flag.reason}`);
    }
    expect(await inboxOf(t.patient.account.id, flag.id)).toEqual([]);
    // The caseload's safety flag shows it like any other.
    const caseload = await db.$transaction((tx) =>
      flagsForPatients(tx, t.organization.id, [t.patient.id]),
    );
    expect(caseload.get(t.patient.id)?.map((f) => f.kind)).toContain('SAFETY');
  });

  it('once per day’s check-in: replacing the day’s check-in raises no second flag; another day’s does', async () => {
    const t = await setUp();
    expect((await checkIn(t, [{ name: 'Insomnia', severity: 'MILD' }])).status).toBe(201);
    expect(await flagsOf(t.patient.id)).toEqual([]);
    // Added by a replacement of the day: raised then.
    expect((await checkIn(t, [{ name: 'suicidal ideation', severity: 'MODERATE' }])).status).toBe(
      200,
    );
    expect((await checkIn(t, [{ name: 'Suicidal ideation', severity: 'MILD' }])).status).toBe(200);
    expect((await checkIn(t, [{ name: 'SI', severity: 'SEVERE' }])).status).toBe(200);
    const today = await flagsOf(t.patient.id);
    expect(today.map((f) => [f.source, f.reason])).toEqual([
      [
        'SUICIDALITY_SIDE_EFFECT',
        'Thoughts of suicide or self-harm reported on the check-in: “suicidal ideation” (moderate).',
      ],
    ]);
    // Acknowledged and resolved, the day's check-in replaced again still raises nothing new.
    expect((await step(t, t.therapistCookie, today[0]!.id, 'acknowledge')).status).toBe(200);
    expect((await step(t, t.therapistCookie, today[0]!.id, 'resolve', resolution)).status).toBe(
      200,
    );
    expect((await checkIn(t, [{ name: 'SI', severity: 'MILD' }])).status).toBe(200);
    expect(await flagsOf(t.patient.id)).toHaveLength(1);
    // Yesterday's check-in (as the seed and factories record it): a flag of its own.
    await createCheckIn(db, t.patient, {
      localDate: daysFromToday(-1),
      sideEffects: [{ name: 'Suicidal thoughts', severity: 'MILD' }],
    });
    expect((await flagsOf(t.patient.id)).map((f) => f.source)).toEqual([
      'SUICIDALITY_SIDE_EFFECT',
      'SUICIDALITY_SIDE_EFFECT',
    ]);
  });

  it('severe: one flag, not a severe side-effect flag too; another severe side effect keeps its own', async () => {
    const t = await setUp();
    expect((await checkIn(t, [{ name: 'Suicidality', severity: 'SEVERE' }])).status).toBe(201);
    expect((await flagsOf(t.patient.id)).map((f) => [f.source, f.urgency])).toEqual([
      ['SUICIDALITY_SIDE_EFFECT', 'URGENT'],
    ]);

    const u = await setUp();
    expect(
      (
        await checkIn(u, [
          { name: 'Rash', severity: 'SEVERE' },
          { name: 'Suicidal thoughts', severity: 'SEVERE' },
        ])
      ).status,
    ).toBe(201);
    const flags = await flagsOf(u.patient.id);
    expect(flags.map((f) => [f.source, f.urgency, f.reason]).sort()).toEqual([
      ['SEVERE_SIDE_EFFECT', 'HIGH', 'Severe side effect reported: Rash.'],
      [
        'SUICIDALITY_SIDE_EFFECT',
        'URGENT',
        'Thoughts of suicide or self-harm reported on the check-in: “Suicidal thoughts” (severe).',
      ],
    ]);
  });

  it('raises nothing for other side effects, even ones that look alike', async () => {
    const t = await setUp();
    const result = await checkIn(t, [
      { name: 'Sinusitis', severity: 'MODERATE' },
      { name: 'SI joint pain', severity: 'MODERATE' },
      { name: 'SIADH', severity: 'MILD' },
      { name: 'Your mood getting worse', severity: 'MODERATE' },
    ]);
    expect(result.status).toBe(201);
    expect(await flagsOf(t.patient.id)).toEqual([]);
    expect(await db.notification.count({ where: { patientId: t.patient.id } })).toBe(0);
  });

  it('is written with the check-in or not at all: an invalid check-in raises nothing', async () => {
    const t = await setUp();
    const bad = await checkIn(t, [{ name: 'Suicidal ideation', severity: 'MILD' }], {
      measures: [{ goalKey: '2b0d6c1e-0000-4000-8000-000000000000', value: 1 }],
    });
    expect(bad.status).toBe(400);
    expect(await db.checkIn.count({ where: { patientId: t.patient.id } })).toBe(0);
    expect(await flagsOf(t.patient.id)).toEqual([]);
  });

  it('stays in the patient’s organization: the flag and its inbox items are theirs alone', async () => {
    const t = await setUp();
    const elsewhere = await createCareTeam(db, { passwordHash: null });
    const neighbour = await createCareTeam(db, {
      organization: t.organization,
      passwordHash: null,
    });
    expect((await checkIn(t, [{ name: 'SI', severity: 'MILD' }])).status).toBe(201);
    const [flag] = await flagsOf(t.patient.id);
    expect(flag).toMatchObject({ organizationId: t.organization.id, patientId: t.patient.id });
    const told = await db.notification.findMany({
      where: { safetyFlagId: flag!.id },
      select: { recipientId: true, organizationId: true, patientId: true },
    });
    expect(told.map((n) => n.recipientId).sort()).toEqual([t.prescriber.id, t.therapist.id].sort());
    expect(told.every((n) => n.organizationId === t.organization.id)).toBe(true);
    expect(told.every((n) => n.patientId === t.patient.id)).toBe(true);
    for (const other of [elsewhere, neighbour]) {
      expect(await flagsOf(other.patient.id)).toEqual([]);
      const cookie = await sessionCookie(other.therapist);
      expect((await list(t, cookie)).status).toBe(404);
      expect((await step(t, cookie, flag!.id, 'acknowledge')).status).toBe(404);
    }
  });
});

describe('a clinician raising a flag', () => {
  it('raises it with their urgency and reason; the rest of the team is told, the clinician is not', async () => {
    const t = await setUp();
    const raised = await callApi({
      method: 'POST',
      path: FLAGS,
      params: { patientId: t.patient.id },
      cookie: t.therapistCookie,
      body: { urgency: 'URGENT', reason: '  Said on the phone she has a plan.  ' },
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      source: 'CLINICIAN',
      urgency: 'URGENT',
      status: 'OPEN',
      reason: 'Said on the phone she has a plan.',
      raisedBy: { id: t.therapist.id, role: 'THERAPIST' },
    });
    expect(await inboxOf(t.therapist.id, raised.body.id)).toEqual([]);
    expect(await inboxOf(t.prescriber.id, raised.body.id)).toHaveLength(1);
    const audits = await db.auditEvent.findMany({
      where: { actorId: t.therapist.id, resourceType: 'safetyFlag', action: 'create' },
    });
    expect(audits).toEqual([
      expect.objectContaining({ resourceId: raised.body.id, outcome: 'ALLOWED' }),
    ]);
  });

  it('refuses a blank or over-long reason (400 on the field) and creates nothing', async () => {
    const t = await setUp();
    for (const reason of ['   ', 'x'.repeat(1001)]) {
      const refused = await callApi({
        method: 'POST',
        path: FLAGS,
        params: { patientId: t.patient.id },
        cookie: t.prescriberCookie,
        body: { urgency: 'HIGH', reason },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    }
    expect(await db.safetyFlag.count({ where: { patientId: t.patient.id } })).toBe(0);
  });
});

describe('the lifecycle', () => {
  it('OPEN → ACKNOWLEDGED → RESOLVED, who and when recorded, every wrong step 409', async () => {
    const t = await setUp();
    const flagId = (await answerPhq9(t, [0, 0, 0, 0, 0, 0, 0, 0, 1]))!;

    const early = await step(t, t.therapistCookie, flagId, 'resolve', resolution);
    expect(early.status).toBe(409);
    expect(early.body.detail).toBe('Acknowledge this flag before resolving it.');

    const ack = await step(t, t.therapistCookie, flagId, 'acknowledge');
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: { id: t.therapist.id, name: t.therapist.name },
    });
    expect((await step(t, t.prescriberCookie, flagId, 'acknowledge')).status).toBe(409);
    // The actor's own urgent item is read; the prescriber hears about the acknowledgement.
    const own = await inboxOf(t.therapist.id, flagId);
    expect(own.map((item) => item.kind)).toEqual(['SAFETY_FLAG_RAISED']);
    expect(own.every((item) => item.readAt !== null)).toBe(true);
    const told = await inboxOf(t.prescriber.id, flagId);
    expect(told.map((item) => item.kind).sort()).toEqual([
      'SAFETY_FLAG_ACKNOWLEDGED',
      'SAFETY_FLAG_RAISED',
    ]);

    const missing = await step(t, t.prescriberCookie, flagId, 'resolve', {
      outcome: 'OTHER',
      note: ' ',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['note']);
    // The refused resolve is audited as a resolve of that flag (the earlier 409s are there too).
    const refusals = await db.auditEvent.findMany({
      where: { actorId: t.prescriber.id, resourceType: 'safetyFlag', outcome: 'FAILED' },
    });
    expect(refusals).toContainEqual(
      expect.objectContaining({ action: 'resolve', resourceId: flagId, detail: 'invalid-input' }),
    );
    const noOutcome = await step(t, t.prescriberCookie, flagId, 'resolve', { note: 'Done.' });
    expect(noOutcome.status).toBe(400);
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: flagId } })).status).toBe(
      'ACKNOWLEDGED',
    );

    const resolved = await step(t, t.prescriberCookie, flagId, 'resolve', resolution);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'RESOLVED',
      resolvedBy: { id: t.prescriber.id },
      outcome: 'CONTACTED_PATIENT',
      resolutionNote: resolution.note,
    });
    const kinds = async (userId: string) =>
      (await inboxOf(userId, flagId)).map((item) => item.kind).sort();
    expect(await kinds(t.prescriber.id)).toEqual([
      'SAFETY_FLAG_ACKNOWLEDGED',
      'SAFETY_FLAG_RAISED',
    ]);
    expect(await kinds(t.therapist.id)).toEqual(['SAFETY_FLAG_RAISED', 'SAFETY_FLAG_RESOLVED']);
    const again = await step(t, t.therapistCookie, flagId, 'resolve', resolution);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe('This flag has already been resolved.');
    expect((await step(t, t.therapistCookie, flagId, 'acknowledge')).status).toBe(409);

    expect((await list(t, t.therapistCookie)).body.items).toEqual([]);
    const history = await list(t, t.therapistCookie, { status: 'resolved' });
    expect(history.body.items.map((f: { id: string }) => f.id)).toEqual([flagId]);
    expect((await list(t, t.therapistCookie, { status: 'all' })).body.items).toHaveLength(1);

    const audits = await db.auditEvent.findMany({
      where: { patientId: t.patient.id, resourceType: 'safetyFlag', outcome: 'ALLOWED' },
      select: { action: true, resourceId: true },
    });
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'acknowledge', resourceId: flagId },
        { action: 'resolve', resourceId: flagId },
      ]),
    );
  });

  it('two clinicians acknowledging at once: exactly one 200, one 409', async () => {
    const t = await setUp();
    const flagId = (await answerPhq9(t, [0, 0, 0, 0, 0, 0, 0, 0, 3]))!;
    const answers = await Promise.all([
      step(t, t.therapistCookie, flagId, 'acknowledge'),
      step(t, t.prescriberCookie, flagId, 'acknowledge'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('a flag of another patient is 404, even to a clinician on both teams', async () => {
    const t = await setUp();
    const other = await createCareTeam(db, { organization: t.organization, passwordHash: null });
    await addToCareTeam(db, other.patient, t.therapist);
    const otherFlag = (
      await db.safetyFlag.create({
        data: {
          patientId: other.patient.id,
          organizationId: t.organization.id,
          source: 'CLINICIAN',
          urgency: 'HIGH',
          reason: 'Other patient.',
        },
      })
    ).id;
    expect((await step(t, t.therapistCookie, otherFlag, 'acknowledge')).status).toBe(404);
    expect((await db.safetyFlag.findUniqueOrThrow({ where: { id: otherFlag } })).status).toBe(
      'OPEN',
    );
  });

  it('refuses the patient (403), an admin (403) and a clinician off the team (404)', async () => {
    const t = await setUp();
    const flagId = (await answerPhq9(t, [0, 0, 0, 0, 0, 0, 0, 0, 1]))!;
    const admin = await createUser(db, t.organization, { role: 'ADMIN', passwordHash: null });
    const stranger = await createUser(db, t.organization, {
      role: 'THERAPIST',
      passwordHash: null,
    });
    expect((await step(t, t.patientCookie, flagId, 'acknowledge')).status).toBe(403);
    expect((await step(t, await sessionCookie(admin), flagId, 'acknowledge')).status).toBe(403);
    expect((await step(t, await sessionCookie(stranger), flagId, 'acknowledge')).status).toBe(404);
    expect((await list(t, await sessionCookie(admin))).status).toBe(403);
  });
});

describe('what the patient sees', () => {
  it('the status of what their answers raised, never the reason, who, the outcome or the note', async () => {
    const t = await setUp();
    const flagId = (await answerPhq9(t, [0, 0, 0, 0, 0, 0, 0, 0, 2]))!;
    await callApi({
      method: 'POST',
      path: FLAGS,
      params: { patientId: t.patient.id },
      cookie: t.therapistCookie,
      body: { urgency: 'HIGH', reason: 'Clinician concern.' },
    });
    const patient = viewerFor(t.patient);
    const waiting = await list(t, t.patientCookie);
    expect(waiting.status).toBe(200);
    expect(waiting.body.items).toEqual([
      { id: flagId, raisedAt: expect.any(String), status: 'WAITING' },
    ]);
    expect(await getSafetyFlagStatus(patient, t.patient.id)).toMatchObject({ status: 'WAITING' });

    await step(t, t.therapistCookie, flagId, 'acknowledge');
    expect(await getSafetyFlagStatus(patient, t.patient.id)).toMatchObject({ status: 'SEEN' });
    await step(t, t.therapistCookie, flagId, 'resolve', resolution);
    const seen = await list(t, t.patientCookie, { status: 'all' });
    expect(seen.body.items).toEqual([{ id: flagId, raisedAt: expect.any(String), status: 'SEEN' }]);
    for (const secret of [
      'item 9',
      'Clinician concern',
      resolution.note,
      t.therapist.name,
      'CONTACTED',
    ]) {
      expect(seen.text).not.toContain(secret);
    }
    expect(await getSafetyFlagStatus(patient, t.patient.id)).toMatchObject({ status: 'SEEN' });
    const later = new Date(Date.now() + 15 * 86_400_000);
    expect(await getSafetyFlagStatus(patient, t.patient.id, later)).toEqual({
      status: null,
      raisedAt: null,
    });

    const log = await listAccessLog(patient, t.patient.id);
    const summaries = log.items.map((entry) => entry.summary);
    expect(summaries).toContain(
      `${t.therapist.name}, your therapist, saw a safety alert and is following up.`,
    );
    expect(summaries).toContain(
      `${t.therapist.name}, your therapist, closed a safety alert after following up.`,
    );
  });

  it('is the patient’s alone: clinicians and admins are refused the status read', async () => {
    const t = await setUp();
    await expect(getSafetyFlagStatus(viewerFor(t.therapist), t.patient.id)).rejects.toThrow();
  });
});

describe('where a flag shows through its life', () => {
  const caseloadFlag = async (t: T) =>
    (await db.$transaction((tx) => flagsForPatients(tx, t.organization.id, [t.patient.id])))
      .get(t.patient.id)
      ?.find((flag) => flag.kind === 'SAFETY');

  it('the caseload and the brief say its status; once resolved, they clear', async () => {
    const t = await setUp();
    const therapist = viewerFor(t.therapist);
    const flagId = (await answerPhq9(t, [0, 0, 0, 0, 0, 0, 0, 0, 1]))!;
    expect((await caseloadFlag(t))?.label).toBe('Safety flag · 0 min · not yet acknowledged');
    expect((await getBrief(therapist, t.patient.id)).openSafetyFlags).toEqual([
      expect.objectContaining({ id: flagId, status: 'OPEN', urgency: 'URGENT' }),
    ]);
    await step(t, t.therapistCookie, flagId, 'acknowledge');
    expect((await caseloadFlag(t))?.label).toBe('Safety flag · 0 min · acknowledged');
    expect((await getBrief(therapist, t.patient.id)).openSafetyFlags[0]?.status).toBe(
      'ACKNOWLEDGED',
    );
    await step(t, t.therapistCookie, flagId, 'resolve', resolution);
    expect(await caseloadFlag(t)).toBeUndefined();
    expect((await getBrief(therapist, t.patient.id)).openSafetyFlags).toEqual([]);
  });

  it('the timeline: raised, acknowledged and resolved for the team; the patient only that it was seen', async () => {
    const t = await setUp();
    const flagId = (await answerPhq9(t, [0, 0, 0, 0, 0, 0, 0, 0, 2]))!;
    await step(t, t.therapistCookie, flagId, 'acknowledge');
    await step(t, t.prescriberCookie, flagId, 'resolve', resolution);

    const team = await getTimeline(viewerFor(t.therapist), t.patient.id, { limit: 100 });
    const moments = team.items.filter((item) => item.id === flagId);
    expect(moments.map((item) => [item.kind, item.actor])).toEqual([
      ['safetyFlagResolved', t.prescriber.name],
      ['safetyFlagAcknowledged', t.therapist.name],
      ['safetyFlagRaised', null],
    ]);
    expect(moments[0]).toMatchObject({
      title: 'Safety flag resolved: contacted the patient',
      detail: resolution.note,
    });

    const own = await getTimeline(viewerFor(t.patient), t.patient.id, { limit: 100 });
    const seen = own.items.filter((item) => item.id === flagId);
    expect(seen).toEqual([
      expect.objectContaining({
        kind: 'safetyFlagAcknowledged',
        title: 'Your care team saw your answer',
        detail: null,
        actor: null,
      }),
    ]);
    const text = JSON.stringify(own);
    for (const secret of [resolution.note, 'item 9', t.therapist.name, 'contacted']) {
      expect(text).not.toContain(secret);
    }
  });
});
