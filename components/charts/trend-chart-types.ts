/** One point of a series: a calendar date (`YYYY-MM-DD`) and its value, or null when not measured. */
export type TrendPoint = { date: string; value: number | null };

/** One line on the chart. Series that share a `domain` share a y-axis. */
export type TrendSeries = {
  key: string;
  label: string;
  unit?: string;
  domain?: [number, number];
  points: TrendPoint[];
};

/** An event drawn as a vertical line on the time axis, such as a medication change. */
export type TrendMarker = { date: string; label: string };

/** A labelled horizontal band on the first series' axis, such as a PHQ-9 severity range. */
export type TrendBand = { from: number; to: number; label: string };

export type TrendChartProps = {
  title: string;
  description?: string;
  series: TrendSeries[];
  markers?: TrendMarker[];
  bands?: TrendBand[];
  height?: number;
};

/** A row per date that has a value or a marker, oldest first: what the plot and the table show. */
export type TrendRow = {
  date: string;
  t: number;
  values: Record<string, number | null>;
  markers: string[];
};

/** Merges the series and markers onto one time axis. */
export function trendRows(series: TrendSeries[], markers: TrendMarker[] = []): TrendRow[] {
  const byDate = new Map<string, TrendRow>();
  const row = (date: string) => {
    let found = byDate.get(date);
    if (!found) {
      found = { date, t: Date.parse(`${date}T00:00:00Z`), values: {}, markers: [] };
      byDate.set(date, found);
    }
    return found;
  };
  for (const s of series) {
    for (const point of s.points) {
      if (point.value === null) continue;
      row(point.date).values[s.key] = point.value;
    }
  }
  for (const marker of markers) row(marker.date).markers.push(marker.label);
  return [...byDate.values()].sort((a, b) => a.t - b.t);
}
