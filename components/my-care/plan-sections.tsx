import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { goalStatusTones, patientGoalStatusLabels } from '@/components/treatment-plan/goal-status';
import type { DisplayedGoalStatus } from '@/lib/clinical/goal-progress';

/** The patient's goals in their own words, or `empty` when they have written none. */
export function OwnWordsSection({ text, empty }: { text: string; empty: ReactNode }) {
  return (
    <div>
      <h3 className="font-semibold text-slate-900">In your own words</h3>
      {text ? (
        <blockquote className="mt-2 border-l-4 border-teal-600 bg-teal-50/60 py-2 pr-3 pl-4 whitespace-pre-line text-slate-800">
          {text}
        </blockquote>
      ) : (
        <p className="mt-2 text-slate-600">{empty}</p>
      )}
    </div>
  );
}

/**
 * The plan's goals as the patient reads them: each with its one displayed status (the same as
 * every other screen shows), then `details` of its own.
 */
export function GoalListSection<G extends { description: string }>({
  title,
  goals,
  goalKey,
  statusOf,
  details,
}: {
  title: string;
  goals: G[];
  goalKey: (goal: G) => string;
  statusOf: (goal: G) => DisplayedGoalStatus;
  details: (goal: G) => ReactNode;
}) {
  return (
    <div>
      <h3 className="font-semibold text-slate-900">{title}</h3>
      {goals.length === 0 ? (
        <p className="mt-2 text-slate-600">No goals have been added yet.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {goals.map((goal) => (
            <li key={goalKey(goal)} className="rounded-lg border border-slate-200 p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="text-slate-900">{goal.description}</p>
                <Badge tone={goalStatusTones[statusOf(goal)]}>
                  {patientGoalStatusLabels[statusOf(goal)]}
                </Badge>
              </div>
              {details(goal)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
