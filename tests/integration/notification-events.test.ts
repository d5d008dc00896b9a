import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { notifyTx } from '@/lib/data/notifications/notify';
import { toIsoDate } from '@/lib/format';
import {
  addToCareTeam,
  createAssessment,
  createCareTeam,
  createCheckIn,
  createSessionNote,
  createTreatmentPlan,
  createUser,
  type CareTeam,
} from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

// Every event that reaches a person's inbox: written in the event's transaction, for the people
// concerned at that moment, worded for each reader, never for the one who acted.

async function inboxOf(userId: string) {
  return db.notification.findMany({
    where: { recipientId: userId },
    // Items written in one transaction can share a createdAt: the kind (in its enum's order)
    // breaks the tie, so the order a test expects does not depend on the clock's resolution.
    orderBy: [{ createdAt: 'asc' }, { kind: 'asc' }],
    select: { kind: true, summary: true, link: true, urgent: true, patientId: true },
  });
}

/** A team with a second therapist, and a clinician whose membership has ended. */
async function team(): Promise<
  CareTeam & { otherTherapist: { id: string }; former: { id: string } }
> {
  const base = await createCareTeam(db, { passwordHash: null });
  const otherTherapist = await createUser(db, base.organization, { role: 'THERAPIST' });
  await addToCareTeam(db, base.patient, otherTherapist);
  const former = await createUser(db, base.organization, { role: 'PRESCRIBER' });
  await addToCareTeam(db, base.patient, former, { endedAt: new Date() });
  return { ...base, otherTherapist, former };
}

describe('inbox items of the everyday events', () => {
  it('tells the therapists and the patient of a medication change, in their own words', async () => {
    const t = await team();
    const prescriber = await sessionCookie(t.prescriber);
    const post = (body: object) =>
      callApi({
        method: 'POST',
        path: '/api/v1/patients/{patientId}/medication-changes',
        params: { patientId: t.patient.id },
        cookie: prescriber,
        body,
      });
    const today = toIsoDate(new Date());
    const start = {
      action: 'START',
      medication: 'Sertraline',
      dose: 50,
      unit: 'mg',
      frequency: 'once daily',
      route: 'oral',
      effectiveDate: today,
      reason: 'Moderate depression.',
      monitorFor: ['sleep'],
      noteForCareTeam: 'CARE-TEAM-ONLY ask about sleep.',
      patientExplanation: 'A low dose to start; it takes a few weeks.',
    };
    expect((await post(start)).status).toBe(201);

    for (const therapist of [t.therapist, t.otherTherapist]) {
      expect(await inboxOf(therapist.id)).toEqual([
        expect.objectContaining({
          kind: 'MEDICATION_CHANGE',
          summary: 'Medication change: Started Sertraline 50 mg.',
          link: `/patients/${t.patient.id}/medications`,
          urgent: false,
        }),
      ]);
    }
    const patientItems = await inboxOf(t.patient.userId);
    expect(patientItems).toEqual([
      expect.objectContaining({ kind: 'MEDICATION_CHANGE', link: '/my-care' }),
    ]);
    expect(patientItems[0]!.summary).toContain('A low dose to start');
    expect(JSON.stringify(patientItems)).not.toContain('CARE-TEAM-ONLY');
    // The prescriber who made it, and a clinician no longer on the team, are not told.
    expect(await inboxOf(t.prescriber.id)).toEqual([]);
    expect(await inboxOf(t.former.id)).toEqual([]);

    // A refused change (starting an active medication: 409) writes no item at all.
    expect((await post(start)).status).toBe(409);
    expect(await inboxOf(t.therapist.id)).toHaveLength(1);
  });

  it('tells the rest of the team of a message, and the team of the patient’s plan comment and review request', async () => {
    const t = await team();
    await createTreatmentPlan(db, t.patient, t.therapist, { prescriber: t.prescriber });
    const params = { patientId: t.patient.id };
    const message = await callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/messages',
      params,
      cookie: await sessionCookie(t.therapist),
      body: { body: 'Sleep is better.' },
    });
    expect(message.status).toBe(201);
    expect((await inboxOf(t.prescriber.id)).map((n) => n.kind)).toEqual(['CARE_TEAM_MESSAGE']);
    expect(await inboxOf(t.therapist.id)).toEqual([]);
    // The patient never reads the care-team thread, nor hears of it.
    expect(await inboxOf(t.patient.userId)).toEqual([]);

    const patient = await sessionCookie(t.patient);
    const comment = await callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/treatment-plan/comments',
      params,
      cookie: patient,
      body: { body: 'Could weekends be later?' },
    });
    expect(comment.status).toBe(201);
    const review = await callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/treatment-plan/review-requests',
      params,
      cookie: patient,
      body: { reason: 'TOO_COSTLY' },
    });
    expect(review.status).toBe(201);
    expect((await inboxOf(t.therapist.id)).map((n) => n.kind)).toEqual([
      'PLAN_COMMENT',
      'PLAN_REVIEW_REQUESTED',
    ]);
    expect(await inboxOf(t.patient.userId)).toEqual([]);

    // A clinician's reply reaches the patient.
    await callApi({
      method: 'POST',
      path: '/api/v1/patients/{patientId}/treatment-plan/comments',
      params,
      cookie: await sessionCookie(t.therapist),
      body: { body: 'Yes, up to an hour.' },
    });
    expect(await inboxOf(t.patient.userId)).toEqual([
      expect.objectContaining({ kind: 'PLAN_COMMENT', link: '/my-care/plan' }),
    ]);
  });

  it('tells the team and the patient of a new plan version', async () => {
    const t = await team();
    const therapist = await sessionCookie(t.therapist);
    const path = '/api/v1/patients/{patientId}/treatment-plan';
    const params = { patientId: t.patient.id };
    await createTreatmentPlan(db, t.patient, t.therapist, { prescriber: t.prescriber });
    const current = await callApi({ method: 'GET', path, params, cookie: therapist });
    const saved = await callApi({
      method: 'PUT',
      path,
      params,
      cookie: therapist,
      headers: { 'If-Match': current.headers.get('etag')! },
      body: { ...current.body.plan, reviewBy: '2031-01-31', changeSummary: 'Review moved.' },
    });
    expect(saved.status).toBe(200);
    expect(await inboxOf(t.prescriber.id)).toEqual([
      expect.objectContaining({
        kind: 'PLAN_VERSION',
        summary: 'Treatment plan version 2: Review moved.',
      }),
    ]);
    expect(await inboxOf(t.patient.userId)).toEqual([
      expect.objectContaining({
        kind: 'PLAN_VERSION',
        summary: 'Your treatment plan has a new version to read.',
      }),
    ]);
    expect(await inboxOf(t.therapist.id)).toEqual([]);
  });

  it('tells the patient of a signed note, and takes it back when the note is withheld', async () => {
    const t = await team();
    const shared = await createSessionNote(db, t.patient, t.therapist, { status: 'SIGNED' });
    const withheld = await createSessionNote(db, t.patient, t.therapist, {
      status: 'SIGNED',
      withheldReason: 'Clinical judgement.',
    });
    const items = await db.notification.findMany({ where: { recipientId: t.patient.userId } });
    expect(items.map((n) => [n.kind, n.subjectId])).toEqual([['SESSION_NOTE_SIGNED', shared.id]]);
    expect(items.some((n) => n.subjectId === withheld.id)).toBe(false);
    // Drafts tell nobody; the team is not told of signed notes (they read them in the brief).
    await createSessionNote(db, t.patient, t.therapist, { status: 'DRAFT' });
    expect(await inboxOf(t.prescriber.id)).toEqual([]);
  });

  it('tells the team when a questionnaire worsens by 5 points or more', async () => {
    const t = await team();
    await createAssessment(db, t.patient, { answers: [1, 1, 1, 1, 0, 0, 0, 0, 0] });
    await createAssessment(db, t.patient, { answers: [1, 1, 1, 1, 1, 1, 1, 1, 0] });
    expect(await inboxOf(t.prescriber.id)).toEqual([]);
    await createAssessment(db, t.patient, { answers: [2, 2, 2, 2, 2, 1, 1, 1, 0] });
    expect(await inboxOf(t.prescriber.id)).toEqual([
      expect.objectContaining({ kind: 'SCORE_WORSENED', summary: 'PHQ-9 rose from 8 to 13.' }),
    ]);
  });

  it('raises urgent and high flags with items for the whole active team', async () => {
    const t = await team();
    await createAssessment(db, t.patient, { answers: [1, 1, 1, 1, 0, 0, 0, 0, 1] });
    const urgent = await inboxOf(t.therapist.id);
    expect(urgent).toEqual([expect.objectContaining({ kind: 'SAFETY_FLAG_RAISED', urgent: true })]);
    expect(urgent[0]!.summary).toMatch(/^Urgent safety flag: PHQ-9 item 9/);
    expect(await inboxOf(t.former.id)).toEqual([]);
    expect(await inboxOf(t.patient.userId)).toEqual([]);

    await createAssessment(db, t.patient, { answers: [3, 3, 3, 3, 2, 2, 2, 2, 0] });
    await createCheckIn(db, t.patient, {
      sideEffects: [{ name: 'Rash', severity: 'SEVERE' }],
    });
    const flags = await db.safetyFlag.findMany({
      where: { patientId: t.patient.id },
      orderBy: { raisedAt: 'asc' },
    });
    expect(flags.map((f) => [f.source, f.urgency, f.status])).toEqual([
      ['PHQ9_ITEM9', 'URGENT', 'OPEN'],
      ['PHQ9_TOTAL', 'HIGH', 'OPEN'],
      ['SEVERE_SIDE_EFFECT', 'HIGH', 'OPEN'],
    ]);
    expect((await inboxOf(t.prescriber.id)).map((n) => [n.kind, n.urgent])).toEqual([
      ['SAFETY_FLAG_RAISED', true],
      ['SAFETY_FLAG_RAISED', false],
      ['SCORE_WORSENED', false],
      ['SEVERE_SIDE_EFFECT', false],
    ]);
  });

  it('writes nothing when the event’s transaction rolls back', async () => {
    const t = await team();
    await expect(
      db.$transaction(async (tx) => {
        await notifyTx(
          tx,
          t.patient,
          { careTeam: true },
          {
            kind: 'CARE_TEAM_MESSAGE',
            careTeamSummary: 'Never sent.',
            careTeamLink: '/',
          },
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await inboxOf(t.prescriber.id)).toEqual([]);
  });

  it('never reaches another organization', async () => {
    const t = await team();
    const elsewhere = await createCareTeam(db, { passwordHash: null });
    // The patient of another organization, named with this one's organization: nobody is found.
    const recipients = await db.$transaction((tx) =>
      notifyTx(
        tx,
        { id: elsewhere.patient.id, organizationId: t.organization.id },
        {
          careTeam: true,
          patient: true,
        },
        {
          kind: 'CARE_TEAM_MESSAGE',
          careTeamSummary: 'Crossed over.',
          careTeamLink: '/',
          patientSummary: 'Crossed over.',
          patientLink: '/',
        },
      ),
    );
    expect(recipients).toEqual([]);
    expect(await inboxOf(elsewhere.prescriber.id)).toEqual([]);
  });
});
