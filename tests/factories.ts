// Test factories: realistic rows built with the client passed in (the app's `db` or a transaction
// client). The demo seed (prisma/seed.ts) is built from these same functions.
import { randomBytes, randomUUID } from 'node:crypto';
import type {
  Assessment,
  CareTeamMembership,
  CareTeamMessage,
  CheckIn,
  CheckInMeasureValue,
  CheckInSideEffect,
  GoalStatus,
  InterventionKind,
  MeasureDirection,
  MeasureKind,
  MedicationChange,
  Organization,
  Patient,
  PlanAcknowledgement,
  PlanComment,
  PlanGoal,
  PlanIntervention,
  PlanReviewReason,
  PlanReviewRequest,
  Prisma,
  PsychotherapyNote,
  SafetyFlag,
  SessionNote,
  SessionNoteAddendum,
  SessionNoteFormat,
  SessionNoteKind,
  Severity,
  TreatmentPlan,
  TreatmentPlanVersion,
  User,
} from '@/prisma/generated/client';
import { hashPassword } from '@/lib/auth/password';
import type { Role, Viewer } from '@/lib/auth/viewer';
import { scoreAssessment, type AssessmentInstrument } from '@/lib/clinical/scoring';
import {
  deriveRegimen,
  medicationKey,
  transitionConflict,
  type MedicationAction,
  type RegimenChange,
} from '@/lib/clinical/regimen';

/** The app's client (`db` from lib/db) or a transaction client: both fit. */
export type FactoryDb = Prisma.TransactionClient;

type OrgRef = Pick<Organization, 'id'>;
type PatientRef = Pick<Patient, 'id' | 'organizationId'>;
type UserRef = Pick<User, 'id'> & { role?: Role };

export type PatientWithAccount = Patient & { account: User };

// ---------------------------------------------------------------------------------------------
// Dates and names

/** The calendar date of `date` in local time, as a UTC-midnight Date (what `@db.Date` stores). */
export function dateOnly(date: Date = new Date()): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

/** The calendar date `offset` days from today (negative: in the past), as `dateOnly` gives it. */
export function daysFromToday(offset: number, today: Date = new Date()): Date {
  const base = dateOnly(today);
  return new Date(base.getTime() + offset * 86_400_000);
}

/** A moment on a calendar date (from `dateOnly`), at the given local-agnostic UTC hour. */
export function atHour(day: Date, hour: number, minute = 0): Date {
  return new Date(day.getTime() + (hour * 60 + minute) * 60_000);
}

function suffix(): string {
  return randomBytes(4).toString('hex');
}

// Timestamps recorded within the same millisecond would tie; keep default ones strictly rising.
let lastStamp = 0;
function nextStamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

const FIRST_NAMES = ['Robin', 'Taylor', 'Morgan', 'Jamie', 'Quinn', 'Harper', 'Rowan', 'Skyler'];
const LAST_NAMES = ['Ellis', 'Hayes', 'Reyes', 'Novak', 'Baptiste', 'Lindqvist', 'Osei', 'Tanaka'];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function fakeName(): string {
  return `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
}

function emailFor(name: string): string {
  const local = name.toLowerCase().replace(/[^a-z]+/g, '.');
  return `${local}.${suffix()}@example.test`;
}

async function resolvePasswordHash(options: {
  password?: string;
  passwordHash?: string | null;
}): Promise<string | null> {
  if (options.passwordHash !== undefined) return options.passwordHash;
  if (options.password !== undefined) return hashPassword(options.password);
  return null;
}

// ---------------------------------------------------------------------------------------------
// Organizations, accounts, care teams

export async function createOrganization(
  db: FactoryDb,
  overrides: { name?: string; slug?: string; createdAt?: Date } = {},
): Promise<Organization> {
  const tag = suffix();
  return db.organization.create({
    data: {
      name: overrides.name ?? `Test Clinic ${tag}`,
      slug: overrides.slug ?? `test-clinic-${tag}`,
      createdAt: overrides.createdAt,
    },
  });
}

export type UserOptions = {
  role: Role;
  name?: string;
  email?: string;
  /** Hashed with argon2id here (slow); prefer `passwordHash` in tests. */
  password?: string;
  /** A precomputed hash, or null for no password. Wins over `password`. */
  passwordHash?: string | null;
  disabledAt?: Date | null;
  createdAt?: Date;
};

export async function createUser(db: FactoryDb, org: OrgRef, options: UserOptions): Promise<User> {
  const name = options.name ?? fakeName();
  return db.user.create({
    data: {
      organizationId: org.id,
      role: options.role,
      name,
      email: (options.email ?? emailFor(name)).toLowerCase(),
      passwordHash: await resolvePasswordHash(options),
      disabledAt: options.disabledAt ?? null,
      createdAt: options.createdAt,
    },
  });
}

export type PatientOptions = Omit<UserOptions, 'role'> & {
  dateOfBirth?: Date;
  pronouns?: string | null;
};

/** Creates a patient and the patient's own User account (role PATIENT). */
export async function createPatient(
  db: FactoryDb,
  org: OrgRef,
  options: PatientOptions = {},
): Promise<PatientWithAccount> {
  const account = await createUser(db, org, { ...options, role: 'PATIENT' });
  const patient = await db.patient.create({
    data: {
      organizationId: org.id,
      userId: account.id,
      dateOfBirth: options.dateOfBirth ?? new Date(Date.UTC(1990, 4, 17)),
      pronouns: options.pronouns === undefined ? null : options.pronouns,
      createdAt: options.createdAt,
    },
  });
  return { ...patient, account };
}

export async function addToCareTeam(
  db: FactoryDb,
  patient: PatientRef,
  clinician: UserRef,
  options: { startedAt?: Date; endedAt?: Date | null } = {},
): Promise<CareTeamMembership> {
  return db.careTeamMembership.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      clinicianId: clinician.id,
      startedAt: options.startedAt,
      endedAt: options.endedAt ?? null,
    },
  });
}

export type CareTeam = {
  organization: Organization;
  prescriber: User;
  therapist: User;
  patient: PatientWithAccount;
  memberships: CareTeamMembership[];
};

/** An organization (new unless given) with a prescriber and a therapist on one patient's team. */
export async function createCareTeam(
  db: FactoryDb,
  options: { organization?: Organization; passwordHash?: string | null; password?: string } = {},
): Promise<CareTeam> {
  const organization = options.organization ?? (await createOrganization(db));
  const credentials = { passwordHash: options.passwordHash, password: options.password };
  const prescriber = await createUser(db, organization, { ...credentials, role: 'PRESCRIBER' });
  const therapist = await createUser(db, organization, { ...credentials, role: 'THERAPIST' });
  const patient = await createPatient(db, organization, credentials);
  const memberships = [
    await addToCareTeam(db, patient, prescriber),
    await addToCareTeam(db, patient, therapist),
  ];
  return { organization, prescriber, therapist, patient, memberships };
}

/** The Viewer lib/data expects for a user, or for a patient (from createPatient). */
export function viewerFor(subject: User | PatientWithAccount): Viewer {
  if ('account' in subject) {
    const { account } = subject;
    return {
      userId: account.id,
      organizationId: account.organizationId,
      role: 'PATIENT',
      name: account.name,
      email: account.email,
      patientId: subject.id,
    };
  }
  return {
    userId: subject.id,
    organizationId: subject.organizationId,
    role: subject.role,
    name: subject.name,
    email: subject.email,
  };
}

// ---------------------------------------------------------------------------------------------
// Treatment plans

export type GoalInput = {
  /** Keep a goal's key across versions so its check-in values follow it. New when omitted. */
  goalKey?: string;
  description: string;
  status?: GoalStatus;
  measureKind?: MeasureKind;
  measureName?: string | null;
  measureUnit?: string | null;
  direction?: MeasureDirection | null;
  targetValue?: number | null;
  targetDate?: Date | null;
};

export type InterventionInput = {
  kind: InterventionKind;
  description: string;
  ownerId?: string | null;
  frequency: string;
};

export type PlanContent = {
  presentingConcerns?: string;
  patientGoalsOwnWords?: string;
  reviewBy?: Date | null;
  assessmentIntervalDays?: number;
  goals?: GoalInput[];
  interventions?: InterventionInput[];
  changeSummary?: string | null;
  createdAt?: Date;
};

export type PlanWithVersion = {
  plan: TreatmentPlan;
  version: TreatmentPlanVersion;
  goals: PlanGoal[];
  interventions: PlanIntervention[];
};

function defaultGoals(): GoalInput[] {
  return [
    {
      description: 'Depression in the minimal range: PHQ-9 below 5.',
      measureKind: 'PHQ9',
      measureName: 'PHQ-9',
      direction: 'AT_MOST',
      targetValue: 4,
      targetDate: daysFromToday(90),
    },
    {
      description: 'Fewer panic attacks: one or none a week.',
      measureKind: 'PERSONAL',
      measureName: 'Panic attacks',
      measureUnit: 'count',
      direction: 'AT_MOST',
      targetValue: 1,
      targetDate: daysFromToday(60),
    },
    { description: 'Back to seeing friends at least once a week.' },
  ];
}

function defaultInterventions(prescriberId: string | null, therapistId: string | null) {
  return [
    {
      kind: 'MEDICATION_MANAGEMENT',
      description: 'Medication management: titrate to response, review side effects.',
      ownerId: prescriberId,
      frequency: 'Every 4 weeks',
    },
    {
      kind: 'CBT',
      description: 'Cognitive behavioral therapy for depression and panic.',
      ownerId: therapistId,
      frequency: 'Weekly',
    },
  ] satisfies InterventionInput[];
}

async function createVersion(
  db: FactoryDb,
  plan: TreatmentPlan,
  version: number,
  author: UserRef,
  content: Required<Omit<PlanContent, 'createdAt'>> & { createdAt?: Date },
): Promise<Omit<PlanWithVersion, 'plan'>> {
  const organizationId = plan.organizationId;
  const created = await db.treatmentPlanVersion.create({
    data: {
      organizationId,
      planId: plan.id,
      patientId: plan.patientId,
      version,
      presentingConcerns: content.presentingConcerns,
      patientGoalsOwnWords: content.patientGoalsOwnWords,
      reviewBy: content.reviewBy,
      assessmentIntervalDays: content.assessmentIntervalDays,
      changeSummary: content.changeSummary,
      authorId: author.id,
      createdAt: content.createdAt,
      goals: {
        createMany: {
          data: content.goals.map((goal, position) => ({
            organizationId,
            goalKey: goal.goalKey ?? randomUUID(),
            position,
            description: goal.description,
            status: goal.status ?? 'ACTIVE',
            measureKind: goal.measureKind ?? 'NONE',
            measureName: goal.measureName ?? null,
            measureUnit: goal.measureUnit ?? null,
            direction: goal.direction ?? null,
            targetValue: goal.targetValue ?? null,
            targetDate: goal.targetDate ?? null,
          })),
        },
      },
      interventions: {
        createMany: {
          data: content.interventions.map((intervention, position) => ({
            organizationId,
            position,
            kind: intervention.kind,
            description: intervention.description,
            ownerId: intervention.ownerId ?? null,
            frequency: intervention.frequency,
          })),
        },
      },
    },
    include: {
      goals: { orderBy: { position: 'asc' } },
      interventions: { orderBy: { position: 'asc' } },
    },
  });
  const { goals, interventions, ...versionRow } = created;
  return { version: versionRow, goals, interventions };
}

/**
 * A treatment plan at version 1. Defaults: a PHQ-9 target, a personal measure (panic attacks),
 * a goal without a measure, and medication management and CBT owned by the given clinicians.
 */
export async function createTreatmentPlan(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: PlanContent & { prescriber?: UserRef; therapist?: UserRef } = {},
): Promise<PlanWithVersion> {
  const prescriberId = options.prescriber?.id ?? (author.role === 'PRESCRIBER' ? author.id : null);
  const therapistId = options.therapist?.id ?? (author.role === 'THERAPIST' ? author.id : null);
  const plan = await db.treatmentPlan.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      currentVersion: 1,
      createdAt: options.createdAt,
      updatedAt: options.createdAt,
    },
  });
  const parts = await createVersion(db, plan, 1, author, {
    presentingConcerns:
      options.presentingConcerns ??
      'Low mood, poor sleep and panic attacks for four months after a job change.',
    patientGoalsOwnWords:
      options.patientGoalsOwnWords ?? 'I want to feel like myself again and stop avoiding the bus.',
    reviewBy: options.reviewBy === undefined ? daysFromToday(90) : options.reviewBy,
    assessmentIntervalDays: options.assessmentIntervalDays ?? 14,
    goals: options.goals ?? defaultGoals(),
    interventions: options.interventions ?? defaultInterventions(prescriberId, therapistId),
    changeSummary: options.changeSummary ?? null,
    createdAt: options.createdAt,
  });
  return { plan, ...parts };
}

/**
 * The next version of a plan: unspecified content is carried over from the newest version
 * (goals keep their goalKey), and the plan's currentVersion moves on.
 */
export async function addTreatmentPlanVersion(
  db: FactoryDb,
  plan: Pick<TreatmentPlan, 'id'>,
  author: UserRef,
  options: PlanContent = {},
): Promise<PlanWithVersion> {
  const current = await db.treatmentPlan.findUniqueOrThrow({ where: { id: plan.id } });
  const latest = await db.treatmentPlanVersion.findUniqueOrThrow({
    where: { planId_version: { planId: current.id, version: current.currentVersion } },
    include: {
      goals: { orderBy: { position: 'asc' } },
      interventions: { orderBy: { position: 'asc' } },
    },
  });
  const nextVersion = current.currentVersion + 1;
  const updated = await db.treatmentPlan.update({
    where: { id: current.id },
    data: { currentVersion: nextVersion, updatedAt: options.createdAt },
  });
  const parts = await createVersion(db, updated, nextVersion, author, {
    presentingConcerns: options.presentingConcerns ?? latest.presentingConcerns,
    patientGoalsOwnWords: options.patientGoalsOwnWords ?? latest.patientGoalsOwnWords,
    reviewBy: options.reviewBy === undefined ? latest.reviewBy : options.reviewBy,
    assessmentIntervalDays: options.assessmentIntervalDays ?? latest.assessmentIntervalDays,
    goals: options.goals ?? latest.goals,
    interventions: options.interventions ?? latest.interventions,
    changeSummary: options.changeSummary ?? null,
    createdAt: options.createdAt,
  });
  return { plan: updated, ...parts };
}

export async function acknowledgePlan(
  db: FactoryDb,
  patient: PatientRef,
  version: Pick<TreatmentPlanVersion, 'id'>,
  acknowledgedAt?: Date,
): Promise<PlanAcknowledgement> {
  return db.planAcknowledgement.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      planVersionId: version.id,
      acknowledgedAt,
    },
  });
}

export async function createPlanComment(
  db: FactoryDb,
  patient: PatientRef,
  version: Pick<TreatmentPlanVersion, 'id'>,
  author: UserRef,
  options: { body?: string; createdAt?: Date } = {},
): Promise<PlanComment> {
  return db.planComment.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      planVersionId: version.id,
      authorId: author.id,
      body: options.body ?? 'Could we talk about the homework load at the next session?',
      createdAt: options.createdAt,
    },
  });
}

export async function createPlanReviewRequest(
  db: FactoryDb,
  patient: PatientRef,
  plan: Pick<TreatmentPlan, 'id'>,
  options: {
    reason?: PlanReviewReason;
    detail?: string | null;
    createdAt?: Date;
    resolvedBy?: UserRef | null;
    resolvedAt?: Date | null;
  } = {},
): Promise<PlanReviewRequest> {
  return db.planReviewRequest.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      planId: plan.id,
      reason: options.reason ?? 'TOO_INTENSE',
      detail:
        options.detail === undefined
          ? 'Weekly sessions plus daily worksheets is more than I can manage right now.'
          : options.detail,
      createdAt: options.createdAt,
      resolvedById: options.resolvedBy?.id ?? null,
      resolvedAt: options.resolvedBy ? (options.resolvedAt ?? new Date()) : null,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Medication history

export type MedicationChangeSpec = {
  action: MedicationAction;
  /** Required except for ENTERED_IN_ERROR, which takes the corrected change's medication. */
  medication?: string;
  dose?: number | null;
  unit?: string | null;
  frequency?: string | null;
  route?: string | null;
  effectiveDate?: Date;
  reason?: string;
  monitorFor?: string[];
  reviewBy?: Date | null;
  patientExplanation?: string | null;
  noteForCareTeam?: string | null;
  /** For ENTERED_IN_ERROR: the id of the change marked as a mistake. */
  correctsId?: string;
  createdAt?: Date;
};

const DEFAULT_REASONS: Record<MedicationAction, string> = {
  START: 'Starting treatment for depressive symptoms.',
  INCREASE: 'Partial response at the current dose; tolerating well.',
  DECREASE: 'Side effects outweigh the benefit at the current dose.',
  HOLD: 'Holding during an acute illness.',
  RESUME: 'Illness resolved; resuming at the previous dose.',
  STOP: 'No longer needed.',
  ENTERED_IN_ERROR: 'Recorded by mistake.',
};

const regimenSelect = {
  id: true,
  action: true,
  medication: true,
  medicationKey: true,
  dose: true,
  unit: true,
  frequency: true,
  route: true,
  effectiveDate: true,
  createdAt: true,
  correctsId: true,
  previousChangeId: true,
} as const;

/**
 * Appends medication changes in the order given, each linked to the previous change of the same
 * medication, and keeps MedicationState in step (derived with lib/clinical/regimen.ts). Throws
 * on a change the current state does not allow (e.g. starting an active medication).
 */
export async function recordMedicationChanges(
  db: FactoryDb,
  patient: PatientRef,
  prescriber: UserRef,
  changes: MedicationChangeSpec[],
): Promise<MedicationChange[]> {
  const corrected = await db.medicationChange.findMany({
    where: {
      patientId: patient.id,
      organizationId: patient.organizationId,
      id: { in: changes.flatMap((c) => (c.correctsId ? [c.correctsId] : [])) },
    },
    select: { id: true, medication: true },
  });
  const correctedMedication = new Map(corrected.map((c) => [c.id, c.medication]));
  const medicationOf = (spec: MedicationChangeSpec): string => {
    const name = spec.medication ?? (spec.correctsId && correctedMedication.get(spec.correctsId));
    if (!name) throw new Error(`A ${spec.action} change needs a medication.`);
    return name;
  };
  const keys = [...new Set(changes.map((c) => medicationKey(medicationOf(c))))];
  const history: (RegimenChange & { previousChangeId: string | null })[] = (
    await db.medicationChange.findMany({
      where: { patientId: patient.id, medicationKey: { in: keys } },
      select: regimenSelect,
    })
  ).map((c) => ({ ...c, dose: c.dose === null ? null : c.dose.toNumber() }));

  const tails = new Map<string, { id: string; createdAt: Date }>();
  const followed = new Set(history.map((c) => c.previousChangeId));
  for (const change of history) {
    const tail = tails.get(change.medicationKey);
    if (!followed.has(change.id) && (!tail || tail.createdAt < change.createdAt)) {
      tails.set(change.medicationKey, change);
    }
  }

  const rows: Prisma.MedicationChangeCreateManyInput[] = [];
  for (const spec of changes) {
    const medication = medicationOf(spec);
    const key = medicationKey(medication);
    const hasDose =
      spec.action === 'START' || spec.action === 'INCREASE' || spec.action === 'DECREASE';
    const dose = spec.dose ?? null;
    if (spec.action === 'ENTERED_IN_ERROR') {
      if (!spec.correctsId || !correctedMedication.has(spec.correctsId)) {
        throw new Error(
          'ENTERED_IN_ERROR needs correctsId naming an earlier change of this patient.',
        );
      }
    } else {
      const current = deriveRegimen(history.filter((c) => c.medicationKey === key))[0];
      const conflict = transitionConflict(current, spec.action, dose);
      if (conflict) throw new Error(`${spec.action} ${medication}: ${conflict}`);
    }
    const row = {
      id: randomUUID(),
      organizationId: patient.organizationId,
      patientId: patient.id,
      prescriberId: prescriber.id,
      action: spec.action,
      medication,
      medicationKey: key,
      dose,
      unit: spec.unit !== undefined ? spec.unit : hasDose && dose !== null ? 'mg' : null,
      frequency: spec.frequency !== undefined ? spec.frequency : hasDose ? 'once daily' : null,
      route: spec.route !== undefined ? spec.route : hasDose ? 'oral' : null,
      effectiveDate: spec.effectiveDate ?? dateOnly(),
      reason: spec.reason ?? DEFAULT_REASONS[spec.action],
      monitorFor: spec.monitorFor ?? [],
      reviewBy: spec.reviewBy ?? null,
      patientExplanation: spec.patientExplanation ?? null,
      noteForCareTeam: spec.noteForCareTeam ?? null,
      previousChangeId: tails.get(key)?.id ?? null,
      correctsId: spec.correctsId ?? null,
      createdAt: spec.createdAt ?? nextStamp(),
    };
    rows.push(row);
    history.push(row);
    tails.set(key, row);
  }
  // Rows follow each other within one statement; PostgreSQL checks the links at its end.
  await db.medicationChange.createMany({ data: rows });
  await syncMedicationStates(db, patient, keys, history);

  const created = await db.medicationChange.findMany({
    where: { id: { in: rows.map((r) => r.id!) } },
  });
  const byId = new Map(created.map((c) => [c.id, c]));
  return rows.map((r) => byId.get(r.id!)!);
}

async function syncMedicationStates(
  db: FactoryDb,
  patient: PatientRef,
  keys: string[],
  history: RegimenChange[],
): Promise<void> {
  const derived = new Map(deriveRegimen(history).map((s) => [s.medicationKey, s]));
  for (const key of keys) {
    const state = derived.get(key);
    if (!state) {
      // Every change of this medication was entered in error: it is not part of the regimen.
      await db.medicationState.deleteMany({ where: { patientId: patient.id, medicationKey: key } });
      continue;
    }
    const values = {
      medication: state.medication,
      status: state.status,
      dose: state.dose,
      unit: state.unit,
      frequency: state.frequency,
      route: state.route,
      since: state.since,
      lastChangeId: state.lastChangeId,
    };
    await db.medicationState.upsert({
      where: { patientId_medicationKey: { patientId: patient.id, medicationKey: key } },
      create: {
        ...values,
        organizationId: patient.organizationId,
        patientId: patient.id,
        medicationKey: key,
      },
      update: values,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Check-ins and assessments

export type CheckInSpec = {
  localDate?: Date;
  mood?: number;
  sleepHours?: number | null;
  sleepQuality?: number | null;
  appetite?: number | null;
  energy?: number | null;
  focus?: number | null;
  note?: string | null;
  sideEffects?: { name: string; severity: Severity }[];
  /** Values of the plan's personal measures, by the goal's goalKey. */
  measures?: { goalKey: string; value: number }[];
  createdAt?: Date;
};

export type CheckInWithDetails = CheckIn & {
  sideEffects: CheckInSideEffect[];
  measureValues: CheckInMeasureValue[];
};

/** Several check-ins (one per local date) in three inserts; returned in date order. */
export async function createCheckIns(
  db: FactoryDb,
  patient: PatientRef,
  specs: CheckInSpec[],
): Promise<CheckInWithDetails[]> {
  const organizationId = patient.organizationId;
  const checkIns: Prisma.CheckInCreateManyInput[] = [];
  const sideEffects: Prisma.CheckInSideEffectCreateManyInput[] = [];
  const measures: Prisma.CheckInMeasureValueCreateManyInput[] = [];
  for (const spec of specs) {
    const id = randomUUID();
    const localDate = spec.localDate ?? dateOnly();
    const createdAt = spec.createdAt ?? nextStamp();
    checkIns.push({
      id,
      organizationId,
      patientId: patient.id,
      localDate,
      mood: spec.mood ?? 6,
      sleepHours: spec.sleepHours === undefined ? 7 : spec.sleepHours,
      sleepQuality: spec.sleepQuality === undefined ? 3 : spec.sleepQuality,
      appetite: spec.appetite === undefined ? 3 : spec.appetite,
      energy: spec.energy === undefined ? 3 : spec.energy,
      focus: spec.focus === undefined ? 3 : spec.focus,
      note: spec.note ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    for (const effect of spec.sideEffects ?? []) {
      sideEffects.push({
        organizationId,
        patientId: patient.id,
        checkInId: id,
        name: effect.name,
        severity: effect.severity,
        reportedOn: localDate,
      });
    }
    for (const measure of spec.measures ?? []) {
      measures.push({
        organizationId,
        patientId: patient.id,
        checkInId: id,
        goalKey: measure.goalKey,
        value: measure.value,
        reportedOn: localDate,
      });
    }
  }
  await db.checkIn.createMany({ data: checkIns });
  if (sideEffects.length) await db.checkInSideEffect.createMany({ data: sideEffects });
  if (measures.length) await db.checkInMeasureValue.createMany({ data: measures });
  return db.checkIn.findMany({
    where: { id: { in: checkIns.map((c) => c.id!) } },
    include: { sideEffects: true, measureValues: true },
    orderBy: { localDate: 'asc' },
  });
}

export async function createCheckIn(
  db: FactoryDb,
  patient: PatientRef,
  spec: CheckInSpec = {},
): Promise<CheckInWithDetails> {
  const [checkIn] = await createCheckIns(db, patient, [spec]);
  return checkIn!;
}

const DEFAULT_ANSWERS: Record<AssessmentInstrument, number[]> = {
  PHQ9: [2, 1, 2, 2, 1, 1, 1, 0, 0],
  GAD7: [2, 1, 2, 1, 1, 1, 1],
};

export type AssessmentWithFlags = Assessment & { safetyFlags: SafetyFlag[] };

/**
 * A completed PHQ-9 or GAD-7, scored by lib/clinical/scoring.ts. A PHQ-9 with item 9 above 0
 * raises a SafetyFlag; pass `flagReviewedBy` to record it as already reviewed.
 */
export async function createAssessment(
  db: FactoryDb,
  patient: PatientRef,
  options: {
    instrument?: AssessmentInstrument;
    answers?: number[];
    completedAt?: Date;
    flagReviewedBy?: UserRef;
    flagReviewedAt?: Date;
  } = {},
): Promise<AssessmentWithFlags> {
  const instrument = options.instrument ?? 'PHQ9';
  const answers = options.answers ?? DEFAULT_ANSWERS[instrument];
  const result = scoreAssessment(instrument, answers);
  const completedAt = options.completedAt ?? nextStamp();
  const assessment = await db.assessment.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      instrument,
      answers,
      score: result.score,
      severity: result.severity,
      safetyFlag: result.safetyFlag,
      completedAt,
    },
  });
  const safetyFlags: SafetyFlag[] = [];
  if (result.safetyFlag) {
    safetyFlags.push(
      await db.safetyFlag.create({
        data: {
          organizationId: patient.organizationId,
          patientId: patient.id,
          assessmentId: assessment.id,
          reason: `PHQ-9 item 9 (thoughts of self-harm) answered ${answers[8]} of 3.`,
          raisedAt: completedAt,
          reviewedById: options.flagReviewedBy?.id ?? null,
          reviewedAt: options.flagReviewedBy
            ? (options.flagReviewedAt ?? new Date(completedAt.getTime() + 3_600_000))
            : null,
        },
      }),
    );
  }
  return { ...assessment, safetyFlags };
}

// ---------------------------------------------------------------------------------------------
// Notes and messages

export type DapBody = { data: string; assessment: string; plan: string };
export type SoapBody = { subjective: string; objective: string; assessment: string; plan: string };

export type AddendumSpec = string | { body: string; author?: UserRef; createdAt?: Date };

export type SessionNoteWithAddenda = SessionNote & { addenda: SessionNoteAddendum[] };

const DEFAULT_DAP: DapBody = {
  data: 'Reports mood 5/10, sleeping about 6 hours. Completed two of three activity-scheduling tasks.',
  assessment: 'Engaged; early gains in activation. Avoidance of social plans persists.',
  plan: 'Continue weekly CBT. Add one social activity to the schedule. Review thought record.',
};

const DEFAULT_SOAP: SoapBody = {
  subjective: 'Mood somewhat better. Mild nausea in the first week, now resolved.',
  objective: 'Calm, good eye contact, linear thought process. Denies SI/HI.',
  assessment: 'Partial response to current dose, well tolerated.',
  plan: 'Continue current dose. Recheck PHQ-9 in two weeks. Follow up in four weeks.',
};

/**
 * A progress note. Kind and format follow the author's role unless given (prescriber:
 * medication management, SOAP; therapist: therapy, DAP). Draft unless `status: 'SIGNED'`.
 */
export async function createSessionNote(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: {
    kind?: SessionNoteKind;
    format?: SessionNoteFormat;
    sessionDate?: Date;
    body?: DapBody | SoapBody;
    status?: 'DRAFT' | 'SIGNED';
    signedAt?: Date;
    withheldReason?: string;
    withheldAt?: Date;
    addenda?: AddendumSpec[];
    createdAt?: Date;
  } = {},
): Promise<SessionNoteWithAddenda> {
  const kind = options.kind ?? (author.role === 'PRESCRIBER' ? 'MEDICATION_MANAGEMENT' : 'THERAPY');
  const format = options.format ?? (kind === 'MEDICATION_MANAGEMENT' ? 'SOAP' : 'DAP');
  const status = options.status ?? 'DRAFT';
  const createdAt = options.createdAt ?? nextStamp();
  const signedAt = status === 'SIGNED' ? (options.signedAt ?? createdAt) : null;
  const note = await db.sessionNote.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      kind,
      format,
      sessionDate: options.sessionDate ?? dateOnly(),
      body: options.body ?? (format === 'SOAP' ? DEFAULT_SOAP : DEFAULT_DAP),
      status,
      signedAt,
      withheldReason: options.withheldReason ?? null,
      withheldAt: options.withheldReason ? (options.withheldAt ?? signedAt ?? createdAt) : null,
      createdAt,
      updatedAt: signedAt ?? createdAt,
    },
  });
  const addenda: SessionNoteAddendum[] = [];
  for (const spec of options.addenda ?? []) {
    const addendum = typeof spec === 'string' ? { body: spec } : spec;
    addenda.push(
      await db.sessionNoteAddendum.create({
        data: {
          organizationId: patient.organizationId,
          patientId: patient.id,
          noteId: note.id,
          authorId: (addendum.author ?? author).id,
          body: addendum.body,
          createdAt: addendum.createdAt ?? nextStamp(),
        },
      }),
    );
  }
  return { ...note, addenda };
}

export async function createPsychotherapyNote(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: { body?: string; sessionDate?: Date | null; createdAt?: Date } = {},
): Promise<PsychotherapyNote> {
  const createdAt = options.createdAt ?? nextStamp();
  return db.psychotherapyNote.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      sessionDate: options.sessionDate === undefined ? dateOnly() : options.sessionDate,
      body:
        options.body ??
        'Process: noticed a pull to reassure when the client minimized progress; sit with it next time.',
      createdAt,
      updatedAt: createdAt,
    },
  });
}

export async function createMessage(
  db: FactoryDb,
  patient: PatientRef,
  author: UserRef,
  options: { body?: string; createdAt?: Date } = {},
): Promise<CareTeamMessage> {
  return db.careTeamMessage.create({
    data: {
      organizationId: patient.organizationId,
      patientId: patient.id,
      authorId: author.id,
      body:
        options.body ??
        'Heads up: dose increased today. Sleep may be lighter for a week or two; worth asking.',
      createdAt: options.createdAt ?? nextStamp(),
    },
  });
}
