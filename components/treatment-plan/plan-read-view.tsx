import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import {
  goalStatusLabels,
  interventionLabels,
  intervalText,
  progressText,
  targetText,
  trendLabels,
} from '@/components/treatment-plan/labels';
import {
  clinicianGoalStatusLabels,
  currentDoseText,
  goalStatusTones,
} from '@/components/treatment-plan/goal-status';
import type { DisplayedGoalStatus } from '@/lib/clinical/goal-progress';
import { formatDate, roleLabel } from '@/lib/format';
import type { GoalProgress, PlanMedication, PlanVersion } from '@/lib/schemas/treatment-plan';

/** A titled, ordered list of the plan's items, or a sentence when there are none. */
function PlanList({
  H,
  heading,
  empty,
  count,
  children,
}: {
  H: 'h3' | 'h4' | 'h5';
  heading: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <div>
      <H className="font-semibold text-slate-900">{heading}</H>
      {count === 0 ? (
        <p className="mt-1 text-slate-600">{empty}</p>
      ) : (
        <ol className="mt-2 space-y-3">{children}</ol>
      )}
    </div>
  );
}

const trendTone = { improving: 'teal', steady: 'neutral', worsening: 'orange' } as const;

/**
 * One version of a plan as clinicians read it, with progress toward its measurable goals, each
 * goal's displayed status and the live dose of its medication items when given (the current
 * version); an earlier version shows the statuses as written. `headingLevel` keeps the outline
 * right wherever it is placed.
 */
export function PlanReadView({
  plan,
  progress = [],
  statuses,
  medications = [],
  headingLevel = 3,
}: {
  plan: PlanVersion;
  progress?: GoalProgress[];
  statuses?: { goalKey: string; status: DisplayedGoalStatus }[];
  medications?: PlanMedication[];
  headingLevel?: 3 | 4 | 5;
}) {
  const H = (['h3', 'h4', 'h5'] as const)[headingLevel - 3]!;
  const progressByKey = new Map(progress.map((p) => [p.goalKey, p]));
  const statusByKey = new Map(statuses?.map((s) => [s.goalKey, s.status]));
  const medicationByKey = new Map(medications.map((m) => [m.medicationKey, m]));
  return (
    <div className="space-y-6">
      <div>
        <H className="font-semibold text-slate-900">Presenting concerns</H>
        <p className="mt-1 whitespace-pre-line text-slate-800">{plan.presentingConcerns}</p>
      </div>
      <div>
        <H className="font-semibold text-slate-900">Goals in the patient’s words</H>
        {plan.patientGoalsOwnWords ? (
          <blockquote className="mt-1 border-l-4 border-teal-600 bg-teal-50/60 py-2 pr-3 pl-4 whitespace-pre-line text-slate-800">
            {plan.patientGoalsOwnWords}
          </blockquote>
        ) : (
          <p className="mt-1 text-slate-600">Not written yet.</p>
        )}
      </div>
      <PlanList H={H} heading="Goals" empty="No goals yet." count={plan.goals.length}>
        {plan.goals.map((goal) => (
          <GoalItem
            key={goal.goalKey}
            goal={goal}
            progress={progressByKey.get(goal.goalKey)}
            status={statusByKey.get(goal.goalKey)}
          />
        ))}
      </PlanList>
      <PlanList
        H={H}
        heading="Interventions"
        empty="No interventions yet."
        count={plan.interventions.length}
      >
        {plan.interventions.map((item, index) => (
          <li key={index} className="rounded-lg border border-slate-200 p-4">
            <p className="font-medium text-slate-900">{interventionLabels[item.kind]}</p>
            <MedicationNow
              medication={item.medicationKey ? medicationByKey.get(item.medicationKey) : undefined}
            />
            <p className="mt-1 text-slate-800">{item.description}</p>
            <p className="mt-1 text-sm text-slate-700">
              {item.owner
                ? `${item.owner.name} (${roleLabel(item.owner.role).toLowerCase()})`
                : 'No owner'}{' '}
              · {item.frequency}
            </p>
          </li>
        ))}
      </PlanList>
      <dl className="grid gap-x-8 gap-y-2 border-t border-slate-200 pt-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-slate-900">Review by</dt>
          <dd className="text-slate-700">
            {plan.reviewBy ? formatDate(plan.reviewBy, 'long') : 'Not set'}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-900">PHQ-9 and GAD-7</dt>
          <dd className="text-slate-700">{intervalText(plan.assessmentIntervalDays)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** A medication item's medication as the regimen has it now (the plan's words may be older). */
export function MedicationNow({ medication }: { medication: PlanMedication | undefined }) {
  if (!medication) return null;
  return (
    <p className="mt-1 font-medium text-teal-900" data-testid="plan-medication-now">
      {currentDoseText(medication)}
    </p>
  );
}

function GoalItem({
  goal,
  progress: p,
  status,
}: {
  goal: PlanVersion['goals'][number];
  progress?: GoalProgress;
  status?: DisplayedGoalStatus;
}) {
  const target = targetText(goal);
  return (
    <li className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <p className="text-slate-900">{goal.description}</p>
        {status ? (
          <Badge tone={goalStatusTones[status]}>{clinicianGoalStatusLabels[status]}</Badge>
        ) : (
          <Badge tone={goal.status === 'ACHIEVED' ? 'teal' : 'neutral'}>
            {goalStatusLabels[goal.status]}
          </Badge>
        )}
      </div>
      {goal.patientWording ? (
        <p className="mt-1 text-sm text-slate-700">
          <span className="font-medium">The patient reads: </span>
          {goal.patientWording}
        </p>
      ) : null}
      {target || goal.targetDate ? (
        <p className="mt-1 text-sm text-slate-700">
          {target ? `Target: ${target}` : 'Target date'}
          {goal.targetDate ? ` by ${formatDate(goal.targetDate)}` : ''}
        </p>
      ) : null}
      {p ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span>{progressText(p, goal)}</span>
          {p.trend ? <Badge tone={trendTone[p.trend]}>{trendLabels[p.trend]}</Badge> : null}
          {p.points.length > 1 ? (
            <span className="w-full text-slate-600">
              {p.basis === 'weekly' ? 'Weekly totals' : 'Recent values'}:{' '}
              {p.points.map((point) => point.value).join(' → ')}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
