import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { runDigests } from '@/lib/data/notifications/digest';
import { notifyTx } from '@/lib/data/notifications/notify';
import { runEscalations } from '@/lib/data/safety-flags/escalation';
import { raiseSafetyFlagTx } from '@/lib/data/safety-flags/raise';
import { acknowledgeSafetyFlagTx } from '@/lib/data/safety-flags/lifecycle';
import type { NotificationKind } from '@/lib/schemas/enums';
import { createCareTeam, createUser } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';

// What is emailed, and when: by each person's preferences in the event's transaction, the daily
// summary at 7:00 on their clock, and the escalation of an urgent flag nobody acknowledged, each
// with a moved clock. Every email is a purpose and a link (lib/mail/templates.ts): no PHI.

type Team = Awaited<ReturnType<typeof createCareTeam>>;

async function emailsOf(organizationId: string) {
  return db.emailOutbox.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: 'asc' }, { dedupeKey: 'asc' }],
    select: {
      recipientId: true,
      purpose: true,
      dedupeKey: true,
      notBefore: true,
      subject: true,
      text: true,
      html: true,
    },
  });
}

type Preferences = {
  emailKinds?: NotificationKind[];
  digestKinds?: NotificationKind[];
  quietHoursStart?: string;
  quietHoursEnd?: string;
};

async function prefer(userId: string, settings: Preferences, timeZone = 'America/New_York') {
  await db.user.update({ where: { id: userId }, data: { timeZone } });
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, ...settings },
    update: settings,
  });
}

const MEDICATION_EVENT = (at: Date) => ({
  kind: 'MEDICATION_CHANGE' as const,
  careTeamSummary: 'Medication change: Started Sertraline 50 mg.',
  careTeamLink: '/patients/x/medications',
  at,
});

function raiseUrgent(t: Team, at: Date) {
  return db.$transaction((tx) =>
    raiseSafetyFlagTx(tx, t.patient, {
      source: 'CLINICIAN',
      urgency: 'URGENT',
      reason: 'Said they have a plan to end their life.',
      at,
    }),
  );
}

function expectNoPhi(t: Team, emails: { subject: string; text: string; html: string }[]) {
  for (const email of emails) {
    for (const secret of [t.patient.account.name, 'Sertraline', 'end their life']) {
      expect(`${email.subject}${email.text}${email.html}`).not.toContain(secret);
    }
  }
}

describe('emails by preference, in the event’s transaction', () => {
  it('emails an urgent safety flag to the whole care team at once, whatever they chose, quiet hours too', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    // 23:30 in New York, inside the therapist's quiet hours; in nobody's email kinds.
    await prefer(t.therapist.id, { quietHoursStart: '22:00', quietHoursEnd: '07:00' });
    const at = new Date('2026-03-02T04:30:00Z');
    await raiseUrgent(t, at);
    const emails = await emailsOf(t.organization.id);
    expect(emails.map((e) => e.recipientId).sort()).toEqual(
      [t.prescriber.id, t.therapist.id].sort(),
    );
    for (const email of emails) {
      expect(email.purpose).toBe('NOTIFICATION');
      expect(email.dedupeKey).toMatch(/^notification:[0-9a-f-]{36}$/);
      expect(email.notBefore.getTime()).toBeLessThanOrEqual(Date.now());
      expect(email.text).toContain('/inbox');
    }
    expectNoPhi(t, emails);
  });

  it('emails a chosen kind at once, holds it through quiet hours, and leaves the others in the app', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    await prefer(t.therapist.id, {
      emailKinds: ['MEDICATION_CHANGE'],
      quietHoursStart: '22:00',
      quietHoursEnd: '07:00',
    });
    await prefer(t.prescriber.id, { digestKinds: ['MEDICATION_CHANGE'] });
    // Daytime: at once.
    const noon = new Date('2026-03-02T17:00:00Z');
    await db.$transaction((tx) =>
      notifyTx(tx, t.patient, { careTeam: true }, MEDICATION_EVENT(noon)),
    );
    // 23:30 local: held until 07:00 EST (12:00Z) the next morning.
    const late = new Date('2026-03-03T04:30:00Z');
    await db.$transaction((tx) =>
      notifyTx(tx, t.patient, { careTeam: true }, MEDICATION_EVENT(late)),
    );
    const emails = await emailsOf(t.organization.id);
    expect(emails.map((e) => e.recipientId)).toEqual([t.therapist.id, t.therapist.id]);
    const held = emails.map((e) => e.notBefore.toISOString());
    expect(held).toContain('2026-03-03T12:00:00.000Z');
    expect(held.filter((at) => at !== '2026-03-03T12:00:00.000Z')).toHaveLength(1);
    expect(new Set(emails.map((e) => e.dedupeKey)).size).toBe(2);
  });

  it('queues nothing when the event rolls back', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    await prefer(t.therapist.id, { emailKinds: ['MEDICATION_CHANGE'] });
    await expect(
      db.$transaction(async (tx) => {
        await notifyTx(tx, t.patient, { careTeam: true }, MEDICATION_EVENT(new Date()));
        // The item's email is written in this transaction...
        expect(await tx.emailOutbox.count({ where: { organizationId: t.organization.id } })).toBe(
          1,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // ...and goes with it.
    expect(await emailsOf(t.organization.id)).toEqual([]);
  });
});

describe('the daily summary', () => {
  it('at 7:00 in the person’s zone, counts their unread summary items since the last, once a day', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    const only = { organizationId: t.organization.id };
    await prefer(t.therapist.id, { digestKinds: ['MEDICATION_CHANGE'] }, 'Asia/Kolkata');
    for (const hour of ['2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z', '2026-06-01T12:00:00Z']) {
      await db.$transaction((tx) =>
        notifyTx(tx, t.patient, { careTeam: true }, MEDICATION_EVENT(new Date(hour))),
      );
    }
    expect(await emailsOf(t.organization.id)).toEqual([]); // none at once
    // 07:00 in Kolkata on 2 June is 01:30Z.
    expect(await runDigests(new Date('2026-06-02T01:29:00Z'), only)).toBe(0);
    expect(await runDigests(new Date('2026-06-02T01:30:00Z'), only)).toBe(1);
    expect(await runDigests(new Date('2026-06-02T01:45:00Z'), only)).toBe(0);
    const [digest] = await emailsOf(t.organization.id);
    expect(digest).toMatchObject({
      recipientId: t.therapist.id,
      purpose: 'DIGEST',
      dedupeKey: `digest:${t.therapist.id}:2026-06-02`,
    });
    expect(digest!.text).toContain('You have 3 new items');
    expectNoPhi(t, [digest!]);

    // The next morning: only what came since, and nothing when nothing did.
    await db.$transaction((tx) =>
      notifyTx(
        tx,
        t.patient,
        { careTeam: true },
        MEDICATION_EVENT(new Date('2026-06-02T09:00:00Z')),
      ),
    );
    expect(await runDigests(new Date('2026-06-03T01:30:00Z'), only)).toBe(1);
    expect((await emailsOf(t.organization.id))[1]!.text).toContain('You have 1 new item ');
    expect(await runDigests(new Date('2026-06-04T01:30:00Z'), only)).toBe(0);
    const settings = await db.notificationSettings.findUniqueOrThrow({
      where: { userId: t.therapist.id },
    });
    expect(settings.lastDigestAt?.toISOString()).toBe('2026-06-04T01:30:00.000Z');
  });
});

describe('escalation of an urgent flag nobody acknowledged', () => {
  it('emails the team and the admins at the delay, again at twice it, audited, and stops once acknowledged', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    const only = { organizationId: t.organization.id };
    const admin = await createUser(db, t.organization, { role: 'ADMIN', passwordHash: null });
    await createUser(db, t.organization, {
      role: 'ADMIN',
      passwordHash: null,
      disabledAt: new Date(),
    });
    await db.organization.update({
      where: { id: t.organization.id },
      data: { safetyEscalationMinutes: 30 },
    });
    const raisedAt = new Date('2026-03-02T23:00:00Z');
    const flag = await raiseUrgent(t, raisedAt);
    const minutes = (n: number) => new Date(raisedAt.getTime() + n * 60_000);
    const escalations = async () =>
      (await emailsOf(t.organization.id)).filter((e) => e.purpose === 'ESCALATION');

    expect(await runEscalations(minutes(29), only)).toBe(0);
    expect(await runEscalations(minutes(30), only)).toBe(3);
    expect(await runEscalations(minutes(31), only)).toBe(0);
    const first = await escalations();
    expect(first.map((e) => e.dedupeKey).sort()).toEqual(
      [t.prescriber.id, t.therapist.id, admin.id]
        .map((id) => `escalation:${flag.id}:1:${id}`)
        .sort(),
    );
    const toAdmin = first.find((e) => e.recipientId === admin.id)!;
    expect(toAdmin.text).toContain('/admin');
    // The admin is told whose patient it is (the clinicians), never the patient.
    const names = [t.prescriber.name, t.therapist.name].sort();
    expect(toAdmin.text).toContain(`a patient of ${names[0]} and ${names[1]}`);
    const toTherapist = first.find((e) => e.recipientId === t.therapist.id)!;
    expect(toTherapist.text).toContain('/inbox');
    expect(toTherapist.text).not.toContain(t.prescriber.name);
    expectNoPhi(t, first);

    // Two servers at the second round: one round.
    const both = await Promise.all([
      runEscalations(minutes(60), only),
      runEscalations(minutes(60), only),
    ]);
    expect(both[0] + both[1]).toBe(3);
    expect(await runEscalations(minutes(600), only)).toBe(0); // two rounds, no more
    const audit = await db.auditEvent.findMany({
      where: { organizationId: t.organization.id, action: 'escalate' },
      orderBy: { seq: 'asc' },
      select: {
        actorId: true,
        resourceType: true,
        resourceId: true,
        patientId: true,
        detail: true,
      },
    });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: null,
        resourceType: 'safetyFlag',
        resourceId: flag.id,
        patientId: t.patient.id,
        detail: expect.stringMatching(
          /^escalation round 1: emailed 2 care-team clinicians and 1 admins/,
        ),
      }),
      expect.objectContaining({ detail: expect.stringMatching(/^escalation round 2/) }),
    ]);

    // An acknowledged flag is not escalated.
    const second = await raiseUrgent(t, raisedAt);
    await db.$transaction((tx) =>
      acknowledgeSafetyFlagTx(
        tx,
        { id: t.therapist.id, name: t.therapist.name },
        t.patient,
        second.id,
      ),
    );
    expect(await runEscalations(minutes(90), only)).toBe(0);
    expect((await escalations()).filter((e) => e.dedupeKey.includes(second.id))).toEqual([]);
  });

  it('sends the latest round only to a flag found late, and nothing for a high (not urgent) flag', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    const only = { organizationId: t.organization.id };
    const raisedAt = new Date('2026-03-02T20:00:00Z');
    const flag = await raiseUrgent(t, raisedAt);
    await db.$transaction((tx) =>
      raiseSafetyFlagTx(tx, t.patient, {
        source: 'CLINICIAN',
        urgency: 'HIGH',
        reason: 'Worse.',
        at: raisedAt,
      }),
    );
    // Default delay 60 minutes; the runner finds it five hours on.
    expect(await runEscalations(new Date('2026-03-03T01:00:00Z'), only)).toBe(2);
    const keys = (await emailsOf(t.organization.id))
      .filter((e) => e.purpose === 'ESCALATION')
      .map((e) => e.dedupeKey.split(':').slice(0, 3).join(':'));
    expect(new Set(keys)).toEqual(new Set([`escalation:${flag.id}:2`]));
  });
});

describe('the organization’s escalation delay', () => {
  it('is set by an admin, refused outside 5–1440 minutes (400, unchanged), audited, and read by the tick', async () => {
    const t = await createCareTeam(db, { passwordHash: null });
    const admin = await createUser(db, t.organization, { role: 'ADMIN', passwordHash: null });
    const cookie = await sessionCookie(admin);
    const path = '/api/v1/organization/safety-escalation';
    expect((await callApi({ method: 'GET', path, cookie })).body).toEqual({
      safetyEscalationMinutes: 60,
    });
    const saved = await callApi({
      method: 'PUT',
      path,
      cookie,
      body: { safetyEscalationMinutes: 15 },
    });
    expect(saved.status).toBe(200);
    for (const bad of [4, 1441, 7.5, '15', null]) {
      const refused = await callApi({
        method: 'PUT',
        path,
        cookie,
        body: { safetyEscalationMinutes: bad },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual([
        'safetyEscalationMinutes',
      ]);
    }
    expect(
      (await db.organization.findUniqueOrThrow({ where: { id: t.organization.id } }))
        .safetyEscalationMinutes,
    ).toBe(15);
    const audit = await db.auditEvent.findFirst({
      where: {
        actorId: admin.id,
        resourceType: 'organization',
        action: 'update',
        outcome: 'ALLOWED',
      },
      select: { detail: true },
    });
    expect(audit?.detail).toBe('safety escalation after 15 minutes');

    const raisedAt = new Date('2026-05-01T10:00:00Z');
    await raiseUrgent(t, raisedAt);
    const only = { organizationId: t.organization.id };
    expect(await runEscalations(new Date('2026-05-01T10:14:00Z'), only)).toBe(0);
    expect(await runEscalations(new Date('2026-05-01T10:15:00Z'), only)).toBe(3);
  });
});
