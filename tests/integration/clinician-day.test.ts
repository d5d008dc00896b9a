import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { bookAppointmentsTx } from '@/lib/data/appointments/book';
import { getClinicianDay } from '@/lib/data/appointments/day';
import { createSessionNote, updateSessionNote } from '@/lib/data/session-notes';
import { ConflictError, ForbiddenError, InvalidInputError } from '@/lib/errors';
import * as factories from '@/tests/factories';
import { daysFromToday } from '@/tests/factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

// Counts the statements sent to PostgreSQL (every pg client, including Prisma's adapter).
let statements = 0;
const original = pg.Client.prototype.query;
beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterAll(() => {
  pg.Client.prototype.query = original;
});

type Team = Awaited<ReturnType<typeof factories.createCareTeam>>;

async function book(
  team: Team,
  clinicianId: string,
  startsAt: Date,
  kind: 'THERAPY' | 'MEDICATION_MANAGEMENT' | 'INTAKE' = 'THERAPY',
  patient = team.patient,
) {
  const { ids } = await bookAppointmentsTx(db, patient, clinicianId, {
    clinicianId,
    startsAt,
    durationMinutes: 50,
    kind,
    modality: 'PHONE',
    timeZone: 'America/New_York',
  });
  return ids[0]!;
}

const CANCELLED = {
  status: 'CANCELLED' as const,
  cancelledAt: new Date(),
  cancelReason: 'The patient is travelling.',
};

/** The top of the current hour: a visit that has begun. */
const thisHour = () => new Date(Math.floor(Date.now() / HOUR) * HOUR);

describe('the clinician’s day', () => {
  it('lists the viewer’s visits in order with what changed since their last completed session', async () => {
    const team = await factories.createCareTeam(db, { passwordHash: null });
    const { patient, prescriber, therapist } = team;
    // Last week's session, completed: the window starts at its end.
    const last = await book(team, therapist.id, new Date(thisHour().getTime() - 7 * DAY));
    await db.appointment.update({
      where: { id: last },
      data: { status: 'COMPLETED', completedAt: new Date(thisHour().getTime() - 7 * DAY + HOUR) },
    });
    await factories.recordMedicationChanges(db, patient, prescriber, [
      { action: 'START', medication: 'Sertraline', dose: 50, unit: 'mg', createdAt: ago(20 * DAY) },
      {
        action: 'INCREASE',
        medication: 'Sertraline',
        dose: 100,
        unit: 'mg',
        createdAt: ago(2 * HOUR),
      },
    ]);
    await factories.createAssessment(db, patient, {
      instrument: 'PHQ9',
      answers: [2, 2, 2, 1, 1, 1, 1, 1, 0],
      completedAt: ago(10 * DAY),
    });
    // 9, with item 9 above 0: raises a safety flag.
    await factories.createAssessment(db, patient, {
      instrument: 'PHQ9',
      answers: [1, 1, 1, 1, 1, 1, 1, 1, 1],
      completedAt: ago(DAY),
    });
    await factories.createCheckIns(db, patient, [
      { localDate: daysFromToday(-1), createdAt: ago(DAY) },
      { localDate: daysFromToday(-2), createdAt: ago(2 * DAY) },
    ]);
    const plan = await factories.createTreatmentPlan(db, patient, therapist, {
      createdAt: ago(30 * DAY),
    });
    await factories.createPlanReviewRequest(db, patient, plan.plan, { createdAt: ago(DAY) });
    await factories.createPlanReviewRequest(db, patient, plan.plan, {
      createdAt: ago(3 * DAY),
      resolvedBy: therapist,
    });
    await factories.createPsychotherapyNote(db, patient, therapist, { body: 'PSYNOTE-MARKER-day' });

    const later = await book(team, therapist.id, new Date(thisHour().getTime() + 2 * HOUR));
    const now = await book(team, therapist.id, thisHour());
    const cancelled = await book(team, therapist.id, new Date(thisHour().getTime() + 4 * HOUR));
    await db.appointment.update({ where: { id: cancelled }, data: CANCELLED });
    // The prescriber's visit is on the prescriber's day, not the therapist's.
    await book(team, prescriber.id, new Date(thisHour().getTime() + HOUR), 'MEDICATION_MANAGEMENT');

    const span = { from: ago(6 * HOUR), to: new Date(Date.now() + 6 * HOUR) };
    const viewer = factories.viewerFor(therapist);
    const before = await db.auditEvent.count({ where: { actorId: therapist.id } });
    const day = await getClinicianDay(viewer, span);
    const after = await db.auditEvent.count({ where: { actorId: therapist.id } });

    expect(day.visits.map((v) => v.id)).toEqual([now, later]);
    const { headline } = day.visits[0]!;
    expect(headline.sinceSource).toBe('LAST_COMPLETED_APPOINTMENT');
    expect(headline.medicationChanges).toEqual({
      count: 1,
      latestTitle: 'Increased Sertraline to 100 mg',
    });
    expect(headline.safetyFlags).toEqual({ open: 1, urgent: expect.any(Boolean) });
    expect(headline.scores).toEqual([
      { instrument: 'PHQ9', latest: 9, before: 11, change: -2 },
      { instrument: 'GAD7', latest: null, before: null, change: null },
    ]);
    // Seven days back to today (8 days), check-ins on two of them.
    expect(headline.missedCheckInDays).toBe(6);
    expect(headline.openReviewRequests).toBe(1);
    expect(JSON.stringify(day)).not.toContain('PSYNOTE-MARKER');
    // One audit event for the view, a list of the brief naming the patients shown.
    expect(after - before).toBe(1);
    const event = await db.auditEvent.findFirst({
      where: { actorId: therapist.id },
      orderBy: { occurredAt: 'desc' },
    });
    expect(event).toMatchObject({
      action: 'list',
      resourceType: 'brief',
      patientId: null,
      patientIds: [patient.id],
    });

    // Without a completed session or a signed note, the prescriber's window is 30 days.
    const prescribers = await getClinicianDay(factories.viewerFor(prescriber), span);
    expect(prescribers.visits).toHaveLength(1);
    expect(prescribers.visits[0]!.headline.sinceSource).toBe('DEFAULT_30_DAYS');
    expect(prescribers.visits[0]!.headline.medicationChanges.count).toBe(2);
  });

  it('asks a fixed number of queries per visit, whatever the history’s length', async () => {
    const measure = async (changes: number) => {
      const team = await factories.createCareTeam(db, { passwordHash: null });
      await factories.recordMedicationChanges(
        db,
        team.patient,
        team.prescriber,
        Array.from({ length: changes }, (_, i) => ({
          action: i === 0 ? ('START' as const) : ('INCREASE' as const),
          medication: 'Sertraline',
          dose: 25 + i * 25,
          unit: 'mg',
          createdAt: ago((changes - i) * HOUR),
        })),
      );
      await book(team, team.therapist.id, thisHour());
      const span = { from: ago(6 * HOUR), to: new Date(Date.now() + 6 * HOUR) };
      statements = 0;
      await getClinicianDay(factories.viewerFor(team.therapist), span);
      return statements;
    };
    expect(await measure(8)).toBe(await measure(2));
  });

  it('shows only patients on the viewer’s active care teams, and nothing to patients or admins', async () => {
    const team = await factories.createCareTeam(db, { passwordHash: null });
    await book(team, team.therapist.id, thisHour());
    const span = { from: ago(6 * HOUR), to: new Date(Date.now() + 6 * HOUR) };
    // Off the team since the visit was booked: the visit is on their calendar, not their day.
    await db.careTeamMembership.updateMany({
      where: { patientId: team.patient.id, clinicianId: team.therapist.id },
      data: { endedAt: new Date() },
    });
    expect((await getClinicianDay(factories.viewerFor(team.therapist), span)).visits).toEqual([]);

    // Another clinician's day, asked by the prescriber on the team: that day's visits of their patients.
    await db.careTeamMembership.updateMany({
      where: { patientId: team.patient.id, clinicianId: team.therapist.id },
      data: { endedAt: null },
    });
    const asked = await getClinicianDay(factories.viewerFor(team.prescriber), {
      ...span,
      clinicianId: team.therapist.id,
    });
    expect(asked.visits).toHaveLength(1);
    const elsewhere = await factories.createCareTeam(db, { passwordHash: null });
    const foreign = await getClinicianDay(factories.viewerFor(elsewhere.therapist), {
      ...span,
      clinicianId: team.therapist.id,
    });
    expect(foreign.visits).toEqual([]);

    const admin = await factories.createUser(db, team.organization, {
      role: 'ADMIN',
      passwordHash: null,
    });
    await expect(getClinicianDay(factories.viewerFor(admin), span)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(getClinicianDay(factories.viewerFor(team.patient), span)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses a span that ends before it starts or is longer than a week', async () => {
    const team = await factories.createCareTeam(db, { passwordHash: null });
    const viewer = factories.viewerFor(team.therapist);
    const from = new Date();
    await expect(getClinicianDay(viewer, { from, to: from })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(
      getClinicianDay(viewer, { from, to: new Date(from.getTime() + 9 * DAY) }),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });
});

const DAP = { data: 'Talked about sleep.', assessment: 'Improving.', plan: 'Continue.' };

function noteInput(appointmentId?: string) {
  return {
    kind: 'THERAPY' as const,
    format: 'DAP' as const,
    sessionDate: new Date().toISOString().slice(0, 10),
    body: DAP,
    ...(appointmentId ? { appointmentId } : {}),
  };
}

async function fieldOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return {
    error,
    paths: (error as InvalidInputError | null)?.fieldErrors?.map((f) => f.path) ?? [],
  };
}

describe('a session note written from a visit', () => {
  it('links the note to the visit of its author, once', async () => {
    const team = await factories.createCareTeam(db, { passwordHash: null });
    const visit = await book(team, team.therapist.id, thisHour());
    const viewer = factories.viewerFor(team.therapist);

    const note = await createSessionNote(viewer, team.patient.id, noteInput(visit));
    const stored = await db.sessionNote.findFirstOrThrow({ where: { id: note.id } });
    expect(stored.appointmentId).toBe(visit);

    // The same draft saved again with its visit: fine; with another: refused.
    await updateSessionNote(viewer, team.patient.id, note.id, noteInput(visit));
    const other = await book(team, team.therapist.id, new Date(thisHour().getTime() + 2 * HOUR));
    const moved = await fieldOf(
      updateSessionNote(viewer, team.patient.id, note.id, noteInput(other)),
    );
    expect(moved.error).toBeInstanceOf(InvalidInputError);
    expect(moved.paths).toEqual(['appointmentId']);

    // A second note for the visit: 409 on appointmentId, nothing written.
    const count = await db.sessionNote.count({ where: { patientId: team.patient.id } });
    const second = await fieldOf(createSessionNote(viewer, team.patient.id, noteInput(visit)));
    expect(second.error).toBeInstanceOf(ConflictError);
    expect(second.paths).toEqual(['appointmentId']);
    expect(await db.sessionNote.count({ where: { patientId: team.patient.id } })).toBe(count);
  });

  it('refuses a visit of another clinician, of another patient or cancelled (400 on appointmentId)', async () => {
    const team = await factories.createCareTeam(db, { passwordHash: null });
    const viewer = factories.viewerFor(team.therapist);
    const prescribers = await book(team, team.prescriber.id, thisHour(), 'MEDICATION_MANAGEMENT');
    const otherPatient = await factories.createPatient(db, team.organization, {
      passwordHash: null,
    });
    await factories.addToCareTeam(db, otherPatient, team.therapist);
    const othersVisit = await book(
      team,
      team.therapist.id,
      new Date(thisHour().getTime() + 2 * HOUR),
      'THERAPY',
      otherPatient,
    );
    const cancelled = await book(
      team,
      team.therapist.id,
      new Date(thisHour().getTime() + 4 * HOUR),
    );
    await db.appointment.update({ where: { id: cancelled }, data: CANCELLED });
    const elsewhere = await factories.createCareTeam(db, { passwordHash: null });
    const foreign = await book(elsewhere, elsewhere.therapist.id, thisHour());

    const before = await db.sessionNote.count({ where: { authorId: team.therapist.id } });
    for (const id of [prescribers, othersVisit, cancelled, foreign]) {
      const refused = await fieldOf(createSessionNote(viewer, team.patient.id, noteInput(id)));
      expect(refused.error, id).toBeInstanceOf(InvalidInputError);
      expect(refused.paths).toEqual(['appointmentId']);
    }
    expect(await db.sessionNote.count({ where: { authorId: team.therapist.id } })).toBe(before);
    // A note without a visit is still written as before.
    const plain = await createSessionNote(viewer, team.patient.id, noteInput());
    expect(
      (await db.sessionNote.findFirstOrThrow({ where: { id: plain.id } })).appointmentId,
    ).toBeNull();
  });

  it('keeps one note per visit when two are written at once (the unique index)', async () => {
    const team = await factories.createCareTeam(db, { passwordHash: null });
    const visit = await book(team, team.therapist.id, thisHour());
    const viewer = factories.viewerFor(team.therapist);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createSessionNote(viewer, team.patient.id, noteInput(visit))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    }
    expect(await db.sessionNote.count({ where: { appointmentId: visit } })).toBe(1);
  });
});
