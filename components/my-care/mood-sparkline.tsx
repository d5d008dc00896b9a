import type { MyCareTrend } from '@/lib/data/my-care';
import { formatDate } from '@/lib/format';

const WIDTH = 240;
const HEIGHT = 48;

/** A small line of the last two weeks' mood, with the same facts in words beside it. */
export function MoodSparkline({ mood }: { mood: MyCareTrend['mood'] }) {
  if (mood.length === 0) {
    return <p className="text-sm text-slate-600">No check-ins in the last two weeks.</p>;
  }
  const first = Date.parse(mood[0]!.date);
  const span = Math.max(1, Date.parse(mood.at(-1)!.date) - first);
  const points = mood
    .map((p) => {
      const x =
        mood.length === 1 ? WIDTH / 2 : ((Date.parse(p.date) - first) / span) * (WIDTH - 8) + 4;
      const y = HEIGHT - 4 - (p.value / 10) * (HEIGHT - 8);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  const average = Math.round((mood.reduce((sum, p) => sum + p.value, 0) / mood.length) * 10) / 10;
  const latest = mood.at(-1)!;
  return (
    <div className="flex flex-wrap items-center gap-4">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        aria-hidden="true"
        className="max-w-full rounded-md bg-teal-50"
      >
        <polyline points={points} fill="none" stroke="#0f766e" strokeWidth="2.5" />
      </svg>
      <p className="text-sm text-slate-800">
        Your mood over the last two weeks averaged <strong>{average}</strong> out of 10. Latest:{' '}
        <strong>{latest.value}</strong> on{' '}
        <time dateTime={latest.date}>{formatDate(latest.date, 'long')}</time>.
      </p>
    </div>
  );
}
