import { useId, type ReactNode } from 'react';
import { formatDate } from '@/lib/format';
import { chartBands } from './severity-bands';
import {
  numberMarkers,
  trendRows,
  type TrendChartProps,
  type TrendMarker,
  type TrendRow,
} from './trend-chart-types';
import { TrendPlot } from './trend-plot';

export type {
  TrendBand,
  TrendChartProps,
  TrendMarker,
  TrendPoint,
  TrendSeries,
  SeverityScale,
} from './trend-chart-types';

/** The height of the legend row below the plot, which the chart's `height` includes. */
const LEGEND_HEIGHT = 28;

/**
 * Lines over a shared time axis, with numbered event markers and, behind a questionnaire's total,
 * its severity bands. The plot is decorative for assistive technology: the same data is always
 * available as a table.
 */
export function TrendChart({
  title,
  description,
  series,
  markers = [],
  markerLegend = true,
  height = 280,
}: TrendChartProps) {
  const id = useId();
  const rows = trendRows(series, markers);
  const numbered = numberMarkers(markers);
  const hasData = rows.some((row) => Object.keys(row.values).length > 0);
  const hasMarkers = markers.length > 0;
  return (
    <figure aria-labelledby={`${id}-title`} className="space-y-3">
      <ChartCaption titleId={`${id}-title`} title={title} description={description} />
      {hasData ? (
        <div aria-hidden="true">
          <TrendPlot
            series={series}
            markers={numbered}
            bands={chartBands(series)}
            rows={rows}
            height={height - LEGEND_HEIGHT}
          />
        </div>
      ) : (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
          Nothing recorded in this period yet.
        </p>
      )}
      {hasData && hasMarkers && markerLegend ? (
        <MarkerLegend markers={markers} title="Marked on the chart" />
      ) : null}
      {hasData ? <TrendTable title={title} series={series} rows={rows} /> : null}
    </figure>
  );
}

/** The chart's table alternative: a row per date with its values and its markers' words. */
function TrendTable({
  title,
  series,
  rows,
}: {
  title: string;
  series: TrendChartProps['series'];
  rows: TrendRow[];
}) {
  const hasMarkers = rows.some((row) => row.markers.length > 0);
  return (
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

/**
 * The words behind the charts' numbered markers, as a list below them. One legend may serve
 * several charts: they number the same markers alike (numberMarkers).
 */
export function MarkerLegend({ markers, title }: { markers: TrendMarker[]; title: string }) {
  const id = useId();
  const numbered = numberMarkers(markers);
  if (numbered.length === 0) return null;
  return (
    <div className="text-sm">
      <p id={id} className="font-medium text-slate-800">
        {title}
      </p>
      <ol aria-labelledby={id} className="mt-1 space-y-1">
        {numbered.map((marker) => (
          <li key={marker.date} className="flex gap-2">
            <span
              aria-hidden="true"
              className="mt-px inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full border-[1.5px] border-slate-700 bg-white text-xs font-semibold text-slate-800"
            >
              {marker.number}
            </span>
            <span className="min-w-0 text-slate-700">
              <span className="font-medium text-slate-900">{formatDate(marker.date)}</span>
              {': '}
              {marker.labels.join('; ')}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
