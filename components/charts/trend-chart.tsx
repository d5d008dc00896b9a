'use client';

import dynamic from 'next/dynamic';
import { useId, useMemo, type ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { trendRows, type TrendChartProps } from './trend-chart-types';

export type {
  TrendBand,
  TrendChartProps,
  TrendMarker,
  TrendPoint,
  TrendSeries,
} from './trend-chart-types';

// recharts is loaded only in the browser and only by pages that draw a chart.
const TrendPlot = dynamic(() => import('./trend-plot').then((m) => m.TrendPlot), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-lg bg-slate-50" />,
});

/**
 * Lines over a shared time axis, with optional event markers and value bands. The plot is
 * decorative for assistive technology: the same data is always available as a table.
 */
export function TrendChart({
  title,
  description,
  series,
  markers = [],
  bands,
  height = 280,
}: TrendChartProps) {
  const id = useId();
  const rows = useMemo(() => trendRows(series, markers), [series, markers]);
  const hasData = rows.some((row) => Object.keys(row.values).length > 0);
  const hasMarkers = markers.length > 0;

  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3">
      <ChartCaption titleId={`${id}-title`} title={title} description={description} />
      {hasData ? (
        <div aria-hidden="true" style={{ height }}>
          <TrendPlot series={series} markers={markers} bands={bands} rows={rows} />
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          Nothing recorded in this period yet.
        </p>
      )}
      {hasData ? (
        <details className="rounded-lg border border-slate-200 text-sm">
          <summary className="cursor-pointer px-4 py-2 font-medium text-teal-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
            Show as a table
          </summary>
          <div className="max-h-96 overflow-auto border-t border-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{title}: values by date</caption>
              <thead className="sticky top-0 bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Date
                  </th>
                  {series.map((s) => (
                    <th key={s.key} scope="col" className="px-3 py-2 font-medium">
                      {s.label}
                      {s.unit ? ` (${s.unit})` : ''}
                    </th>
                  ))}
                  {hasMarkers ? (
                    <th scope="col" className="px-3 py-2 font-medium">
                      Events
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.date}>
                    <th
                      scope="row"
                      className="px-3 py-1.5 font-normal whitespace-nowrap text-slate-900"
                    >
                      {formatDate(row.date)}
                    </th>
                    {series.map((s) => (
                      <td key={s.key} className="px-3 py-1.5 text-slate-900">
                        {row.values[s.key] ?? <span className="text-slate-500">—</span>}
                      </td>
                    ))}
                    {hasMarkers ? (
                      <td className="px-3 py-1.5 text-slate-900">{row.markers.join('; ')}</td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </figure>
  );
}

function ChartCaption({
  titleId,
  title,
  description,
}: {
  titleId: string;
  title: ReactNode;
  description?: ReactNode;
}) {
  return (
    <figcaption>
      <h3 id={titleId} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
    </figcaption>
  );
}
