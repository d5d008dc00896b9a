// The vocabulary the demo patients are told in: each patient file describes its history as data
// (a DemoStory), and tellStory writes it through the shared builders (./build). Times are day
// offsets from the seed day and local clock times on those days.
import type { PlanGoal, SessionNoteKind, User } from '@/prisma/generated/client';
import type { AssessmentInstrument } from '@/lib/clinical/scoring';
import {
  createAssessment,
  createCheckIns,
  createMessage,
  createPsychotherapyNote,
  createSessionNote,
  recordMedicationChanges,
  type DapBody,
  type FactoryDb,
  type MedicationChangeSpec,
  type PatientWithAccount,
  type SoapBody,
} from './build';
import { buildCheckIns, type CheckInPlan } from './check-ins';
import type { DemoContext } from './context';

/** A local clock time: [hour, minute]. */
export type Clock = readonly [hour: number, minute: number];

/** A medication change; `corrects` names an earlier change of the story by its index. */
export type DemoMedicationChange = Omit<MedicationChangeSpec, 'correctsId'> & { corrects?: number };

/** A session: the day offset, the note's body, and an addendum written the next morning. */
export type Session<Body> = readonly [offset: number, body: Body, addendum?: string];

export type NoteSeries = {
  author: User;
  kind: SessionNoteKind;
  sessions: readonly Session<DapBody | SoapBody>[];
  written: Clock;
  /** Signed at this time on the session day; a draft when absent. */
  signed?: Clock;
  /** When the addenda were written, on the day after the session. */
  addendum?: Clock;
};

export type DemoStory = {
  patient: PatientWithAccount;
  medications: { prescriber: User; changes: readonly DemoMedicationChange[] };
  /** Writes the treatment plan's versions; returns the goal whose measure the check-ins report. */
  plan: (db: FactoryDb) => Promise<PlanGoal | undefined>;
  checkIns: Omit<CheckInPlan, 'measure'> & {
    measure?: (offset: number, random: () => number) => number;
  };
  assessments: readonly {
    instrument: AssessmentInstrument;
    scores: readonly (readonly [offset: number, answers: number[]])[];
    at: Clock;
    /** Who reviewed a raised safety flag, and when on the same day. */
    flagReviewed?: { by: User; at: Clock };
  }[];
  notes: readonly NoteSeries[];
  psychotherapyNotes?: { author: User; at: Clock; notes: readonly (readonly [number, string])[] };
  /** Care-team messages: [day offset, hour, author, body], each at `minute` past the hour. */
  messages: { minute: number; list: readonly (readonly [number, number, User, string])[] };
};

/** Writes one patient's history, in one transaction given as `db`. */
export async function tellStory(db: FactoryDb, ctx: DemoContext, story: DemoStory): Promise<void> {
  const { patient } = story;
  const { day, at } = ctx;
  const on = (offset: number, [hour, minute]: Clock) => at(offset, hour, minute);

  await recordStoryMedications(db, story);
  const measured = await story.plan(db);
  const { measure, ...checkIns } = story.checkIns;
  await createCheckIns(
    db,
    patient,
    buildCheckIns(ctx, {
      ...checkIns,
      measure: measure && measured ? { goalKey: measured.goalKey, value: measure } : undefined,
    }),
  );
  for (const { instrument, scores, flagReviewed, ...times } of story.assessments) {
    for (const [offset, answers] of scores) {
      await createAssessment(db, patient, {
        instrument,
        answers,
        completedAt: on(offset, times.at),
        flagReviewedBy: flagReviewed?.by,
        flagReviewedAt: flagReviewed && on(offset, flagReviewed.at),
      });
    }
  }
  for (const series of story.notes) {
    for (const [offset, body, addendum] of series.sessions) {
      await createSessionNote(db, patient, series.author, {
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
  const process = story.psychotherapyNotes;
  for (const [offset, body] of process?.notes ?? []) {
    await createPsychotherapyNote(db, patient, process!.author, {
      sessionDate: day(offset),
      body,
      createdAt: on(offset, process!.at),
    });
  }
  for (const [offset, hour, author, body] of story.messages.list) {
    await createMessage(db, patient, author, {
      body,
      createdAt: at(offset, hour, story.messages.minute),
    });
  }
}

async function recordStoryMedications(db: FactoryDb, story: DemoStory): Promise<void> {
  const ids: string[] = [];
  for (const { corrects, ...change } of story.medications.changes) {
    const [recorded] = await recordMedicationChanges(
      db,
      story.patient,
      story.medications.prescriber,
      [{ ...change, correctsId: corrects === undefined ? undefined : ids[corrects] }],
    );
    ids.push(recorded!.id);
  }
}
