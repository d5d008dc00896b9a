import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import {
  goalStatusLabel,
  goalTargetText,
  interventionLabel,
} from '@/components/my-care/plain-language';
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
      <div>
        <h3 className="font-semibold text-slate-900">In your own words</h3>
        {plan.patientGoalsOwnWords.trim() ? (
          <blockquote className="mt-2 border-l-4 border-teal-600 bg-teal-50/60 py-2 pr-3 pl-4 whitespace-pre-line text-slate-800">
            {plan.patientGoalsOwnWords}
          </blockquote>
        ) : (
          <p className="mt-2 text-slate-600">
            Nothing written here yet. You can share your goals with your care team at your next
            visit.
          </p>
        )}
      </div>

      <div>
        <h3 className="font-semibold text-slate-900">Goals we set together</h3>
        {plan.goals.length === 0 ? (
          <p className="mt-2 text-slate-600">No goals have been added yet.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {plan.goals.map((goal) => {
              const target = goalTargetText(goal.target);
              return (
                <li key={goal.id} className="rounded-lg border border-slate-200 p-4">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="text-slate-900">{goal.description}</p>
                    <Badge tone={goal.status === 'ACHIEVED' ? 'teal' : 'neutral'}>
                      {goalStatusLabel(goal.status)}
                    </Badge>
                  </div>
                  {target ? <p className="mt-1 text-sm text-slate-600">Target: {target}</p> : null}
                </li>
              );
            })}
          </ul>
        )}
      </div>

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
