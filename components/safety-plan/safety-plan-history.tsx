import { LocalDateTime } from '@/components/ui/local-date-time';
import type { SafetyPlanVersionList } from '@/lib/schemas/safety-plan';

/** The versions of the safety plan, newest first: who saved each, when, and what changed. */
export function SafetyPlanHistory({ versions }: { versions: SafetyPlanVersionList }) {
  if (versions.items.length === 0) return null;
  return (
    <section aria-labelledby="safety-plan-history" className="space-y-2 print:hidden">
      <h2 id="safety-plan-history" className="text-base font-semibold text-slate-900">
        History
      </h2>
      <ol className="space-y-2 text-sm text-slate-700">
        {versions.items.map((v) => (
          <li key={v.version}>
            <span className="font-medium text-slate-900">Version {v.version}</span> by{' '}
            {v.author.name}, <LocalDateTime iso={v.createdAt} withRelative={false} />
            {v.changeNote ? <span>: {v.changeNote}</span> : null}
          </li>
        ))}
      </ol>
      {versions.nextCursor ? (
        <p className="text-sm text-slate-600">Older versions are kept too.</p>
      ) : null}
    </section>
  );
}
