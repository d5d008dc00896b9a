import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { MeasureTrend } from '@/lib/data/trends';
import { meetsTarget, measureValueText } from '@/lib/clinical/goal-progress';
import { formatDate } from '@/lib/format';

/** The plan's personal measures: the latest value and the period's average against the target. */
export function MeasureProgress({ measures }: { measures: MeasureTrend[] }) {
  if (measures.length === 0) {
    return (
      <EmptyState title="The current plan has no personal measures">
        <p>Add a goal with a personal measure to the plan and it appears in the check-in.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {measures.map((m) => {
        const latest = m.points.at(-1) ?? null;
        const average =
          m.points.length === 0
            ? null
            : m.points.reduce((sum, p) => sum + p.value, 0) / m.points.length;
        // The badge judges the latest value, exactly, in the goal's direction (the same rule as
        // the plan's progress): 19.1 is not "at least 20".
        const met = latest && m.direction ? meetsTarget(m, latest.value) : null;
        const shown = (value: number) => measureValueText(m, value);
        const unit = m.unit ? ` ${m.unit}` : '';
        return (
          <li key={m.goalKey} className="space-y-1 rounded-lg border border-slate-200 p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium text-slate-900">{m.name ?? 'Personal measure'}</h3>
              {met === null ? null : met ? (
                <Badge tone="teal">At target</Badge>
              ) : (
                <Badge tone="amber">Not at target</Badge>
              )}
            </div>
            <p className="text-sm text-slate-600">{m.description}</p>
            <p className="text-sm text-slate-800">
              Target:{' '}
              {m.targetValue === null
                ? 'none set'
                : `${m.direction === 'AT_LEAST' ? 'at least' : 'at most'} ${m.targetValue}${unit}`}
            </p>
            <p className="text-sm text-slate-800">
              {latest ? (
                <>
                  Latest: {shown(latest.value)}
                  {m.targetValue === null ? '' : ` of ${m.targetValue}`}
                  {unit} on <time dateTime={latest.date}>{formatDate(latest.date)}</time>; average{' '}
                  {average === null ? '' : shown(average)}
                  {unit} over {m.points.length} check-ins
                </>
              ) : (
                'Not reported in this period.'
              )}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
