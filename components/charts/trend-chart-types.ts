/** One point of a series: a calendar date (`YYYY-MM-DD`) and its value, or null when not measured. */
export type TrendPoint = { date: string; value: number | null };

/** A questionnaire whose total has published severity ranges. */
export type SeverityScale = 'PHQ9' | 'GAD7';

/**
 * One line on the chart. Series that share a `domain` share a y-axis; a series that is a
 * questionnaire's total names its `scale`, which decides the bands behind it (chartBands).
 */
export type TrendSeries = {
  key: string;
  label: string;
  unit?: string;
  domain?: [number, number];
  scale?: SeverityScale;
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
  /**
   * Whether the chart lists its numbered markers below itself; false where one MarkerLegend
   * serves several charts with the same markers.
   */
  markerLegend?: boolean;
  height?: number;
};

/** The markers of one date under one number, as the plot draws them and the legend lists them. */
export type NumberedMarker = { number: number; date: string; t: number; labels: string[] };

/** One number per date with markers, oldest first, so every chart given the same markers agrees. */
export function numberMarkers(markers: readonly TrendMarker[]): NumberedMarker[] {
  const byDate = new Map<string, string[]>();
  for (const marker of markers) {
    const labels = byDate.get(marker.date);
    if (labels) labels.push(marker.label);
    else byDate.set(marker.date, [marker.label]);
  }
  return [...byDate.entries()]
    .map(([date, labels]) => ({ date, t: Date.parse(`${date}T00:00:00Z`), labels }))
    .sort((a, b) => a.t - b.t)
    .map((marker, index) => ({ number: index + 1, ...marker }));
}

/**
 * The smallest distance between two markers' numbers on one lane, as a share of the time axis:
 * an 18 px badge on the ~300 px plot of a 375 px screen. Wider screens only space them more.
 */
export const MARKER_MIN_GAP = 0.065;

/**
 * The lane (0 = top) of each marker's number, in the markers' order (oldest first): a number goes
 * on the first lane where it keeps MARKER_MIN_GAP from the one before it, so numbers never overlap.
 */
export function markerLanes(
  times: readonly number[],
  min: number,
  max: number,
  minGap: number = MARKER_MIN_GAP,
): number[] {
  const span = max - min;
  const lastOnLane: number[] = [];
  return times.map((t) => {
    const x = span > 0 ? (t - min) / span : 0;
    let lane = lastOnLane.findIndex((last) => x - last >= minGap);
    if (lane === -1) lane = lastOnLane.length;
    lastOnLane[lane] = x;
    return lane;
  });
}

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
