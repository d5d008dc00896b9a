import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import type { AccessLogPeriod, AccessLogPerson } from '@/lib/schemas/access-log';

const PERIOD_LABELS: Record<AccessLogPeriod, string> = {
  all: 'All time',
  '7d': 'The last 7 days',
  '30d': 'The last 30 days',
};

/**
 * Who and when, as the page's URL (`?person=&period=`): a plain GET form, so it works before the
 * page's script has loaded and a filtered view can be bookmarked or shared with the clinic.
 */
export function AccessLogFilters({
  action,
  people,
  person,
  period,
}: {
  action: string;
  people: AccessLogPerson[];
  person: string | undefined;
  period: AccessLogPeriod;
}) {
  const filtered = person !== undefined || period !== 'all';
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label="Choose whose visits and when"
      className="mb-4 flex flex-wrap items-end gap-4 border-b border-slate-200 pb-4"
    >
      <div className="w-full space-y-1.5 sm:w-auto">
        <label htmlFor="access-log-person" className="block text-sm font-medium text-slate-900">
          Who
        </label>
        <select
          id="access-log-person"
          name="person"
          defaultValue={person ?? ''}
          className={inputClass}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.role ? `${p.who}, ${p.role}` : p.who}
            </option>
          ))}
        </select>
      </div>
      <div className="w-full space-y-1.5 sm:w-auto">
        <label htmlFor="access-log-period" className="block text-sm font-medium text-slate-900">
          When
        </label>
        <select id="access-log-period" name="period" defaultValue={period} className={inputClass}>
          {(Object.keys(PERIOD_LABELS) as AccessLogPeriod[]).map((value) => (
            <option key={value} value={value}>
              {PERIOD_LABELS[value]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonClass('secondary', 'mb-0.5')}>
        Show
      </button>
      {filtered ? (
        <Link href={action} className="mb-3 text-sm font-medium text-teal-800 underline">
          Show everyone, all time
        </Link>
      ) : null}
    </form>
  );
}
