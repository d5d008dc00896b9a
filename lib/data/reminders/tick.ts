// The patient reminders tick (issue 13, point 5). In the first minutes of the patient's reminder
// hour on their own clock (User.timeZone; ReminderSettings, or its defaults: all on, 19:00):
// - a check-in reminder, unless they checked in that local day: once per local day;
// - a questionnaire reminder when a PHQ-9 or GAD-7 is due (every assessmentIntervalDays of the
//   plan since the last one): once per due period;
// - a plan reminder when the current plan version, made a day or more ago, is not acknowledged:
//   once per version.
// Emails only, worded by lib/mail/templates.ts (no PHI). Run every minute by lib/jobs; idempotent
// by dedupe keys, and each patient's reminders are decided under an advisory lock, so two servers
// or two minutes of the same hour queue each reminder once.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import {
  DEFAULT_ASSESSMENT_INTERVAL_DAYS,
  nextAssessmentDue,
} from '@/lib/clinical/assessment-schedule';
import { queueEmailTx } from '@/lib/data/email/outbox';
import { lockFor } from '@/lib/data/lock';
import type { TickScope } from '@/lib/data/notifications/digest';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { fromIsoDate } from '@/lib/calendar-date';
import { DEFAULT_REMINDERS } from '@/lib/schemas/reminders';
import { INSTRUMENTS } from '@/lib/schemas/enums';
import { wallClock } from '@/lib/zoned-time';

/** A new plan version is reminded of once it has waited this long unread. */
export const PLAN_REMINDER_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Reminders go out in the first minutes of the patient's hour: a runner that was down at the top
 * of the hour still sends them when it is back within this window, and the ticks of the rest of
 * the hour read nothing.
 */
export const REMINDER_WINDOW_MINUTES = 15;

export const reminderKeys = {
  checkIn: (patientId: string, localDate: string) => `check-in:${patientId}:${localDate}`,
  /** `period`: the earliest due date of the instruments due, or `first` when one was never done. */
  questionnaire: (patientId: string, period: string) => `questionnaire:${patientId}:${period}`,
  plan: (patientId: string, versionId: string) => `plan:${patientId}:${versionId}`,
};

type Settings = {
  checkInReminder: boolean;
  checkInHour: number;
  questionnaireReminder: boolean;
  planReminder: boolean;
};

type DuePatient = ScopedPatient & { userId: string; timeZone: string; settings: Settings };

/** The due period of the patient's questionnaires at `today`, or null when none is due. */
async function questionnairePeriod(
  tx: Tx,
  patient: DuePatient,
  today: string,
): Promise<string | null> {
  const plan = await currentPlanVersion(tx, patient, { assessmentIntervalDays: true });
  const interval = plan?.version.assessmentIntervalDays ?? DEFAULT_ASSESSMENT_INTERVAL_DAYS;
  const periods: string[] = [];
  for (const instrument of INSTRUMENTS) {
    const last = await tx.assessment.findFirst({
      where: { ...patientScope(patient), instrument },
      orderBy: { completedAt: 'desc' },
      select: { completedAt: true },
    });
    const lastOn = last ? wallClock(patient.timeZone, last.completedAt).date : null;
    const due = nextAssessmentDue(lastOn, interval, today);
    if (due.isDue) periods.push(lastOn === null ? 'first' : due.dueOn);
  }
  if (periods.length === 0) return null;
  return periods.includes('first') ? 'first' : [...periods].sort()[0]!;
}

/** The current plan version waiting unread for a day or more, or null. */
async function unreadPlanVersion(tx: Tx, patient: DuePatient, now: Date): Promise<string | null> {
  const current = await currentPlanVersion(tx, patient, { id: true, createdAt: true });
  if (!current || now.getTime() - current.version.createdAt.getTime() < PLAN_REMINDER_AFTER_MS) {
    return null;
  }
  const read = await tx.planAcknowledgement.findFirst({
    where: { ...patientScope(patient), planVersionId: current.version.id },
    select: { id: true },
  });
  return read ? null : current.version.id;
}

/** The reminders of one patient at their hour: how many it queued. */
async function remindTx(tx: Tx, patient: DuePatient, now: Date): Promise<number> {
  await lockFor(tx, 'reminders', patient.id);
  const today = wallClock(patient.timeZone, now).date;
  const { settings } = patient;
  const emails: {
    purpose: 'CHECK_IN_REMINDER' | 'QUESTIONNAIRE_REMINDER' | 'PLAN_REMINDER';
    link: string;
    dedupeKey: string;
  }[] = [];
  if (settings.checkInReminder) {
    const done = await tx.checkIn.findFirst({
      where: { ...patientScope(patient), localDate: fromIsoDate(today) },
      select: { id: true },
    });
    if (!done) {
      emails.push({
        purpose: 'CHECK_IN_REMINDER',
        link: '/my-care/check-in',
        dedupeKey: reminderKeys.checkIn(patient.id, today),
      });
    }
  }
  if (settings.questionnaireReminder) {
    const period = await questionnairePeriod(tx, patient, today);
    if (period) {
      emails.push({
        purpose: 'QUESTIONNAIRE_REMINDER',
        link: '/my-care/assessments',
        dedupeKey: reminderKeys.questionnaire(patient.id, period),
      });
    }
  }
  if (settings.planReminder) {
    const versionId = await unreadPlanVersion(tx, patient, now);
    if (versionId) {
      emails.push({
        purpose: 'PLAN_REMINDER',
        link: '/my-care/plan',
        dedupeKey: reminderKeys.plan(patient.id, versionId),
      });
    }
  }
  let queued = 0;
  for (const email of emails) {
    if (await queueEmailTx(tx, patient.organizationId, { recipientId: patient.userId, ...email })) {
      queued += 1;
    }
  }
  return queued;
}

/**
 * The patients whose reminder hour it is at `now`: per time zone in use, its local hour, then
 * the patients of that zone with that hour (saved, or the default's when none is saved).
 */
async function patientsAtTheirHour(now: Date, only?: TickScope): Promise<DuePatient[]> {
  const zones = await db.user.groupBy({
    by: ['timeZone'],
    where: { role: 'PATIENT', disabledAt: null, ...only },
  });
  const due: DuePatient[] = [];
  for (const { timeZone } of zones) {
    const { hour, minute } = wallClock(timeZone, now);
    if (minute >= REMINDER_WINDOW_MINUTES) continue;
    const rows = await db.patient.findMany({
      where: {
        account: { timeZone, disabledAt: null },
        ...only,
        OR: [
          { reminderSettings: { checkInHour: hour } },
          ...(hour === DEFAULT_REMINDERS.checkInHour ? [{ reminderSettings: null }] : []),
        ],
      },
      select: {
        id: true,
        organizationId: true,
        userId: true,
        reminderSettings: {
          select: {
            checkInReminder: true,
            checkInHour: true,
            questionnaireReminder: true,
            planReminder: true,
          },
        },
      },
    });
    for (const row of rows) {
      const settings = row.reminderSettings ?? DEFAULT_REMINDERS;
      due.push({
        id: row.id,
        organizationId: row.organizationId,
        userId: row.userId,
        timeZone,
        settings,
      });
    }
  }
  return due;
}

/**
 * The reminders tick: every patient whose hour it is at `now`. Returns how many it queued.
 * `only` (tests): one organization's patients.
 */
export async function runReminders(now: Date, only?: TickScope): Promise<number> {
  const due = await patientsAtTheirHour(now, only);
  // A patient whose check-in reminder is already queued today was decided by an earlier minute.
  const todayKey = (p: DuePatient) => reminderKeys.checkIn(p.id, wallClock(p.timeZone, now).date);
  const decided = new Set(
    (
      await db.emailOutbox.findMany({
        where: { dedupeKey: { in: due.map(todayKey) } },
        select: { dedupeKey: true },
      })
    ).map((row) => row.dedupeKey),
  );
  let queued = 0;
  for (const patient of due) {
    const { settings } = patient;
    if (!settings.checkInReminder && !settings.questionnaireReminder && !settings.planReminder) {
      continue;
    }
    if (decided.has(todayKey(patient))) continue;
    queued += await db.$transaction((tx) => remindTx(tx, patient, now));
  }
  return queued;
}
