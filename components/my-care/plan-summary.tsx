import { EmptyState } from '@/components/ui/empty-state';
import { goalTargetText, interventionLabel } from '@/components/my-care/plain-language';
import { GoalListSection, OwnWordsSection } from '@/components/my-care/plan-sections';
import { MedicationNow } from '@/components/treatment-plan/plan-read-view';
import type { MyCarePlan } from '@/lib/data/my-care';
import { formatDate, roleLabel } from '@/lib/format';

/** The patient's plan, read-only: their words, the goals, what we're working on, next review. */
export function PlanSummary({ plan }: { plan: MyCarePlan | null }) {
  if (!plan) {
    return (
      <EmptyState title="Your care team hasn’t written your plan yet">
        <p>Once they do, you’ll see your goals and what you’re working on together here.</p>
      </EmptyState>
    );
  }

  return (
    <div className="space-y-8">
      <OwnWordsSection
        text={plan.patientGoalsOwnWords.trim() ? plan.patientGoalsOwnWords : ''}
        empty="Nothing written here yet. You can share your goals with your care team at your next visit."
      />

      <GoalListSection
        title="Goals we set together"
        goals={plan.goals}
        goalKey={(goal) => goal.id}
        statusOf={(goal) => goal.displayStatus}
        details={(goal) => {
          const target = goalTargetText(goal.target);
          return target ? <p className="mt-1 text-sm text-slate-600">Target: {target}</p> : null;
        }}
      />

      <Interventions interventions={plan.interventions} />

      <div className="flex flex-wrap gap-x-8 gap-y-2 border-t border-slate-200 pt-4 text-sm text-slate-700">
        <p>
          <span className="font-medium text-slate-900">Next plan review: </span>
          {plan.reviewBy ? (
            <time dateTime={plan.reviewBy}>{formatDate(plan.reviewBy, 'long')}</time>
          ) : (
            'not set yet'
          )}
        </p>
        <p>
          <span className="font-medium text-slate-900">Last updated: </span>
          <time dateTime={plan.updatedAt}>{formatDate(plan.updatedAt, 'long')}</time>
        </p>
        {plan.patientSummary ? (
          <p className="w-full">
            <span className="font-medium text-slate-900">What changed: </span>
            {plan.patientSummary}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Interventions({ interventions }: { interventions: MyCarePlan['interventions'] }) {
  const plan = { interventions };
  return (
    <div>
      <h3 className="font-semibold text-slate-900">What we’re working on</h3>
      {plan.interventions.length === 0 ? (
        <p className="mt-2 text-slate-600">Nothing has been added here yet.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {plan.interventions.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 p-4">
              <p className="font-medium text-slate-900">{interventionLabel(item.kind)}</p>
              <MedicationNow medication={item.medication ?? undefined} />
              {item.description ? <p className="mt-1 text-slate-800">{item.description}</p> : null}
              <p className="mt-1 text-sm text-slate-600">
                {item.owner
                  ? `With ${item.owner.name} (${roleLabel(item.owner.role).toLowerCase()})`
                  : 'With your care team'}
                {item.frequency ? ` · ${item.frequency}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
