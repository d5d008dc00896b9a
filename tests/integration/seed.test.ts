import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { deriveRegimen } from '@/lib/clinical/regimen';
import { db } from '@/lib/db';
import { nextDate, wallClock } from '@/lib/zoned-time';
import { PrismaClient } from '@/prisma/generated/client';
import { SeedRefusedError, seedDemo, type SeedResult } from '@/prisma/seed';
import { createOrganization } from '@/tests/factories';
import { asRegimenEntry } from '@/tests/support/medication-changes';
import { ownDatabase, type TestDatabase } from '@/tests/support/test-database';

const ACCOUNTS = [
  ['admin@riverbend.test', 'Dana Brooks', 'ADMIN', 'riverbend'],
  ['dr.rivera@riverbend.test', 'Elena Rivera', 'PRESCRIBER', 'riverbend'],
  ['dr.chen@riverbend.test', 'Michael Chen', 'PRESCRIBER', 'riverbend'],
  ['sam.okafor@riverbend.test', 'Sam Okafor', 'THERAPIST', 'riverbend'],
  ['lee.park@riverbend.test', 'Lee Park', 'THERAPIST', 'riverbend'],
  ['alex.morgan@riverbend.test', 'Alex Morgan', 'PATIENT', 'riverbend'],
  ['jordan.lee@riverbend.test', 'Jordan Lee', 'PATIENT', 'riverbend'],
  ['casey.nguyen@riverbend.test', 'Casey Nguyen', 'PATIENT', 'riverbend'],
  ['dr.hale@northside.test', 'Avery Hale', 'PRESCRIBER', 'northside'],
  ['riley.fox@northside.test', 'Riley Fox', 'PATIENT', 'northside'],
].sort();

const TEAMS = {
  'alex.morgan@riverbend.test': ['dr.rivera@riverbend.test', 'sam.okafor@riverbend.test'],
  'jordan.lee@riverbend.test': ['dr.rivera@riverbend.test', 'lee.park@riverbend.test'],
  'casey.nguyen@riverbend.test': ['dr.chen@riverbend.test', 'sam.okafor@riverbend.test'],
  'riley.fox@northside.test': ['dr.hale@northside.test'],
};

describe('the demo seed', () => {
  let database: TestDatabase;
  let client: PrismaClient;
  let first: SeedResult;

  beforeAll(async () => {
    database = await ownDatabase('seed');
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    first = await seedDemo(client);
  }, 180_000);

  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });

  it('creates the ten demo accounts in their two organizations, password care-team-demo', async () => {
    expect(first.changed).toBe(true);
    const users = await client.user.findMany({ include: { organization: true } });
    expect(users.map((u) => [u.email, u.name, u.role, u.organization.slug]).sort()).toEqual(
      ACCOUNTS,
    );
    const hashes = new Set(users.map((u) => u.passwordHash));
    expect(hashes.size).toBe(1);
    expect(await verifyPassword(users[0]!.passwordHash!, 'care-team-demo')).toBe(true);
    expect((await client.organization.findMany()).map((o) => o.name).sort()).toEqual([
      'Northside Health',
      'Riverbend Collaborative Care',
    ]);
  });

  it('builds the care teams of the demo organization', async () => {
    const memberships = await client.careTeamMembership.findMany({
      where: { endedAt: null },
      include: { clinician: true, patient: { include: { account: true } } },
    });
    const teams: Record<string, string[]> = {};
    for (const m of memberships) {
      expect(m.organizationId).toBe(m.patient.organizationId);
      expect(m.clinician.organizationId).toBe(m.patient.organizationId);
      (teams[m.patient.account.email] ??= []).push(m.clinician.email);
    }
    for (const team of Object.values(teams)) team.sort();
    expect(teams).toEqual(TEAMS);
  });

  it('opens with an urgent flag on Casey, and the last days unread in every clinician’s inbox', async () => {
    const casey = await client.patient.findFirstOrThrow({
      where: { account: { email: 'casey.nguyen@riverbend.test' } },
    });
    const flags = await client.safetyFlag.findMany({
      where: { patientId: casey.id },
      orderBy: { raisedAt: 'asc' },
    });
    expect(flags.map((f) => [f.urgency, f.status])).toEqual([
      ['URGENT', 'RESOLVED'],
      ['URGENT', 'OPEN'],
    ]);
    for (const email of ['dr.chen@riverbend.test', 'sam.okafor@riverbend.test']) {
      const urgent = await client.notification.findMany({
        where: { recipient: { email }, urgent: true, readAt: null },
      });
      expect(
        urgent.map((n) => n.safetyFlagId),
        email,
      ).toEqual([flags[1]!.id]);
    }
    const clinicians = ACCOUNTS.filter(
      ([, , role]) => role === 'PRESCRIBER' || role === 'THERAPIST',
    );
    for (const [email] of clinicians) {
      const unread = await client.notification.count({
        where: { recipient: { email }, readAt: null },
      });
      expect(unread, email).toBeGreaterThan(0);
    }
    // Older items were read, as in a clinic that keeps up: the inbox opens with days, not months.
    const old = await client.notification.count({
      where: { readAt: null, createdAt: { lt: new Date(Date.now() - 4 * 86_400_000) } },
    });
    expect(old).toBe(0);
  });

  it('gives Alex three months of history, the richest of the demo', async () => {
    const alex = await client.patient.findFirstOrThrow({
      where: { account: { email: 'alex.morgan@riverbend.test' } },
    });
    const where = { patientId: alex.id };
    const changes = await client.medicationChange.findMany({ where });
    expect(
      changes.filter((c) => c.medicationKey === 'sertraline').map((c) => c.dose?.toNumber()),
    ).toEqual(expect.arrayContaining([25, 50, 100]));
    expect(changes.some((c) => c.action === 'ENTERED_IN_ERROR')).toBe(true);
    expect(changes.every((c) => c.reason.length > 0)).toBe(true);

    const checkIns = await client.checkIn.findMany({ where, orderBy: { localDate: 'asc' } });
    expect(checkIns.length).toBeGreaterThanOrEqual(70);
    expect(checkIns.length).toBeLessThan(90);
    const spanDays =
      (checkIns.at(-1)!.localDate.getTime() - checkIns[0]!.localDate.getTime()) / 86_400_000;
    expect(spanDays).toBeGreaterThanOrEqual(85);
    expect(
      await client.checkInSideEffect.count({ where: { ...where, name: 'Nausea' } }),
    ).toBeGreaterThan(3);

    const phq9 = await client.assessment.findMany({
      where: { ...where, instrument: 'PHQ9' },
      orderBy: { completedAt: 'asc' },
    });
    expect(phq9.map((a) => a.score)).toEqual([17, 16, 14, 15, 11, 9, 7]);
    expect(phq9.at(-1)!.answers[8]).toBe(0);
    expect(await client.assessment.count({ where: { ...where, instrument: 'GAD7' } })).toBe(7);
    // One flag in Alex's history (item 9 answered 1 two weeks in), resolved with its outcome.
    const flags = await client.safetyFlag.findMany({ where });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ status: 'RESOLVED', outcome: 'SAFETY_PLAN_REVIEWED' });

    const notes = await client.sessionNote.findMany({ where, include: { author: true } });
    expect(notes.every((n) => n.status === 'SIGNED' && n.signedAt)).toBe(true);
    expect(new Set(notes.map((n) => `${n.kind}:${n.author.email}`))).toEqual(
      new Set([
        'THERAPY:sam.okafor@riverbend.test',
        'MEDICATION_MANAGEMENT:dr.rivera@riverbend.test',
      ]),
    );
    expect(notes.length).toBeGreaterThanOrEqual(15);

    const plan = await client.treatmentPlan.findUniqueOrThrow({
      where,
      include: { versions: { include: { goals: true } } },
    });
    expect(plan.currentVersion).toBeGreaterThanOrEqual(2);
    expect(plan.versions).toHaveLength(plan.currentVersion);
    const goals = plan.versions.flatMap((v) => v.goals);
    expect(goals.some((g) => g.measureKind === 'PHQ9' && g.targetValue !== null)).toBe(true);
    expect(goals.some((g) => g.measureKind === 'PERSONAL')).toBe(true);
    expect(await client.checkInMeasureValue.count({ where })).toBe(checkIns.length);
    expect(await client.careTeamMessage.count({ where })).toBeGreaterThanOrEqual(3);
  });

  it('gives every demo patient contact details, and Alex a safety plan Sam Okafor wrote in two versions', async () => {
    const patients = await client.patient.findMany({
      include: { account: true, contact: true },
    });
    expect(patients).toHaveLength(4);
    for (const { account, contact, organizationId } of patients) {
      expect(contact, account.email).toMatchObject({ organizationId, updatedById: account.id });
      // Fictional numbers only: the 555-0100 to 555-0199 range.
      for (const phone of [contact!.phone, contact!.emergencyPhone]) {
        expect(phone).toMatch(/555-01[0-9]{2}$/);
      }
      expect(contact!.emergencyName).toBeTruthy();
    }
    const alex = patients.find((p) => p.account.email === 'alex.morgan@riverbend.test')!;
    const plan = await client.safetyPlan.findUniqueOrThrow({
      where: { patientId: alex.id },
      include: { versions: { include: { author: true }, orderBy: { version: 'asc' } } },
    });
    expect(plan.currentVersion).toBe(2);
    expect(plan.versions.map((v) => [v.version, v.author.email])).toEqual([
      [1, 'sam.okafor@riverbend.test'],
      [2, 'sam.okafor@riverbend.test'],
    ]);
    const latest = plan.versions[1]!.content as Record<string, unknown[]>;
    for (const section of ['warningSigns', 'copingStrategies', 'helpers', 'reasonsForLiving']) {
      expect(latest[section]!.length, section).toBeGreaterThan(0);
    }
    expect(await client.safetyPlan.count({ where: { patientId: { not: alex.id } } })).toBe(0);
    // Alex was told of each version in their inbox, and read it long ago.
    const told = await client.notification.findMany({
      where: { recipientId: alex.account.id, link: '/my-care/safety-plan' },
    });
    expect(told).toHaveLength(2);
    expect(told.every((n) => n.readAt !== null)).toBe(true);
  });

  it('gives Alex a short conversation with Sam Okafor over the last week, with its inbox items and unread counts', async () => {
    const alex = await client.patient.findFirstOrThrow({
      where: { account: { email: 'alex.morgan@riverbend.test' } },
      include: { account: true },
    });
    const messages = await client.patientMessage.findMany({
      where: { patientId: alex.id },
      include: { author: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(messages.map((m) => m.author.email)).toEqual([
      'alex.morgan@riverbend.test',
      'sam.okafor@riverbend.test',
      'alex.morgan@riverbend.test',
      'sam.okafor@riverbend.test',
    ]);
    const weekAgo = Date.now() - 7 * 86_400_000;
    for (const m of messages) {
      expect(m.organizationId).toBe(alex.organizationId);
      expect(m.createdAt.getTime()).toBeGreaterThan(weekAgo);
      expect(m.createdAt.getTime()).toBeLessThan(Date.now());
    }
    expect(await client.patientMessage.count({ where: { patientId: { not: alex.id } } })).toBe(0);

    // Written through postPatientMessageTx: each message told the others, never its author, and
    // no item holds the message's text.
    const items = await client.notification.findMany({
      where: { patientId: alex.id, kind: 'PATIENT_MESSAGE' },
      include: { recipient: true },
    });
    const told = (email: string) => items.filter((n) => n.recipient.email === email);
    expect(told('alex.morgan@riverbend.test')).toHaveLength(2);
    expect(told('sam.okafor@riverbend.test')).toHaveLength(2);
    expect(told('dr.rivera@riverbend.test')).toHaveLength(4);
    for (const item of items) {
      for (const m of messages) expect(item.summary).not.toContain(m.body.slice(0, 20));
    }
    // Sam's last reply is unread for Alex (in their inbox too); Sam has read everything.
    const unread = async (email: string) => {
      const reader = await client.user.findFirstOrThrow({ where: { email } });
      const read = await client.conversationRead.findFirst({
        where: { userId: reader.id, patientId: alex.id },
      });
      return messages.filter(
        (m) => m.authorId !== reader.id && (!read || m.createdAt > read.lastReadAt),
      ).length;
    };
    expect(await unread('alex.morgan@riverbend.test')).toBe(1);
    expect(await unread('sam.okafor@riverbend.test')).toBe(0);
    expect(await unread('dr.rivera@riverbend.test')).toBe(2);
    expect(told('alex.morgan@riverbend.test').filter((n) => n.readAt === null)).toHaveLength(1);
  });

  it('keeps every MedicationState equal to the regimen derived from the history', async () => {
    const patients = await client.patient.findMany({
      include: { medicationChanges: true, medicationStates: true },
    });
    for (const patient of patients) {
      expect(patient.medicationChanges.length).toBeGreaterThan(0);
      const derived = deriveRegimen(patient.medicationChanges);
      const stored = patient.medicationStates
        .map(asRegimenEntry)
        .sort((a, b) => a.medicationKey.localeCompare(b.medicationKey));
      expect(stored).toEqual(derived);
      for (const change of patient.medicationChanges) {
        expect(change.organizationId).toBe(patient.organizationId);
      }
    }
  });

  it('leaves Casey without a check-in for over 14 days and keeps every row in its tenant', async () => {
    const last = await client.checkIn.findFirstOrThrow({
      where: { patient: { account: { email: 'casey.nguyen@riverbend.test' } } },
      orderBy: { localDate: 'desc' },
    });
    expect(Date.now() - last.localDate.getTime()).toBeGreaterThan(14 * 86_400_000);
    const riley = await client.patient.findFirstOrThrow({
      where: { account: { email: 'riley.fox@northside.test' } },
      include: { organization: true, checkIns: true, sessionNotes: true },
    });
    expect(riley.organization.slug).toBe('northside');
    expect(riley.checkIns.length).toBeGreaterThan(0);
    expect(riley.sessionNotes.every((n) => n.organizationId === riley.organizationId)).toBe(true);
  });

  it('books the week of visits the demo contract promises (America/New_York)', async () => {
    const zone = 'America/New_York';
    const now = Date.now();
    const today = wallClock(zone, new Date(now)).date;
    const visits = await client.appointment.findMany({
      include: {
        clinician: true,
        patient: { include: { account: true } },
        sessionNote: true,
        series: true,
      },
      orderBy: { startsAt: 'asc' },
    });
    // Every clinician has visits in the week around today, today included.
    for (const clinician of ACCOUNTS.filter(
      ([, , role]) => role !== 'ADMIN' && role !== 'PATIENT',
    )) {
      const theirs = visits.filter((v) => v.clinician.email === clinician[0]);
      const days = new Set(theirs.map((v) => wallClock(zone, v.startsAt).date));
      expect(days.has(today), clinician[0]).toBe(true);
      const week = theirs.filter((v) => Math.abs(v.startsAt.getTime() - now) <= 4 * 86_400_000);
      expect(week.length, clinician[0]).toBeGreaterThanOrEqual(2);
    }
    // Every visit is with a member of the patient's care team, in the patient's organization.
    for (const v of visits) {
      expect(v.organizationId).toBe(v.patient.organizationId);
      expect(v.clinician.organizationId).toBe(v.patient.organizationId);
    }
    const alexWithSam = visits.filter(
      (v) =>
        v.patient.account.email === 'alex.morgan@riverbend.test' &&
        v.clinician.email === 'sam.okafor@riverbend.test',
    );
    const topOfHour = Math.floor(now / 3_600_000) * 3_600_000;
    const session = alexWithSam.find((v) => wallClock(zone, v.startsAt).date === today)!;
    expect(session.startsAt.getTime()).toBeLessThanOrEqual(now);
    // The seed ran moments ago: the same hour, or the one before when it crossed the hour.
    expect(topOfHour - session.startsAt.getTime()).toBeLessThanOrEqual(3_600_000);
    expect(session).toMatchObject({
      status: 'SCHEDULED',
      kind: 'THERAPY',
      modality: 'VIDEO',
      videoUrl: 'https://meet.riverbend.test/okafor',
    });
    expect(session.endsAt.getTime() - session.startsAt.getTime()).toBe(50 * 60_000);
    expect(session.series?.rrule).toMatch(/FREQ=WEEKLY/);
    const previous = alexWithSam.filter((v) => v.startsAt < session.startsAt).at(-1)!;
    expect(previous.status).toBe('COMPLETED');
    expect(previous.sessionNote?.kind).toBe('THERAPY');
    expect(session.startsAt.getTime() - previous.startsAt.getTime()).toBeLessThan(8 * 86_400_000);

    // Dr. Rivera's sertraline change earlier today, after that session.
    const change = await client.medicationChange.findFirstOrThrow({
      where: { patientId: session.patientId, medicationKey: 'sertraline' },
      orderBy: { createdAt: 'desc' },
      include: { prescriber: true },
    });
    expect(change.prescriber.email).toBe('dr.rivera@riverbend.test');
    expect(change.createdAt.getTime()).toBeLessThan(now);
    expect(change.createdAt > previous.endsAt).toBe(true);
    expect(wallClock(zone, change.createdAt).date).toBe(today);

    const rivera = visits.find(
      (v) =>
        v.patient.account.email === 'alex.morgan@riverbend.test' &&
        v.clinician.email === 'dr.rivera@riverbend.test' &&
        v.startsAt.getTime() > now,
    )!;
    expect(wallClock(zone, rivera.startsAt)).toEqual({
      date: nextDate(today, 2),
      hour: 10,
      minute: 0,
    });
    expect(rivera).toMatchObject({
      kind: 'MEDICATION_MANAGEMENT',
      modality: 'IN_PERSON',
      location: 'Riverbend Clinic, Room 2',
    });

    const caseyNoShows = visits.filter(
      (v) =>
        v.patient.account.email === 'casey.nguyen@riverbend.test' &&
        v.clinician.email === 'sam.okafor@riverbend.test' &&
        v.status === 'NO_SHOW' &&
        v.startsAt.getTime() > now - 60 * 86_400_000,
    );
    expect(caseyNoShows).toHaveLength(2);

    // Every session note records a past completed visit of its patient and author, on its date.
    const notes = await client.sessionNote.findMany({ include: { appointment: true } });
    for (const note of notes) {
      expect(note.appointment?.status, note.id).toBe('COMPLETED');
      expect(note.appointment!.patientId).toBe(note.patientId);
      expect(note.appointment!.clinicianId).toBe(note.authorId);
      expect(wallClock(zone, note.appointment!.startsAt).date).toBe(
        note.sessionDate.toISOString().slice(0, 10),
      );
    }
    // Nothing of the kind for anyone else: only Casey has two no-shows.
    const noShows = visits.filter((v) => v.status === 'NO_SHOW');
    expect(new Set(noShows.map((v) => v.patient.account.email))).toEqual(
      new Set(['casey.nguyen@riverbend.test']),
    );
    expect(visits.some((v) => v.status === 'CANCELLED' && v.cancelReason && v.cancelledById)).toBe(
      true,
    );
  });

  it('changes nothing when run again', async () => {
    const again = await seedDemo(client);
    expect(again.changed).toBe(false);
    expect(again.counts).toEqual(first.counts);
  });
});

describe('the demo seed on a database with other organizations', () => {
  it('refuses, and writes nothing', async () => {
    await createOrganization(db);
    await expect(seedDemo(db)).rejects.toThrow(SeedRefusedError);
    await expect(seedDemo(db)).rejects.toThrow(/organizations other than the demo ones/);
    expect(
      await db.organization.count({ where: { slug: { in: ['riverbend', 'northside'] } } }),
    ).toBe(0);
    expect(await db.user.count({ where: { email: { endsWith: '@riverbend.test' } } })).toBe(0);
  });
});
