import {
  goalStatusLabels,
  interventionLabels,
  planFieldLabels,
  targetText,
} from '@/components/treatment-plan/labels';
import { formatDate } from '@/lib/format';
import type { PlanDiff } from '@/lib/schemas/plan-diff';
import type { PlanGoal, PlanIntervention } from '@/lib/schemas/treatment-plan';

function fieldValue(field: string, value: string | number | null): string {
  if (value === null || value === '') return '(empty)';
  if (field === 'reviewBy' && typeof value === 'string') return formatDate(value);
  if (field === 'assessmentIntervalDays') return `every ${value} days`;
  return String(value);
}

function goalLine(goal: PlanGoal): string {
  const target = targetText(goal);
  return `${goal.description} (${goalStatusLabels[goal.status]}${target ? `; ${target}` : ''}${
    goal.targetDate ? ` by ${formatDate(goal.targetDate)}` : ''
  })${goal.patientWording ? `; the patient reads “${goal.patientWording}”` : ''}`;
}

function interventionLine(item: PlanIntervention): string {
  return `${interventionLabels[item.kind]}: ${item.description} (${item.owner?.name ?? 'no owner'}, ${item.frequency})`;
}

function Change({ label, before, after }: { label: string; before: string; after: string }) {
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <p className="font-medium text-slate-900">{label}</p>
      <div className="mt-1 grid gap-2 text-sm sm:grid-cols-2">
        <p className="text-slate-700">
          <span className="font-medium">Before: </span>
          <del className="decoration-slate-400">{before}</del>
        </p>
        <p className="text-slate-900">
          <span className="font-medium">After: </span>
          <ins className="no-underline">{after}</ins>
        </p>
      </div>
    </li>
  );
}

/** What changed between two versions, item by item, in words (no colour needed to read it). */
export function PlanDiffView({ diff }: { diff: PlanDiff }) {
  if (diff.summary.length === 0) {
    return <p className="text-slate-700">The two versions have the same content.</p>;
  }
  return (
    <ul className="space-y-2">
      {diff.fields.map((change) => (
        <Change
          key={change.field}
          label={`Changed: ${planFieldLabels[change.field] ?? change.field}`}
          before={fieldValue(change.field, change.before)}
          after={fieldValue(change.field, change.after)}
        />
      ))}
      {diff.goals.added.map((goal) => (
        <li key={`ga-${goal.goalKey}`} className="rounded-md border border-teal-200 bg-teal-50 p-3">
          <span className="font-medium">Added goal: </span>
          {goalLine(goal)}
        </li>
      ))}
      {diff.goals.removed.map((goal) => (
        <li key={`gr-${goal.goalKey}`} className="rounded-md border border-rose-200 bg-rose-50 p-3">
          <span className="font-medium">Removed goal: </span>
          {goalLine(goal)}
        </li>
      ))}
      {diff.goals.changed.map((change) => (
        <Change
          key={`gc-${change.after.goalKey}`}
          label={`Changed goal: ${change.after.description}`}
          before={goalLine(change.before)}
          after={goalLine(change.after)}
        />
      ))}
      {diff.goals.reordered ? (
        <li className="rounded-md border border-slate-200 p-3">Goals were reordered.</li>
      ) : null}
      {diff.interventions.added.map((item, i) => (
        <li key={`ia-${i}`} className="rounded-md border border-teal-200 bg-teal-50 p-3">
          <span className="font-medium">Added intervention: </span>
          {interventionLine(item)}
        </li>
      ))}
      {diff.interventions.removed.map((item, i) => (
        <li key={`ir-${i}`} className="rounded-md border border-rose-200 bg-rose-50 p-3">
          <span className="font-medium">Removed intervention: </span>
          {interventionLine(item)}
        </li>
      ))}
      {diff.interventions.changed.map((change, i) => (
        <Change
          key={`ic-${i}`}
          label={`Changed intervention: ${interventionLabels[change.after.kind]}`}
          before={interventionLine(change.before)}
          after={interventionLine(change.after)}
        />
      ))}
      {diff.interventions.reordered ? (
        <li className="rounded-md border border-slate-200 p-3">Interventions were reordered.</li>
      ) : null}
    </ul>
  );
}
