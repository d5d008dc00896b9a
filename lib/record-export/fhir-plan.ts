// The treatment plan as FHIR: a CarePlan for the current version and a Goal per goal.
import type { CarePlan, Goal } from '@medplum/fhirtypes';
import type { RecordExport } from '@/lib/record-export/types';
import type { DisplayedGoalStatus } from '@/lib/clinical/goal-progress';
import { exportGoalStatuses } from '@/lib/record-export/goal-status';
import {
  LOINC,
  QUESTIONNAIRE_CODES,
  text,
  urn,
  uuidOf,
  type Entry,
} from '@/lib/record-export/fhir-shared';

const GOAL_STATUS = {
  ACTIVE: { lifecycleStatus: 'active' },
  ACHIEVED: { lifecycleStatus: 'completed', achievementStatus: text('Achieved') },
  PAUSED: { lifecycleStatus: 'on-hold' },
  DISCONTINUED: { lifecycleStatus: 'cancelled' },
} as const satisfies Record<string, Partial<Goal>>;

// The displayed status as FHIR's goal-achievement code (paused and stopped say it in lifecycle).
const ACHIEVEMENT: Partial<Record<DisplayedGoalStatus, [string, string]>> = {
  reached: ['achieved', 'Achieved'],
  slipped: ['worsening', 'Worsening'],
  'on-track': ['improving', 'Improving'],
  'working-on-it': ['in-progress', 'In Progress'],
  'past-target-date': ['not-achieved', 'Not Achieved'],
  'no-values': ['in-progress', 'In Progress'],
};

function achievementOf(status: DisplayedGoalStatus | undefined): Partial<Goal> {
  const code = status ? ACHIEVEMENT[status] : undefined;
  if (!code) return {};
  const system = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
  return { achievementStatus: { coding: [{ system, code: code[0], display: code[1] }] } };
}

function goalTarget(goal: NonNullable<RecordExport['plan']>['goals'][number]): Goal['target'] {
  if (goal.measureKind === 'NONE' && !goal.targetDate) return undefined;
  const coded =
    goal.measureKind === 'PHQ9' || goal.measureKind === 'GAD7'
      ? QUESTIONNAIRE_CODES[goal.measureKind]
      : null;
  const measure = coded
    ? { coding: [{ system: LOINC, ...coded }] }
    : goal.measureName
      ? text(goal.measureName)
      : undefined;
  const bound =
    goal.targetValue === null
      ? undefined
      : { value: goal.targetValue, ...(goal.measureUnit ? { unit: goal.measureUnit } : {}) };
  const range =
    bound && goal.direction
      ? goal.direction === 'AT_MOST'
        ? { high: bound }
        : { low: bound }
      : undefined;
  return [
    {
      ...(measure ? { measure } : {}),
      ...(range ? { detailRange: range } : bound ? { detailQuantity: bound } : {}),
      ...(goal.targetDate ? { dueDate: goal.targetDate } : {}),
    },
  ];
}

export function planEntries(r: RecordExport, patient: string): Entry[] {
  if (!r.plan) return [];
  const plan = r.plan;
  const statuses = exportGoalStatuses(r);
  const goals: Entry[] = plan.goals.map((g) => {
    const id = uuidOf(plan.planId, 'goal', g.goalKey);
    const target = goalTarget(g);
    const resource: Goal = {
      resourceType: 'Goal',
      id,
      ...GOAL_STATUS[g.status],
      ...achievementOf(statuses.get(g.goalKey)),
      description: text(g.description),
      ...(g.patientWording
        ? { note: [{ text: `In words for the patient: ${g.patientWording}` }] }
        : {}),
      subject: { reference: patient },
      ...(target ? { target } : {}),
    };
    return { id, resource };
  });
  const id = uuidOf(plan.planId, 'version', String(plan.version));
  const carePlan: CarePlan = {
    resourceType: 'CarePlan',
    id,
    status: 'active',
    intent: 'plan',
    title: `Treatment plan, version ${plan.version}`,
    ...(plan.presentingConcerns ? { description: plan.presentingConcerns } : {}),
    subject: { reference: patient },
    created: plan.createdAt,
    author: { display: plan.author.name },
    ...(plan.reviewBy ? { period: { end: plan.reviewBy } } : {}),
    ...(goals.length ? { goal: goals.map((g) => ({ reference: urn(g.id) })) } : {}),
    ...(plan.patientGoalsOwnWords
      ? { note: [{ text: `In my own words: ${plan.patientGoalsOwnWords}` }] }
      : {}),
    ...(plan.interventions.length
      ? {
          activity: plan.interventions.map((i) => ({
            detail: {
              status: 'in-progress' as const,
              code: text(i.kind.toLowerCase().replaceAll('_', ' ')),
              description: [i.description, i.frequency].filter(Boolean).join(' — '),
              ...(i.owner ? { performer: [{ display: i.owner.name }] } : {}),
            },
          })),
        }
      : {}),
  };
  return [{ id, resource: carePlan }, ...goals];
}
