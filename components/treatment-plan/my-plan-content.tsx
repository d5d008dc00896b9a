import { goalInPatientWords, interventionLabel } from '@/components/my-care/plain-language';
import { GoalListSection, OwnWordsSection } from '@/components/my-care/plan-sections';
import { patientProgressText } from '@/components/treatment-plan/labels';
import { MedicationNow } from '@/components/treatment-plan/plan-read-view';
import { Card } from '@/components/ui/card';
import { formatDate } from '@/lib/format';
import type { TreatmentPlanView } from '@/lib/schemas/treatment-plan';

function weeksText(days: number): string {
  if (days % 7 === 0) return days === 7 ? 'every week' : `every ${days / 7} weeks`;
  return `every ${days} days`;
}

/** The plan in the patient's words: their goals and progress, what they work on, the reviews. */
export function MyPlanContent({
  plan,
  progress,
  statuses,
  medications,
}: {
  plan: NonNullable<TreatmentPlanView['plan']>;
  progress: Map<string, TreatmentPlanView['progress'][number]>;
  statuses: TreatmentPlanView['goalStatuses'];
  medications: TreatmentPlanView['medications'];
}) {
  const statusByKey = new Map(statuses.map((s) => [s.goalKey, s.status]));
  return (
    <Card
      title="Your plan"
      titleId="plan-heading"
      description="What you and your care team agreed."
    >
      <div className="space-y-8">
        <OwnWordsSection text={plan.patientGoalsOwnWords} empty="Nothing written here yet." />
        <GoalListSection
          title="Your goals and how you’re doing"
          goals={plan.goals.map((goal) => ({ ...goal, description: goalInPatientWords(goal) }))}
          goalKey={(goal) => goal.goalKey}
          statusOf={(goal) => statusByKey.get(goal.goalKey) ?? 'working-on-it'}
          details={(goal) => {
            const p = progress.get(goal.goalKey);
            return (
              <>
                {p ? (
                  <p className="mt-2 text-sm text-slate-700">{patientProgressText(goal, p)}</p>
                ) : null}
                {goal.targetDate ? (
                  <p className="mt-1 text-sm text-slate-700">
                    Aiming for {formatDate(goal.targetDate, 'long')}.
                  </p>
                ) : null}
              </>
            );
          }}
        />
        <WorkingOn interventions={plan.interventions} medications={medications} />
        <div className="space-y-1 border-t border-slate-200 pt-4 text-sm text-slate-800">
          <p>
            <span className="font-medium text-slate-900">Next plan review: </span>
            {plan.reviewBy ? formatDate(plan.reviewBy, 'long') : 'not set yet'}
          </p>
          <p>
            <span className="font-medium text-slate-900">Mood and worry questionnaires: </span>
            {weeksText(plan.assessmentIntervalDays)}
          </p>
        </div>
      </div>
    </Card>
  );
}

function WorkingOn({
  interventions,
  medications,
}: {
  interventions: NonNullable<TreatmentPlanView['plan']>['interventions'];
  medications: TreatmentPlanView['medications'];
}) {
  const plan = { interventions };
  const medicationByKey = new Map(medications.map((m) => [m.medicationKey, m]));
  return (
    <div>
      <h3 className="font-semibold text-slate-900">What we’re working on</h3>
      <ul className="mt-3 space-y-3">
        {plan.interventions.map((item, i) => (
          <li key={i} className="rounded-lg border border-slate-200 p-4">
            <p className="font-medium text-slate-900">{interventionLabel(item.kind)}</p>
            <MedicationNow
              medication={item.medicationKey ? medicationByKey.get(item.medicationKey) : undefined}
            />
            <p className="mt-1 text-slate-800">{item.description}</p>
            <p className="mt-1 text-sm text-slate-700">
              {item.owner ? `With ${item.owner.name}` : 'With your care team'} · {item.frequency}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
