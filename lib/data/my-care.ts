import 'server-only';
import type { Prisma } from '@/prisma/generated/client';
import type { Tx } from '@/lib/db';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { patientsInScope } from '@/lib/auth/policy';
import type { Role, Viewer } from '@/lib/auth/viewer';
import { NotFoundError } from '@/lib/errors';
import { toIsoDate } from '@/lib/format';
import { doseBefore, lastChangeText } from '@/lib/clinical/medication-wording';
import { doseToNumber } from '@/lib/clinical/regimen';
import { stateSelect, toRegimenItem } from '@/lib/data/medications/rows';
import { DEFAULT_ASSESSMENT_INTERVAL_DAYS } from '@/lib/clinical/assessment-schedule';
import { assessmentsDue, type AssessmentDue } from '@/lib/data/assessments';
import { addDays, fromIsoDate } from '@/lib/calendar-date';
import { currentPlanVersion } from '@/lib/data/treatment-plans/current';
import { goalFields } from '@/lib/data/treatment-plans/shared';
import { patientScope, type ScopedPatient } from '@/lib/data/scope';
import { goalStatuses, type DisplayedGoalStatus } from '@/lib/clinical/goal-progress';
import { progressOf } from '@/lib/data/treatment-plans/progress';
import { linkedKeys, planMedications } from '@/lib/data/treatment-plans/plan-medications';
import type { PlanMedication } from '@/lib/schemas/treatment-plan';
import { conversationUnreadTx } from '@/lib/data/conversation/write';

/** `isActive` false: the clinician's account is disabled, no longer active on the team. */
export type CareTeamMember = { id: string; name: string; role: Role; isActive: boolean };

export type MyCareGoal = {
  id: string;
  /** The goal in the patient's words: its wording for the patient, else its description. */
  description: string;
  status: 'ACTIVE' | 'ACHIEVED' | 'PAUSED' | 'DISCONTINUED';
  /** The one status every screen shows (lib/clinical/goal-progress.ts `displayedGoalStatus`). */
  displayStatus: DisplayedGoalStatus;
  target: {
    kind: 'PHQ9' | 'GAD7' | 'PERSONAL';
    name: string | null;
    unit: string | null;
    direction: 'AT_MOST' | 'AT_LEAST' | null;
    value: number | null;
    /** `YYYY-MM-DD` */
    byDate: string | null;
  } | null;
};

export type MyCareIntervention = {
  id: string;
  kind: string;
  description: string;
  frequency: string;
  owner: { name: string; role: Role } | null;
  /** A medication item's medication as the regimen has it now, or null. */
  medication: PlanMedication | null;
};

export type MyCarePlan = {
  version: number;
  /** ISO timestamp of this version. */
  updatedAt: string;
  /** What this version changed, in the care team's words for the patient (never changeSummary). */
  patientSummary: string | null;
  patientGoalsOwnWords: string;
  goals: MyCareGoal[];
  interventions: MyCareIntervention[];
  /** `YYYY-MM-DD` */
  reviewBy: string | null;
};

export type MyCareMedication = {
  id: string;
  medication: string;
  status: 'ACTIVE' | 'HELD';
  dose: number | null;
  unit: string | null;
  frequency: string | null;
  route: string | null;
  /** `YYYY-MM-DD` */
  since: string;
  explanation: string | null;
  prescriberName: string;
  /** What the last change was, in plain words: "Dose raised from 50 mg to 100 mg". */
  lastChange: string;
};

export type MyCareTrend = {
  /** Mood (0–10) of each check-in of the last 14 days, oldest first. */
  mood: { date: string; value: number }[];
  /** `YYYY-MM-DD` of the check-ins of the days around today, for "you checked in today". */
  recentCheckInDates: string[];
  /** `YYYY-MM-DD` of the newest check-in, or null. */
  lastCheckIn: string | null;
};

export type MyCareSummary = {
  patientId: string;
  name: string;
  plan: MyCarePlan | null;
  medications: MyCareMedication[];
  careTeam: CareTeamMember[];
  /** When each questionnaire is next due, with the last score. */
  assessments: AssessmentDue[];
  assessmentIntervalDays: number;
  trend: MyCareTrend;
  /** Messages from the care team the patient has not read yet. */
  conversationUnread: number;
};

// Generous bounds: a real plan, regimen or team is far smaller, but no read is unbounded.
const MAX_ITEMS = 100;

const planSelect = {
  version: true,
  createdAt: true,
  patientSummary: true,
  assessmentIntervalDays: true,
  patientGoalsOwnWords: true,
  reviewBy: true,
  goals: {
    orderBy: { position: 'asc' },
    take: MAX_ITEMS,
    select: { id: true, goalKey: true, ...goalFields },
  },
  interventions: {
    orderBy: { position: 'asc' },
    take: MAX_ITEMS,
    select: {
      id: true,
      kind: true,
      description: true,
      frequency: true,
      owner: { select: { name: true, role: true } },
      medicationKey: true,
    },
  },
} as const satisfies Prisma.TreatmentPlanVersionSelect;

type Scope = { patientId: string; organizationId: string };
type PlanRow = Prisma.TreatmentPlanVersionGetPayload<{ select: typeof planSelect }>;

/** The plan with each goal's displayed status and each medication item's live regimen. */
async function toMyCarePlan(tx: Tx, patient: ScopedPatient, plan: PlanRow): Promise<MyCarePlan> {
  const goals = plan.goals.map((g) => ({
    ...g,
    targetDate: g.targetDate ? toIsoDate(g.targetDate) : null,
  }));
  const statuses = new Map(
    goalStatuses(goals, await progressOf(tx, patient, { goals }), toIsoDate(new Date())).map(
      (s) => [s.goalKey, s.status],
    ),
  );
  const keys = linkedKeys(plan.interventions);
  const medications = keys.length ? await planMedications(tx, patient, keys) : [];
  const medicationByKey = new Map(medications.map((m) => [m.medicationKey, m]));
  return {
    version: plan.version,
    updatedAt: plan.createdAt.toISOString(),
    patientSummary: plan.patientSummary,
    patientGoalsOwnWords: plan.patientGoalsOwnWords,
    reviewBy: plan.reviewBy ? toIsoDate(plan.reviewBy) : null,
    goals: plan.goals.map((g) => ({
      id: g.id,
      description: g.patientWording || g.description,
      status: g.status,
      displayStatus: statuses.get(g.goalKey) ?? 'working-on-it',
      target:
        g.measureKind === 'NONE'
          ? null
          : {
              kind: g.measureKind,
              name: g.measureName,
              unit: g.measureUnit,
              direction: g.direction,
              value: g.targetValue,
              byDate: g.targetDate ? toIsoDate(g.targetDate) : null,
            },
    })),
    interventions: plan.interventions.map(({ medicationKey, ...item }) => ({
      ...item,
      medication: medicationKey ? (medicationByKey.get(medicationKey) ?? null) : null,
    })),
  };
}

/** The medications the patient takes or has on hold, with their last change in plain words. */
async function currentMedications(tx: Tx, scope: Scope): Promise<MyCareMedication[]> {
  const medications = await tx.medicationState.findMany({
    where: { ...scope, status: { in: ['ACTIVE', 'HELD'] } },
    orderBy: { medication: 'asc' },
    take: MAX_ITEMS,
    select: {
      ...stateSelect,
      id: true,
      lastChange: {
        select: {
          action: true,
          dose: true,
          patientExplanation: true,
          prescriber: { select: { name: true } },
          previousChange: { select: { action: true, dose: true } },
        },
      },
    },
  });
  return medications.flatMap(({ id, lastChange, ...state }) => {
    const { medicationKey: _key, lastChangeId: _last, status, ...item } = toRegimenItem(state);
    if (status === 'STOPPED') return [];
    return [
      {
        id,
        ...item,
        status,
        explanation: lastChange.patientExplanation,
        prescriberName: lastChange.prescriber.name,
        lastChange: lastChangeText(
          lastChange.action,
          doseToNumber(lastChange.dose),
          doseBefore(lastChange.previousChange),
          item.unit,
        ),
      },
    ];
  });
}

/** The mood of the last two weeks and whether the patient checked in around today. */
async function moodTrend(tx: Tx, scope: Scope, now: Date): Promise<MyCareTrend> {
  // Bounded by date on the (patientId, localDate) index: at most 16 rows.
  const today = toIsoDate(now);
  const recent = await tx.checkIn.findMany({
    where: {
      ...scope,
      localDate: { gte: fromIsoDate(addDays(today, -14)), lte: fromIsoDate(addDays(today, 1)) },
    },
    orderBy: { localDate: 'asc' },
    take: 16,
    select: { localDate: true, mood: true },
  });
  const last =
    recent.at(-1) ??
    (await tx.checkIn.findFirst({
      where: scope,
      orderBy: { localDate: 'desc' },
      select: { localDate: true, mood: true },
    }));
  const nearToday = new Set([addDays(today, -1), today, addDays(today, 1)]);
  return {
    mood: recent.map((c) => ({ date: toIsoDate(c.localDate), value: c.mood })),
    recentCheckInDates: recent
      .map((c) => toIsoDate(c.localDate))
      .filter((date) => nearToday.has(date)),
    lastCheckIn: last ? toIsoDate(last.localDate) : null,
  };
}

/**
 * A patient, about themself only: their latest plan, current medications (active or held) and
 * active care team, and how many messages from the team they have not read, in one audited read.
 */
export async function getMyCareSummary(
  viewer: Viewer,
  now: Date = new Date(),
): Promise<MyCareSummary> {
  // SECURITY: this summary is the patient's own view (careSummary.read); clinicians read the chart.
  const access = {
    permission: 'careSummary.read',
    action: 'read',
    resourceType: 'careSummary',
  } as const;
  return withOrganizationAccess(viewer, access, async (tx, record) => {
    // SECURITY: patientsInScope pins a patient to their own record in their organization.
    const patient = await tx.patient.findFirst({
      where: patientsInScope(viewer),
      select: {
        id: true,
        organizationId: true,
        account: { select: { name: true } },
        careTeam: {
          where: { endedAt: null },
          orderBy: { startedAt: 'asc' },
          take: MAX_ITEMS,
          select: { clinician: { select: { id: true, name: true, role: true, disabledAt: true } } },
        },
      },
    });
    if (!patient) throw new NotFoundError('patient');
    const scope = patientScope(patient);
    const plan = (await currentPlanVersion(tx, patient, planSelect))?.version ?? null;
    const intervalDays = plan?.assessmentIntervalDays ?? DEFAULT_ASSESSMENT_INTERVAL_DAYS;
    const summary: MyCareSummary = {
      patientId: patient.id,
      name: patient.account.name,
      careTeam: patient.careTeam.map(({ clinician }) => ({
        id: clinician.id,
        name: clinician.name,
        role: clinician.role,
        isActive: clinician.disabledAt === null,
      })),
      assessments: await assessmentsDue(tx, patient, intervalDays, now),
      assessmentIntervalDays: intervalDays,
      trend: await moodTrend(tx, scope, now),
      plan: plan && (await toMyCarePlan(tx, patient, plan)),
      medications: await currentMedications(tx, scope),
      conversationUnread: await conversationUnreadTx(tx, viewer.userId, patient),
    };
    record.patientId = patient.id;
    return summary;
  });
}
