import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import type { CheckIn, Severity } from '@/lib/schemas/check-ins';
import { formatDate } from '@/lib/format';

const severityTone: Record<Severity, BadgeTone> = {
  MILD: 'neutral',
  MODERATE: 'amber',
  SEVERE: 'rose',
};

const severityLabel: Record<Severity, string> = {
  MILD: 'mild',
  MODERATE: 'moderate',
  SEVERE: 'severe',
};

function value(label: string, v: number | null, scale: string) {
  return v === null ? null : `${label} ${v}${scale}`;
}

/** A clinician's list of recent check-ins: scores, side effects with severity, and notes. */
export function RecentCheckIns({ checkIns }: { checkIns: CheckIn[] }) {
  if (checkIns.length === 0) {
    return (
      <EmptyState title="No check-ins in the last 30 days">
        <p>When the patient checks in, each day’s answers show up here.</p>
      </EmptyState>
    );
  }
  return (
    <ol className="divide-y divide-slate-200">
      {checkIns.map((c) => {
        const facts = [
          `Mood ${c.mood}/10`,
          c.sleepHours === null ? null : `Sleep ${c.sleepHours} h`,
          value('Sleep quality', c.sleepQuality, '/5'),
          value('Energy', c.energy, '/5'),
          value('Focus', c.focus, '/5'),
          value('Appetite', c.appetite, '/5'),
        ].filter(Boolean);
        return (
          <li key={c.id} className="space-y-2 py-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-medium text-slate-900">
                <time dateTime={c.localDate}>{formatDate(c.localDate, 'long')}</time>
              </h3>
              <p className="text-sm text-slate-700">{facts.join(' · ')}</p>
            </div>
            {c.sideEffects.length > 0 ? (
              <ul aria-label="Side effects" className="flex flex-wrap gap-2">
                {c.sideEffects.map((s) => (
                  <li key={s.name}>
                    <Badge tone={severityTone[s.severity]}>
                      {s.name}: {severityLabel[s.severity]}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : null}
            {c.measures.length > 0 ? (
              <p className="text-sm text-slate-700">
                {c.measures
                  .map((m) => `${m.name ?? 'Measure'}: ${m.value}${m.unit ? ` ${m.unit}` : ''}`)
                  .join(' · ')}
              </p>
            ) : null}
            {c.note ? (
              <blockquote className="border-l-4 border-slate-300 pl-3 text-sm whitespace-pre-line text-slate-800">
                {c.note}
              </blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
