import { scaleLinear, scaleUtc } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { format, parseISO } from 'date-fns';
import {
  markerLanes,
  type NumberedMarker,
  type TrendBand,
  type TrendRow,
  type TrendSeries,
} from './trend-chart-types';

/**
 * The geometry of a trend plot, computed on the server. Across, positions are percents of the
 * plot's width (the drawing stretches to its container); down, they are pixels of a drawing whose
 * height is fixed. So the text (HTML over the drawing) and the strokes (non-scaling) keep their
 * size on a phone, and only the distances between dates change.
 */
export type PlotGeometry = {
  height: number;
  plotTop: number;
  plotBottom: number;
  xTicks: { x: number; label: string; compact: boolean; wide: boolean }[];
  axes: { side: 'left' | 'right'; ticks: { y: number; label: string }[] }[];
  bands: BandRect[];
  lines: {
    key: string;
    path: string;
    points: { x: number; y: number; date: string; value: number }[];
  }[];
  markers: { number: number; x: number; y: number }[];
};

export type BandRect = { label: string; y0: number; y1: number };

/** A numbered marker's badge: its radius, and the height of one lane of badges above the plot. */
export const BADGE_RADIUS = 9;
export const LANE_HEIGHT = 2 * BADGE_RADIUS + 2;
/** Room above the plot (besides the lanes) and below it for the dates. */
const TOP_GAP = 8;
const X_AXIS_HEIGHT = 24;
/** The most date ticks on a narrow plot (a phone's) and on a wide one (PlotGeometry.xTicks). */
const X_TICKS = { compact: 4, wide: 8 };
const Y_TICKS = 5;

function axisKey(domain: [number, number] | undefined): string {
  return domain ? `${domain[0]}-${domain[1]}` : 'auto';
}

/** "Mar 3" for a UTC midnight. */
export function shortDate(t: number): string {
  return format(parseISO(new Date(t).toISOString().slice(0, 10)), 'MMM d');
}

/**
 * A series' value range: its own domain, or else its values' range widened to round numbers (a
 * single value gets one unit either side, so that its line is not drawn on the plot's edge).
 */
export function valueDomain(series: readonly TrendSeries[]): [number, number] {
  const own = series[0]?.domain;
  if (own) return own;
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => v !== null);
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [min - 1, max + 1];
  return scaleLinear().domain([min, max]).nice(Y_TICKS).domain() as [number, number];
}

/**
 * The severity bands as contiguous stripes: a band of whole scores (5–9) covers half a point
 * either side (4.5–9.5), so each score sits in its band's middle and no gap shows between bands;
 * clipped to the axis.
 */
export function bandRects(
  bands: readonly TrendBand[],
  domain: [number, number],
  y: (value: number) => number,
): BandRect[] {
  const [low, high] = domain;
  return bands
    .map((band) => ({
      label: band.label,
      from: Math.max(low, band.from - 0.5),
      to: Math.min(high, band.to + 0.5),
    }))
    .filter((band) => band.to > band.from)
    .map((band) => ({ label: band.label, y0: y(band.to), y1: y(band.from) }));
}

/**
 * Dates to label on the time axis, at round intervals (d3's UTC ticks): fewer on a narrow plot
 * (`compact`) than on a wide one (`wide`); a date may be on both. A single date is its own tick.
 */
export function dateTicks(
  min: number,
  max: number,
): { t: number; compact: boolean; wide: boolean }[] {
  if (min === max) return [{ t: min, compact: true, wide: true }];
  const x = scaleUtc().domain([min, max]);
  // d3 steps from weekly to monthly ticks (13 or 3 over 90 days): keep every other, third…
  // weekly one until they fit.
  const fit = (most: number) => {
    const ticks = x.ticks(most);
    const step = Math.ceil(ticks.length / most);
    return new Set(ticks.filter((_, i) => i % step === 0).map((d) => d.getTime()));
  };
  const compact = fit(X_TICKS.compact);
  const wide = fit(X_TICKS.wide);
  return [...new Set([...compact, ...wide])]
    .sort((a, b) => a - b)
    .map((t) => ({ t, compact: compact.has(t), wide: wide.has(t) }));
}

/** Whole-number ticks of a value axis. */
export function valueTicks(domain: [number, number]): number[] {
  return scaleLinear().domain(domain).ticks(Y_TICKS).filter(Number.isInteger);
}

/** What a plot is drawn from: TrendPlot's props. */
export type PlotInput = {
  series: TrendSeries[];
  markers: NumberedMarker[];
  bands: readonly TrendBand[];
  rows: TrendRow[];
  height: number;
};

/** Everything TrendPlot draws, from the rows (which span every value's and marker's date). */
export function plotGeometry({ series, markers, bands, rows, height }: PlotInput): PlotGeometry {
  const min = rows[0]?.t ?? 0;
  const max = rows.at(-1)?.t ?? 0;
  const lanes = markerLanes(
    markers.map((m) => m.t),
    min,
    max,
  );
  const laneCount = markers.length === 0 ? 0 : Math.max(...lanes) + 1;
  const plotTop = TOP_GAP + laneCount * LANE_HEIGHT;
  const plotBottom = height - X_AXIS_HEIGHT;
  const x = scaleUtc().domain([min, max]).range([0, 100]);
  const xOf = (t: number) => (min === max ? 50 : x(t));

  // Series with the same domain share an axis: the first on the left, the second on the right,
  // any further ones scaled alike but unlabelled.
  const axisKeys = [...new Set(series.map((s) => axisKey(s.domain)))];
  const scales = axisKeys.map((key) => {
    const domain = valueDomain(series.filter((s) => axisKey(s.domain) === key));
    return { domain, y: scaleLinear().domain(domain).range([plotBottom, plotTop]) };
  });
  const scaleOf = (s: TrendSeries) => scales[axisKeys.indexOf(axisKey(s.domain))]!;
  const first = scales[0] ?? { domain: [0, 1] as [number, number], y: scaleLinear() };
  const round = (n: number) => Math.round(n * 100) / 100;

  return {
    height,
    plotTop,
    plotBottom,
    xTicks: dateTicks(min, max).map(({ t, compact, wide }) => ({
      x: round(xOf(t)),
      label: shortDate(t),
      compact,
      wide,
    })),
    axes: scales.slice(0, 2).map(({ domain, y }, index) => ({
      side: index === 0 ? 'left' : 'right',
      ticks: valueTicks(domain).map((value) => ({ y: round(y(value)), label: String(value) })),
    })),
    bands: bandRects(bands, first.domain, first.y).map((b) => ({
      ...b,
      y0: round(b.y0),
      y1: round(b.y1),
    })),
    lines: series.map((s) => {
      const { y } = scaleOf(s);
      const points = rows.flatMap((row) => {
        const value = row.values[s.key];
        if (value === null || value === undefined) return [];
        return [{ x: round(xOf(row.t)), y: round(y(value)), date: row.date, value }];
      });
      const path = line<{ x: number; y: number }>()
        .x((p) => p.x)
        .y((p) => p.y)
        .curve(curveMonotoneX)
        .digits(2)(points);
      return { key: s.key, path: path ?? '', points };
    }),
    markers: markers.map((marker, index) => ({
      number: marker.number,
      x: round(xOf(marker.t)),
      y: plotTop - 2 - BADGE_RADIUS - (lanes[index] ?? 0) * LANE_HEIGHT,
    })),
  };
}
