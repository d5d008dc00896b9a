import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { INSTRUMENT_SLUGS, INSTRUMENT_TEXT } from '@/lib/clinical/assessment-items';
import type { AssessmentDue } from '@/lib/schemas/assessments';
import { formatDate } from '@/lib/format';

/** Each questionnaire: when it is next due, the last score, and a way to fill it in. */
export function DueList({ due }: { due: AssessmentDue[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {due.map((item) => {
        const text = INSTRUMENT_TEXT[item.instrument];
        return (
          <li key={item.instrument} className="space-y-2 rounded-lg border border-slate-200 p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-semibold text-slate-900">{text.name}</h3>
              {item.isDue ? <Badge tone="amber">Due now</Badge> : <Badge>Not due yet</Badge>}
            </div>
            <p className="text-sm text-slate-700">{text.about}</p>
            <p className="text-sm text-slate-700">
              {item.lastCompletedAt && item.lastScore !== null ? (
                <>
                  Last time: {item.lastScore} ({item.lastSeverity}) on{' '}
                  <time dateTime={item.lastCompletedAt}>
                    {formatDate(item.lastCompletedAt, 'long')}
                  </time>
                  .{' '}
                </>
              ) : (
                'You have not filled this in yet. '
              )}
              {item.isDue ? null : (
                <>
                  Next one due <time dateTime={item.dueOn}>{formatDate(item.dueOn, 'long')}</time>.
                </>
              )}
            </p>
            <Link
              href={`/my-care/assessments/${INSTRUMENT_SLUGS[item.instrument]}`}
              className={buttonClass(item.isDue ? 'primary' : 'secondary', 'min-h-11')}
            >
              {item.isDue ? `Fill in the ${text.name}` : `Fill in the ${text.name} anyway`}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
