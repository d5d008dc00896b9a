// The vocabulary the demo patients are told in: each patient file is data (a DemoStory) and
// tellStory writes it through the shared builders (./build). Days are offsets from the seed day
// (negative: in the past); a Moment is a local time on one of them; people are DemoStaff keys.
import type { Resolution } from '@/lib/data/safety-flags/lifecycle';
import type {
  GoalStatus,
  InterventionKind,
  PlanGoal,
  PlanReviewReason,
  SessionNoteKind,
} from '@/prisma/generated/client';
import type { AssessmentInstrument } from '@/lib/clinical/scoring';
import {
  acknowledgePlan,
  addTreatmentPlanVersion,
  createAssessment,
  createCheckIns,
  createMessage,
  createPlanComment,
  createPlanReviewRequest,
  createPsychotherapyNote,
  createSessionNote,
  createTreatmentPlan,
  recordMedicationChanges,
  type DapBody,
  type FactoryDb,
  type GoalInput,
  type MedicationChangeSpec,
  type PatientWithAccount,
  type PlanWithVersion,
  type SoapBody,
} from './build';
import { patientScope } from '@/lib/data/scope';
import { buildCheckIns, type CheckInPlan } from './check-ins';
import { createRandom, type DemoContext, type DemoStaff } from './context';
import { tellConversation, type DemoConversation } from './conversation';
import { tellSafety, type DemoContact, type DemoSafetyPlanVersion } from './safety';

/** [day offset, hour, minute]: a local time. */
export type Moment = readonly [offset: number, hour: number, minute: number];
/** A local clock time on a day given elsewhere: [hour, minute]. */
export type Clock = readonly [hour: number, minute: number];
export type Staff = keyof DemoStaff;

/** A medication change; `corrects` names an earlier change of the story by its index. */
export type DemoMedicationChange = Omit<
  MedicationChangeSpec,
  'correctsId' | 'effectiveDate' | 'reviewBy' | 'createdAt'
> & { effectiveDate: number; reviewBy?: number; createdAt: Moment; corrects?: number };

/** A new goal, or the goal at `keep` in the previous version (its key kept), perhaps re-rated. */
export type DemoGoal =
  | (Omit<GoalInput, 'goalKey' | 'targetDate'> & { targetDate?: number })
  | { keep: number; status?: GoalStatus; patientWording?: string };

/** A new intervention, or the one at `keep` in the previous version, perhaps re-timed. */
export type DemoIntervention =
  | {
      kind: InterventionKind;
      description: string;
      owner: Staff | null;
      frequency: string;
      /** The regimen's key of the medication a medication-management item is about. */
      medicationKey?: string;
    }
  | { keep: number; frequency?: string };

export type DemoPlanVersion = {
  author: Staff;
  createdAt: Moment;
  acknowledgedAt?: Moment;
  presentingConcerns?: string;
  patientGoalsOwnWords?: string;
  changeSummary?: string;
  /** What the version changed, in words for the patient. */
  patientSummary?: string;
  reviewBy: number;
  /** Carried over from the previous version when absent. */
  goals?: readonly DemoGoal[];
  interventions?: readonly DemoIntervention[];
  comments?: readonly { by: Staff | 'patient'; body: string; createdAt: Moment }[];
  reviewRequests?: readonly {
    reason: PlanReviewReason;
    detail: string;
    createdAt: Moment;
    resolved?: { by: Staff; at: Moment };
  }[];
};

/** A session: the day offset, the note's body, and an addendum written the next day. */
export type Session = readonly [offset: number, body: DapBody | SoapBody, addendum?: string];

export type NoteSeries = {
  author: Staff;
  kind: SessionNoteKind;
  sessions: readonly Session[];
  written: Clock;
  /** Signed at this time on the session day; a draft when absent. */
  signed?: Clock;
  /** When the addenda were written, on the day after the session. */
  addendum?: Clock;
};

/** Answers given every 14 days from day `from`, each set written as its digits ("2330…"). */
export function fortnightly(from: number, answerSets: string) {
  return answerSets.split(' ').map((set, i) => [from + 14 * i, [...set].map(Number)] as const);
}

type NoteTimes = Pick<NoteSeries, 'written' | 'signed' | 'addendum'>;

/** A therapist's DAP notes of a series of sessions. */
export function therapyNotes(author: Staff, sessions: readonly Session[], times: NoteTimes) {
  return { author, kind: 'THERAPY', sessions, ...times } satisfies NoteSeries;
}

/** A prescriber's SOAP notes of a series of medication visits. */
export function visitNotes(author: Staff, sessions: readonly Session[], times: NoteTimes) {
  return { author, kind: 'MEDICATION_MANAGEMENT', sessions, ...times } satisfies NoteSeries;
}

export type DemoStory = {
  medications: { prescriber: Staff; changes: readonly DemoMedicationChange[] };
  /** The treatment plan's versions, oldest first. */
  plan: readonly DemoPlanVersion[];
  /** `measure.goal`: the index of the measured goal in the plan's first version. */
  checkIns: Omit<CheckInPlan, 'measure'> & {
    measure?: {
      goal: number;
      /** Its own random source for `value` (instead of the check-ins' one), when given. */
      seed?: number;
      value: (offset: number, random: () => number) => number;
    };
  };
  assessments: readonly {
    instrument: AssessmentInstrument;
    scores: readonly (readonly [offset: number, answers: number[]])[];
    at: Clock;
    /** Who acknowledges and resolves a raised safety flag, when on the same day, and how. */
    flagResolved?: { by: Staff; at: Clock } & Resolution;
  }[];
  notes: readonly NoteSeries[];
  psychotherapyNotes?: { author: Staff; at: Clock; notes: readonly (readonly [number, string])[] };
  /** Care-team messages: [day offset, hour, author, body], each at `minute` past the hour. */
  messages?: { minute: number; list: readonly (readonly [number, number, Staff, string])[] };
  /** Phone, preferred contact and emergency contact. */
  contact?: DemoContact;
  /** The safety plan's versions, oldest first. */
  safetyPlan?: readonly DemoSafetyPlanVersion[];
  /** The patient's secure conversation with their care team. */
  conversation?: DemoConversation;
  /** The patient's reminders (an hour on their own clock; every reminder on unless said). */
  reminders?: {
    checkInHour: number;
    checkInReminder?: boolean;
    questionnaireReminder?: boolean;
    planReminder?: boolean;
  };
};

/** Writes one patient's history (in the one transaction given as `db`). */
export async function tellStory(
  db: FactoryDb,
  ctx: DemoContext,
  patient: PatientWithAccount,
  story: DemoStory,
): Promise<void> {
  const { day, staff } = ctx;
  const at = ([offset, hour, minute]: Moment) => ctx.at(offset, hour, minute);
  const on = (offset: number, [hour, minute]: Clock) => ctx.at(offset, hour, minute);

  await recordStoryMedications(db, ctx, patient, story.medications);
  const firstGoals = await writePlan(db, ctx, patient, story.plan);
  const { measure, ...checkIns } = story.checkIns;
  await createCheckIns(
    db,
    patient,
    buildCheckIns(ctx, { ...checkIns, measure: measure && measuring(measure, firstGoals) }),
  );
  for (const { instrument, scores, flagResolved, ...times } of story.assessments) {
    for (const [offset, answers] of scores) {
      await createAssessment(db, patient, {
        instrument,
        answers,
        completedAt: on(offset, times.at),
        flagResolved: flagResolved && {
          ...flagResolved,
          by: staff[flagResolved.by],
          at: on(offset, flagResolved.at),
        },
      });
    }
  }
  for (const series of story.notes) {
    for (const [offset, body, addendum] of series.sessions) {
      await createSessionNote(db, patient, staff[series.author], {
        kind: series.kind,
        format: series.kind === 'THERAPY' ? 'DAP' : 'SOAP',
        sessionDate: day(offset),
        body,
        status: series.signed ? 'SIGNED' : 'DRAFT',
        createdAt: on(offset, series.written),
        signedAt: series.signed && on(offset, series.signed),
        addenda:
          addendum && series.addendum
            ? [{ body: addendum, createdAt: on(offset + 1, series.addendum) }]
            : [],
      });
    }
  }
  const reflections = story.psychotherapyNotes;
  for (const [offset, body] of reflections?.notes ?? []) {
    const createdAt = on(offset, reflections!.at);
    await createPsychotherapyNote(db, patient, staff[reflections!.author], {
      sessionDate: day(offset),
      body,
      createdAt,
    });
  }
  const messages = story.messages;
  for (const [offset, hour, author, body] of messages?.list ?? []) {
    await createMessage(db, patient, staff[author], {
      body,
      createdAt: at([offset, hour, messages!.minute]),
    });
  }
  await tellSafety(db, ctx, patient, story);
  await tellConversation(db, ctx, patient, story.conversation);
  if (story.reminders) {
    const reminders = { ...patientScope(patient), ...story.reminders };
    await db.reminderSettings.create({ data: reminders });
  }
  await readOlderItems(db, patient, ctx.at(-INBOX_UNREAD_DAYS, 0));
}

/** Days back from the seed day whose inbox items the demo leaves unread. */
export const INBOX_UNREAD_DAYS = 3;

/**
 * The inbox items of the history before `before` read, each two hours after it came, as a busy
 * clinic would have: the demo opens with the last few days unread, not three months of them.
 * An urgent item about a flag nobody acknowledged stays unread, as it would.
 */
async function readOlderItems(db: FactoryDb, patient: PatientWithAccount, before: Date) {
  await db.$executeRaw`
    UPDATE "Notification" n SET "readAt" = n."createdAt" + interval '2 hours'
     WHERE n."patientId" = ${patient.id}::uuid AND n."createdAt" < ${before}
       AND n."readAt" IS NULL
       AND NOT (n.urgent AND EXISTS (SELECT 1 FROM "SafetyFlag" f
                                      WHERE f.id = n."safetyFlagId" AND f.status = 'OPEN'))`;
}

function measuring(measure: NonNullable<DemoStory['checkIns']['measure']>, goals: PlanGoal[]) {
  const own = measure.seed === undefined ? undefined : createRandom(measure.seed);
  return {
    goalKey: goals[measure.goal]!.goalKey,
    value: (offset: number, random: () => number) => measure.value(offset, own ?? random),
  };
}

async function recordStoryMedications(
  db: FactoryDb,
  ctx: DemoContext,
  patient: PatientWithAccount,
  medications: DemoStory['medications'],
): Promise<void> {
  const ids: string[] = [];
  for (const { corrects, effectiveDate, reviewBy, createdAt, ...change } of medications.changes) {
    const [recorded] = await recordMedicationChanges(
      db,
      patient,
      ctx.staff[medications.prescriber],
      [
        {
          ...change,
          effectiveDate: ctx.day(effectiveDate),
          reviewBy: reviewBy === undefined ? undefined : ctx.day(reviewBy),
          createdAt: ctx.at(...createdAt),
          correctsId: corrects === undefined ? undefined : ids[corrects],
        },
      ],
    );
    ids.push(recorded!.id);
  }
}

/** Writes the plan's versions, with acknowledgements, comments and review requests. */
async function writePlan(
  db: FactoryDb,
  ctx: DemoContext,
  patient: PatientWithAccount,
  versions: readonly DemoPlanVersion[],
): Promise<PlanGoal[]> {
  const at = (moment: Moment) => ctx.at(...moment);
  const written: PlanWithVersion[] = [];
  for (const version of versions) {
    const previous = written.at(-1);
    const author = ctx.staff[version.author];
    const content = {
      createdAt: at(version.createdAt),
      presentingConcerns: version.presentingConcerns,
      patientGoalsOwnWords: version.patientGoalsOwnWords,
      changeSummary: version.changeSummary,
      patientSummary: version.patientSummary,
      reviewBy: ctx.day(version.reviewBy),
      goals: version.goals?.map((goal) =>
        'keep' in goal
          ? { ...previous!.goals[goal.keep]!, ...goal }
          : {
              ...goal,
              targetDate: goal.targetDate === undefined ? null : ctx.day(goal.targetDate),
            },
      ),
      interventions: version.interventions?.map((intervention) =>
        'keep' in intervention
          ? { ...previous!.interventions[intervention.keep]!, ...intervention }
          : { ...intervention, ownerId: intervention.owner && ctx.staff[intervention.owner].id },
      ),
    };
    const saved = previous
      ? await addTreatmentPlanVersion(db, previous.plan, author, content)
      : await createTreatmentPlan(db, patient, author, content);
    written.push(saved);
    if (version.acknowledgedAt)
      await acknowledgePlan(db, patient, saved.version, at(version.acknowledgedAt));
    for (const comment of version.comments ?? []) {
      const by = comment.by === 'patient' ? patient.account : ctx.staff[comment.by];
      await createPlanComment(db, patient, saved.version, by, {
        body: comment.body,
        createdAt: at(comment.createdAt),
      });
    }
    for (const request of version.reviewRequests ?? []) {
      await createPlanReviewRequest(db, patient, saved.plan, {
        reason: request.reason,
        detail: request.detail,
        createdAt: at(request.createdAt),
        resolvedBy: request.resolved && ctx.staff[request.resolved.by],
        resolvedAt: request.resolved && at(request.resolved.at),
      });
    }
  }
  return written[0]?.goals ?? [];
}
