// The demo's visits (docs: /work DEMO_CONTRACT, README's tour), on the clinicians' and patients'
// clock (America/New_York), relative to the moment the demo is seeded:
// - every past session note gets the COMPLETED visit it records, on the note's date, linked to it;
// - the week around today (3 days back to 3 ahead) for every clinician, today always included;
// - Alex with Sam Okafor today at the top of the current hour (a weekly video series), Alex with
//   Dr. Rivera in 2 days at 10:00 in Room 2, and Dr. Rivera's sertraline change earlier today;
// - Casey missed two sessions with Sam in the last 60 days (the caseload's no-show flag).
// Written after the histories (the notes must exist), in one transaction, skipped when any visit
// of the demo is already there.
import type { AppointmentKind, AppointmentModality } from '@/prisma/generated/client';
import { nextDate, wallClock, zonedInstant } from '@/lib/zoned-time';
import {
  createAppointment,
  recordMedicationChanges,
  type AppointmentOutcome,
  type AppointmentSpec,
  type FactoryDb,
} from './build';
import type { DemoContext, DemoPatients, DemoStaff } from './context';
import { INBOX_UNREAD_DAYS } from './story';

export const DEMO_ZONE = 'America/New_York';

const MINUTE = 60_000;
const DAY = 86_400_000;

type Pair = { patient: keyof DemoPatients; clinician: keyof DemoStaff };

/** How each patient sees each clinician: length, kind of room, and the usual time of day. */
type Habit = {
  hour: number;
  minute: number;
  durationMinutes: number;
  modality: AppointmentModality;
  location?: string;
  videoUrl?: string;
};

const ROOM = (n: number) => `Riverbend Clinic, Room ${n}`;

/** Distinct hours per clinician, so no two habits of one clinician ever overlap. */
const HABITS: Record<string, Habit> = {
  'alex:okafor': {
    hour: 16,
    minute: 0,
    durationMinutes: 50,
    modality: 'VIDEO',
    videoUrl: 'https://meet.riverbend.test/okafor',
  },
  'casey:okafor': {
    hour: 14,
    minute: 0,
    durationMinutes: 50,
    modality: 'IN_PERSON',
    location: ROOM(4),
  },
  'alex:rivera': {
    hour: 10,
    minute: 0,
    durationMinutes: 30,
    modality: 'IN_PERSON',
    location: ROOM(2),
  },
  'jordan:rivera': {
    hour: 11,
    minute: 30,
    durationMinutes: 30,
    modality: 'IN_PERSON',
    location: ROOM(2),
  },
  'casey:chen': {
    hour: 9,
    minute: 0,
    durationMinutes: 30,
    modality: 'IN_PERSON',
    location: ROOM(1),
  },
  'jordan:park': {
    hour: 15,
    minute: 0,
    durationMinutes: 50,
    modality: 'VIDEO',
    videoUrl: 'https://meet.riverbend.test/park',
  },
  'riley:hale': {
    hour: 13,
    minute: 0,
    durationMinutes: 30,
    modality: 'IN_PERSON',
    location: 'Northside Health, Suite 3',
  },
};

/** A visit of the week around today: [days from today, pair, kind, hour, minute, length, how]. */
type WeekVisit = Pair & {
  offset: number;
  hour: number;
  minute: number;
  kind: AppointmentKind;
  durationMinutes: number;
  modality: AppointmentModality;
  location?: string;
  videoUrl?: string;
  cancelled?: string;
};

const phone = { modality: 'PHONE' } as const;

/** Besides the note-linked past visits and Alex's two of the contract. */
const WEEK: readonly WeekVisit[] = [
  // Sam calls Casey after two missed sessions, then sees her in person tomorrow.
  {
    patient: 'casey',
    clinician: 'okafor',
    offset: 0,
    hour: 10,
    minute: 0,
    kind: 'FOLLOW_UP',
    durationMinutes: 20,
    ...phone,
  },
  {
    patient: 'casey',
    clinician: 'okafor',
    offset: 1,
    hour: 14,
    minute: 0,
    kind: 'THERAPY',
    durationMinutes: 50,
    modality: 'IN_PERSON',
    location: ROOM(4),
  },
  // Dr. Chen checks in by phone after Casey's urgent flag; her medication visit is in 3 days.
  {
    patient: 'casey',
    clinician: 'chen',
    offset: 0,
    hour: 9,
    minute: 0,
    kind: 'FOLLOW_UP',
    durationMinutes: 20,
    ...phone,
  },
  {
    patient: 'casey',
    clinician: 'chen',
    offset: 3,
    hour: 9,
    minute: 30,
    kind: 'MEDICATION_MANAGEMENT',
    durationMinutes: 30,
    modality: 'IN_PERSON',
    location: ROOM(1),
  },
  // Jordan moved yesterday's call with Dr. Rivera to today.
  {
    patient: 'jordan',
    clinician: 'rivera',
    offset: -1,
    hour: 9,
    minute: 30,
    kind: 'FOLLOW_UP',
    durationMinutes: 20,
    ...phone,
    cancelled: 'Jordan asked to move the call to the next day (work shift).',
  },
  {
    patient: 'jordan',
    clinician: 'rivera',
    offset: 0,
    hour: 11,
    minute: 30,
    kind: 'FOLLOW_UP',
    durationMinutes: 20,
    ...phone,
  },
  // Lee Park: a short video check-in on the exposure homework, then the fortnightly session.
  {
    patient: 'jordan',
    clinician: 'park',
    offset: 0,
    hour: 15,
    minute: 0,
    kind: 'FOLLOW_UP',
    durationMinutes: 20,
    modality: 'VIDEO',
    videoUrl: 'https://meet.riverbend.test/park',
  },
  {
    patient: 'jordan',
    clinician: 'park',
    offset: 3,
    hour: 15,
    minute: 0,
    kind: 'THERAPY',
    durationMinutes: 50,
    modality: 'VIDEO',
    videoUrl: 'https://meet.riverbend.test/park',
  },
  // Dr. Hale sees Riley every two weeks, and calls three days after to hear how she is.
  {
    patient: 'riley',
    clinician: 'hale',
    offset: 0,
    hour: 13,
    minute: 0,
    kind: 'MEDICATION_MANAGEMENT',
    durationMinutes: 30,
    modality: 'IN_PERSON',
    location: 'Northside Health, Suite 3',
  },
  {
    patient: 'riley',
    clinician: 'hale',
    offset: 3,
    hour: 13,
    minute: 0,
    kind: 'FOLLOW_UP',
    durationMinutes: 20,
    ...phone,
  },
];

/** Casey's missed sessions with Sam (days from today), after her last note (day -22). */
const CASEY_NO_SHOWS = [-15, -8];

/** What every step below books with: the day's clock and who books what, when. */
type Scheduler = {
  db: FactoryDb;
  ctx: DemoContext;
  /** Today's date on the New York clock. */
  today: string;
  /** A New York time `offset` days from today. */
  on: (offset: number, hour: number, minute?: number) => Date;
  /** Books one visit of `patient` with `clinician` (by the front desk, a week ahead). */
  book: (
    patient: keyof DemoPatients,
    clinician: keyof DemoStaff,
    visit: Omit<AppointmentSpec, 'clinician' | 'bookedBy'>,
  ) => Promise<{ ids: string[] }>;
};

/** Writes the demo's visits; false when they are already there. */
export async function seedDemoAppointments(db: FactoryDb, ctx: DemoContext): Promise<boolean> {
  const { now, staff, patients } = ctx;
  const patientIds = Object.values(patients).map((p) => p.id);
  if (await db.appointment.count({ where: { patientId: { in: patientIds } } })) return false;

  const today = wallClock(DEMO_ZONE, now).date;
  const scheduler: Scheduler = {
    db,
    ctx,
    today,
    on: (offset, hour, minute = 0) =>
      zonedInstant(DEMO_ZONE, nextDate(today, offset), hour, minute),
    book: (key, clinician, visit) => {
      const patient = patients[key];
      // The front desk (Dana) books at Riverbend; at Northside, the clinician.
      const bookedBy =
        patient.organizationId === staff.dana.organizationId ? staff.dana : staff[clinician];
      // Booked a week ahead, never before the patient joined nor in the last two days.
      const bookedAt = new Date(
        Math.min(
          now.getTime() - 2 * DAY,
          Math.max(visit.startsAt.getTime() - 7 * DAY, patient.createdAt.getTime() + 60 * MINUTE),
        ),
      );
      return createAppointment(db, patient, {
        bookedAt,
        ...visit,
        clinician: staff[clinician],
        bookedBy,
      });
    },
  };

  const alexSession = await bookAlex(scheduler);
  await bookNoteVisits(scheduler);
  await bookCaseyNoShows(scheduler);
  await bookWeek(scheduler, alexSession);
  await recordSertralineChange(scheduler);
  await readOldNotices(scheduler, patientIds);
  return true;
}

/**
 * Alex: today with Sam at the top of the current hour (already begun, so it can be marked
 * completed), weekly for six weeks; Dr. Rivera in 2 days at 10:00. Returns Sam's slot today.
 */
async function bookAlex({ ctx, on, book }: Scheduler): Promise<Slot> {
  const start = new Date(Math.floor(ctx.now.getTime() / (60 * MINUTE)) * 60 * MINUTE);
  await book('alex', 'okafor', {
    startsAt: start,
    durationMinutes: 50,
    kind: 'THERAPY',
    modality: 'VIDEO',
    videoUrl: HABITS['alex:okafor']!.videoUrl,
    timeZone: DEMO_ZONE,
    repeat: { frequency: 'WEEKLY', count: 6 },
    bookedAt: new Date(ctx.now.getTime() - 6 * DAY),
  });
  await book('alex', 'rivera', {
    startsAt: on(2, 10, 0),
    durationMinutes: 30,
    kind: 'MEDICATION_MANAGEMENT',
    modality: 'IN_PERSON',
    location: ROOM(2),
    bookedAt: new Date(ctx.now.getTime() - 3 * DAY),
  });
  return { start: start.getTime(), end: start.getTime() + 50 * MINUTE };
}

type Slot = { start: number; end: number };

/** The past visits the session notes record: on each note's date, at the pair's usual time. */
async function bookNoteVisits({ db, ctx, today, book }: Scheduler): Promise<void> {
  const { staff, patients } = ctx;
  const patientKeys = Object.keys(patients) as (keyof DemoPatients)[];
  const staffKeys = Object.keys(staff) as (keyof DemoStaff)[];
  const notes = await db.sessionNote.findMany({
    where: { patientId: { in: patientKeys.map((k) => patients[k].id) } },
    select: { id: true, patientId: true, authorId: true, kind: true, sessionDate: true },
    orderBy: { sessionDate: 'asc' },
  });
  for (const note of notes) {
    const patient = patientKeys.find((k) => patients[k].id === note.patientId)!;
    const clinician = staffKeys.find((k) => staff[k].id === note.authorId)!;
    const habit = HABITS[`${patient}:${clinician}`];
    if (!habit) throw new Error(`No visit habit for ${patient} with ${clinician}.`);
    const date = note.sessionDate.toISOString().slice(0, 10);
    if (date >= today) continue;
    const startsAt = zonedInstant(DEMO_ZONE, date, habit.hour, habit.minute);
    await book(patient, clinician, {
      ...habit,
      startsAt,
      kind: note.kind === 'THERAPY' ? 'THERAPY' : 'MEDICATION_MANAGEMENT',
      outcome: {
        status: 'COMPLETED',
        at: new Date(startsAt.getTime() + habit.durationMinutes * MINUTE),
        sessionNoteId: note.id,
      },
    });
  }
}

/** Casey's two missed sessions with Sam. */
async function bookCaseyNoShows({ on, book }: Scheduler): Promise<void> {
  const habit = HABITS['casey:okafor']!;
  for (const offset of CASEY_NO_SHOWS) {
    const startsAt = on(offset, habit.hour, habit.minute);
    await book('casey', 'okafor', {
      ...habit,
      startsAt,
      kind: 'THERAPY',
      outcome: { status: 'NO_SHOW', at: new Date(startsAt.getTime() + 20 * MINUTE) },
    });
  }
}

/**
 * The rest of the week around today. A visit over before now is COMPLETED (no note yet: one to
 * write); today's visits of Sam's make room for Alex's session.
 */
async function bookWeek({ ctx, on, book }: Scheduler, alex: Slot): Promise<void> {
  const now = ctx.now.getTime();
  for (const { patient, clinician, offset, hour, minute, cancelled, ...visit } of WEEK) {
    let startsAt = on(offset, hour, minute);
    const length = visit.durationMinutes * MINUTE;
    while (
      clinician === 'okafor' &&
      startsAt.getTime() < alex.end &&
      startsAt.getTime() + length > alex.start
    ) {
      startsAt = new Date(startsAt.getTime() + 60 * MINUTE);
    }
    const endsAt = new Date(startsAt.getTime() + length);
    const outcome: AppointmentOutcome = cancelled
      ? {
          status: 'CANCELLED',
          at: new Date(Math.min(startsAt.getTime() - 3 * 60 * MINUTE, now)),
          by: ctx.staff.dana,
          reason: cancelled,
        }
      : endsAt.getTime() <= now
        ? { status: 'COMPLETED', at: endsAt }
        : { status: 'SCHEDULED' };
    await book(patient, clinician, { ...visit, startsAt, outcome });
  }
}

/** Dr. Rivera's sertraline change earlier today (after Alex's last session with Sam). */
async function recordSertralineChange({ db, ctx, today }: Scheduler): Promise<void> {
  await recordMedicationChanges(db, ctx.patients.alex, ctx.staff.rivera, [
    {
      action: 'DECREASE',
      medication: 'Sertraline',
      dose: 75,
      unit: 'mg',
      route: 'oral',
      frequency: 'once daily in the morning, with food',
      effectiveDate: new Date(`${today}T00:00:00Z`),
      reviewBy: new Date(`${nextDate(today, 14)}T00:00:00Z`),
      reason:
        'Lower sex drive since the increase to 100 mg, now seven weeks on and bothering Alex (phone call this morning). Mood stable (PHQ-9 7, GAD-7 6). Reducing to 75 mg to ease the side effect while holding the response; review at the visit this week.',
      monitorFor: [
        'Return of low mood, early waking or worry',
        'Dizziness or irritability in the first days (dose reduction)',
        'Sexual side effects',
      ],
      patientExplanation:
        "As we discussed on the phone, we're lowering sertraline to 75 mg each morning to ease the side effect you mentioned. Your mood has been steady, and we'll keep an eye on it together. If your low mood or early waking comes back, tell us in your check-ins or message the care team.",
      noteForCareTeam:
        'Sertraline down to 75 mg today for a persistent sexual side effect. Sam, please watch for early signs of relapse (early waking, cancelled plans, skipped runs: the warning signs in the relapse-prevention plan).',
      createdAt: earlierToday(ctx.now, today),
    },
  ]);
}

/**
 * The booking notices of visits booked before the last few days were read, as the rest of the
 * history's inbox (story.ts readOlderItems).
 */
async function readOldNotices({ db, ctx }: Scheduler, patientIds: string[]): Promise<void> {
  const before = new Date(ctx.now.getTime() - INBOX_UNREAD_DAYS * DAY);
  await db.$executeRaw`
    UPDATE "Notification" SET "readAt" = "createdAt" + interval '2 hours'
     WHERE "patientId" = ANY(${patientIds}::uuid[]) AND kind = 'APPOINTMENT_UPDATED'
       AND "createdAt" < ${before} AND "readAt" IS NULL`;
}

/**
 * A moment earlier today on the New York clock: 8:40 in the morning when that is at least ten
 * minutes ago, else halfway between midnight and now.
 */
function earlierToday(now: Date, today: string): Date {
  const morning = zonedInstant(DEMO_ZONE, today, 8, 40);
  if (morning.getTime() <= now.getTime() - 10 * MINUTE) return morning;
  const midnight = zonedInstant(DEMO_ZONE, today, 0);
  return new Date(midnight.getTime() + (now.getTime() - midnight.getTime()) / 2);
}
