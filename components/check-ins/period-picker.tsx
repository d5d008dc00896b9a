import Link from 'next/link';
import type { TrendPeriod } from '@/lib/schemas/check-ins';
import { TREND_PERIODS } from '@/lib/schemas/check-ins-values';

const labels: Record<TrendPeriod, string> = {
  30: 'Last 30 days',
  90: 'Last 90 days',
  365: 'Last year',
};

/** The period of the trend charts, as links (works without JavaScript, keeps the URL shareable). */
export function PeriodPicker({ basePath, current }: { basePath: string; current: TrendPeriod }) {
  return (
    <nav aria-label="Period">
      <ul className="inline-flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
        {TREND_PERIODS.map((days) => (
          <li key={days}>
            <Link
              href={`${basePath}?days=${days}`}
              aria-current={days === current ? 'page' : undefined}
              className={`inline-flex min-h-11 items-center rounded-md px-4 text-sm font-medium ${
                days === current
                  ? 'bg-white text-teal-900 shadow-sm'
                  : 'text-slate-700 hover:bg-white/60 hover:text-slate-900'
              }`}
            >
              {labels[days]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
