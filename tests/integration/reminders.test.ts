import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { runReminders } from '@/lib/data/reminders';
import {
  acknowledgePlan,
  addTreatmentPlanVersion,
  createAssessment,
  createCareTeam,
  createCheckIn,
  createTreatmentPlan,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

// The patient's reminders: the settings API (the patient alone) and the tick, with a moved clock,
// in the patient's own time zone across the daylight-saving changes, and far from UTC.

type Team = Awaited<ReturnType<typeof createCareTeam>>;

async function team(timeZone = 'America/New_York'): Promise<Team> {
  const t = await createCareTeam(db, { passwordHash: null });
  await db.user.update({ where: { id: t.patient.userId }, data: { timeZone } });
  return t;
}

async function setReminders(
  t: Team,
  settings: Partial<{
    checkInReminder: boolean;
    checkInHour: number;
    questionnaireReminder: boolean;
    planReminder: boolean;
  }>,
) {
  await db.reminderSettings.upsert({
    where: { patientId: t.patient.id },
    create: { patientId: t.patient.id, organizationId: t.organization.id, ...settings },
    update: settings,
  });
}

const tick = (t: Team, at: string) =>
  runReminders(new Date(at), { organizationId: t.organization.id });

async function emails(t: Team, purpose?: string) {
  const rows = await db.emailOutbox.findMany({
    where: { organizationId: t.organization.id, ...(purpose ? { purpose: purpose as never } : {}) },
    orderBy: { createdAt: 'asc' },
    select: { purpose: true, dedupeKey: true, recipientId: true, toAddress: true, text: true },
  });
  return rows;
}

const checkInKeys = async (t: Team) =>
  (await emails(t, 'CHECK_IN_REMINDER')).map((e) => e.dedupeKey);

describe('the reminders API', () => {
  it('answers the defaults, saves the whole set, refuses a bad hour and audits each access', async () => {
    const t = await team('Asia/Kolkata');
    const cookie = await sessionCookie(t.patient);
    const path = '/api/v1/patients/{patientId}/reminders';
    const params = { patientId: t.patient.id };
    const first = await callApi({ method: 'GET', path, params, cookie });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      checkInReminder: true,
      checkInHour: 19,
      questionnaireReminder: true,
      planReminder: true,
      appointmentReminders: true,
      timeZone: 'Asia/Kolkata',
      updatedAt: null,
    });
    const body = { ...(first.body as object), checkInHour: 8, planReminder: false };
    const saved = await callApi({ method: 'PUT', path, params, cookie, body });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      checkInHour: 8,
      planReminder: false,
      timeZone: 'Asia/Kolkata',
    });

    for (const bad of [24, -1, 7.5, '8']) {
      const refused = await callApi({
        method: 'PUT',
        path,
        params,
        cookie,
        body: { ...body, checkInHour: bad },
      });
      expect(refused.status).toBe(400);
    }
    expect(
      await db.reminderSettings.findUnique({ where: { patientId: t.patient.id } }),
    ).toMatchObject({
      checkInHour: 8,
      planReminder: false,
    });
    const audit = await db.auditEvent.findMany({
      where: { actorId: t.patient.userId, resourceType: 'reminderSettings', outcome: 'ALLOWED' },
      orderBy: { seq: 'asc' },
      select: { action: true, patientId: true },
    });
    expect(audit).toEqual([
      { action: 'read', patientId: t.patient.id },
      { action: 'update', patientId: t.patient.id },
    ]);
    // The care team does not read them (403), nor does anyone change them for the patient.
    const therapist = await sessionCookie(t.therapist);
    expect((await callApi({ method: 'GET', path, params, cookie: therapist })).status).toBe(403);
  });

  it('turns appointment reminders off; a client that leaves them out keeps them as they were', async () => {
    const t = await team();
    const cookie = await sessionCookie(t.patient);
    const path = '/api/v1/patients/{patientId}/reminders';
    const params = { patientId: t.patient.id };
    const set = { checkInReminder: true, checkInHour: 19, questionnaireReminder: true };
    const off = await callApi({
      method: 'PUT',
      path,
      params,
      cookie,
      body: { ...set, planReminder: true, appointmentReminders: false },
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ appointmentReminders: false });
    const older = await callApi({
      method: 'PUT',
      path,
      params,
      cookie,
      body: { ...set, planReminder: false },
    });
    expect(older.status).toBe(200);
    expect(older.body).toMatchObject({ planReminder: false, appointmentReminders: false });
    const bad = await callApi({
      method: 'PUT',
      path,
      params,
      cookie,
      body: { ...set, planReminder: true, appointmentReminders: 'no' },
    });
    expect(bad.status).toBe(400);
  });
});

describe('the check-in reminder', () => {
  it('lands at 19:00 New York time across the March change: 00:00Z before, 23:00Z after', async () => {
    const t = await team();
    await setReminders(t, { questionnaireReminder: false, planReminder: false });
    expect(await tick(t, '2026-03-07T23:59:00Z')).toBe(0); // 18:59 EST
    expect(await tick(t, '2026-03-08T00:00:00Z')).toBe(1); // 19:00 EST, 7 March
    expect(await tick(t, '2026-03-08T00:01:00Z')).toBe(0); // once a day
    expect(await tick(t, '2026-03-08T22:59:00Z')).toBe(0); // 18:59 EDT, 8 March
    expect(await tick(t, '2026-03-08T23:00:00Z')).toBe(1); // 19:00 EDT
    expect(await tick(t, '2026-03-09T00:00:00Z')).toBe(0); // 20:00 EDT
    expect(await checkInKeys(t)).toEqual([
      `check-in:${t.patient.id}:2026-03-07`,
      `check-in:${t.patient.id}:2026-03-08`,
    ]);
    const [email] = await emails(t);
    expect(email).toMatchObject({
      recipientId: t.patient.userId,
      toAddress: t.patient.account.email,
    });
    expect(email!.text).not.toContain(t.patient.account.name);
  });

  it('lands at 23:00Z before the November change and 00:00Z after it', async () => {
    const t = await team();
    await setReminders(t, { questionnaireReminder: false, planReminder: false });
    expect(await tick(t, '2026-10-31T23:00:00Z')).toBe(1); // 19:00 EDT
    expect(await tick(t, '2026-11-01T23:00:00Z')).toBe(0); // 18:00 EST
    expect(await tick(t, '2026-11-02T00:00:00Z')).toBe(1); // 19:00 EST
    expect(await checkInKeys(t)).toEqual([
      `check-in:${t.patient.id}:2026-10-31`,
      `check-in:${t.patient.id}:2026-11-01`,
    ]);
  });

  it('is skipped on a local day already checked in, and when turned off', async () => {
    const t = await team();
    await setReminders(t, { questionnaireReminder: false, planReminder: false });
    // Checked in on 5 March, their day; 19:00 EST on 5 March is 00:00Z on 6 March.
    await createCheckIn(db, t.patient, { localDate: new Date('2026-03-05T00:00:00Z') });
    expect(await tick(t, '2026-03-06T00:00:00Z')).toBe(0);
    expect(await tick(t, '2026-03-07T00:00:00Z')).toBe(1);
    await setReminders(t, { checkInReminder: false });
    expect(await tick(t, '2026-03-08T00:00:00Z')).toBe(0);
    expect(await checkInKeys(t)).toEqual([`check-in:${t.patient.id}:2026-03-06`]);
  });

  it('follows a zone far from UTC: 08:00 in Kolkata is 02:30Z, 07:00 in Auckland the day before in UTC', async () => {
    const kolkata = await team('Asia/Kolkata');
    await setReminders(kolkata, {
      checkInHour: 8,
      questionnaireReminder: false,
      planReminder: false,
    });
    expect(await tick(kolkata, '2026-06-01T02:29:00Z')).toBe(0);
    expect(await tick(kolkata, '2026-06-01T02:30:00Z')).toBe(1);
    expect(await checkInKeys(kolkata)).toEqual([`check-in:${kolkata.patient.id}:2026-06-01`]);

    const auckland = await team('Pacific/Auckland');
    await setReminders(auckland, {
      checkInHour: 7,
      questionnaireReminder: false,
      planReminder: false,
    });
    expect(await tick(auckland, '2026-06-01T19:00:00Z')).toBe(1);
    expect(await checkInKeys(auckland)).toEqual([`check-in:${auckland.patient.id}:2026-06-02`]);
  });

  it('is still sent by a runner back within the first 15 minutes of the hour, not later', async () => {
    const late = await team();
    await setReminders(late, { questionnaireReminder: false, planReminder: false });
    expect(await tick(late, '2026-03-08T00:15:00Z')).toBe(0); // 19:15 EST: the hour's window is over
    const back = await team();
    await setReminders(back, { questionnaireReminder: false, planReminder: false });
    expect(await tick(back, '2026-03-08T00:14:00Z')).toBe(1);
  });

  it('sends nothing to a disabled patient account', async () => {
    const t = await team();
    await db.user.update({ where: { id: t.patient.userId }, data: { disabledAt: new Date() } });
    expect(await tick(t, '2026-03-08T00:00:00Z')).toBe(0);
  });
});

describe('the questionnaire and plan reminders', () => {
  it('reminds once per due period of the PHQ-9 and GAD-7, at the patient’s hour', async () => {
    const t = await team('UTC');
    await setReminders(t, { checkInReminder: false, planReminder: false, checkInHour: 9 });
    // Never done: one reminder for the first ones, not again the next day.
    expect(await tick(t, '2026-03-01T09:00:00Z')).toBe(1);
    expect(await tick(t, '2026-03-02T09:00:00Z')).toBe(0);
    await createAssessment(db, t.patient, {
      instrument: 'PHQ9',
      completedAt: new Date('2026-03-02T10:00:00Z'),
    });
    await createAssessment(db, t.patient, {
      instrument: 'GAD7',
      completedAt: new Date('2026-03-02T10:05:00Z'),
    });
    // Due again 14 days later (no plan: the default interval).
    expect(await tick(t, '2026-03-15T09:00:00Z')).toBe(0);
    expect(await tick(t, '2026-03-16T08:00:00Z')).toBe(0);
    expect(await tick(t, '2026-03-16T09:00:00Z')).toBe(1);
    expect(await tick(t, '2026-03-17T09:00:00Z')).toBe(0);
    expect((await emails(t, 'QUESTIONNAIRE_REMINDER')).map((e) => e.dedupeKey)).toEqual([
      `questionnaire:${t.patient.id}:first`,
      `questionnaire:${t.patient.id}:2026-03-16`,
    ]);
  });

  it('reminds of a new plan version not read a day after it was made, once per version', async () => {
    const t = await team('UTC');
    await setReminders(t, { checkInReminder: false, questionnaireReminder: false, checkInHour: 9 });
    const plan = await createTreatmentPlan(db, t.patient, t.prescriber, {
      createdAt: new Date('2026-04-01T12:00:00Z'),
    });
    expect(await tick(t, '2026-04-02T09:00:00Z')).toBe(0); // not a day yet
    expect(await tick(t, '2026-04-03T09:00:00Z')).toBe(1);
    expect(await tick(t, '2026-04-04T09:00:00Z')).toBe(0);
    await acknowledgePlan(db, t.patient, plan.version, new Date('2026-04-04T10:00:00Z'));
    const second = await addTreatmentPlanVersion(db, { id: plan.version.planId }, t.prescriber, {
      createdAt: new Date('2026-04-05T12:00:00Z'),
    });
    expect(await tick(t, '2026-04-07T09:00:00Z')).toBe(1);
    await acknowledgePlan(db, t.patient, second.version, new Date('2026-04-07T10:00:00Z'));
    expect(await tick(t, '2026-04-08T09:00:00Z')).toBe(0);
    expect((await emails(t, 'PLAN_REMINDER')).map((e) => e.dedupeKey)).toEqual([
      `plan:${t.patient.id}:${plan.version.id}`,
      `plan:${t.patient.id}:${second.version.id}`,
    ]);
  });

  it('queues each reminder once when two servers run the same minute', async () => {
    const t = await team();
    const results = await Promise.all([
      tick(t, '2026-03-08T00:00:00Z'),
      tick(t, '2026-03-08T00:00:00Z'),
    ]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(2); // check-in + first questionnaires
    expect((await emails(t)).map((e) => e.purpose).sort()).toEqual([
      'CHECK_IN_REMINDER',
      'QUESTIONNAIRE_REMINDER',
    ]);
  });
});
