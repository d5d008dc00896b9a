import { describe, expect, it } from 'vitest';
import { PHQ9_BANDS } from '@/components/charts/severity-bands';
import { numberMarkers, trendRows, type TrendSeries } from '@/components/charts/trend-chart-types';
import {
  BADGE_RADIUS,
  bandRects,
  dateTicks,
  LANE_HEIGHT,
  plotGeometry,
  shortDate,
  valueDomain,
  valueTicks,
} from '@/components/charts/trend-geometry';

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

const series = (points: [string, number | null][], domain?: [number, number]): TrendSeries => ({
  key: 'score',
  label: 'Score',
  domain,
  points: points.map(([date, value]) => ({ date, value })),
});

describe('bandRects: severity bands as contiguous stripes', () => {
  it('covers the axis from its bottom to its top without gaps, each score inside its band', () => {
    const rects = bandRects(PHQ9_BANDS, [0, 27], (v) => 100 - v);
    expect(rects.map((r) => [r.label, 100 - r.y1, 100 - r.y0])).toEqual([
      ['Minimal', 0, 4.5],
      ['Mild', 4.5, 9.5],
      ['Moderate', 9.5, 14.5],
      ['Moderately severe', 14.5, 19.5],
      ['Severe', 19.5, 27],
    ]);
  });

  it('drops the bands outside the axis and clips the one across its end', () => {
    const rects = bandRects(PHQ9_BANDS, [0, 12], (v) => v);
    expect(rects.map((r) => r.label)).toEqual(['Minimal', 'Mild', 'Moderate']);
    expect(rects.at(-1)).toMatchObject({ y0: 12, y1: 9.5 });
  });
});

describe('dateTicks', () => {
  it('labels round dates within the range, fewer on a narrow plot than on a wide one', () => {
    const ticks = dateTicks(day('2026-10-30'), day('2026-11-29'));
    for (const { t } of ticks) {
      expect(t).toBeGreaterThanOrEqual(day('2026-10-30'));
      expect(t).toBeLessThanOrEqual(day('2026-11-29'));
      expect(t % 86_400_000).toBe(0);
    }
    const compact = ticks.filter((tick) => tick.compact).length;
    const wide = ticks.filter((tick) => tick.wide).length;
    expect(compact).toBeGreaterThanOrEqual(2);
    expect(compact).toBeLessThanOrEqual(4);
    expect(wide).toBeGreaterThan(compact);
    expect(wide).toBeLessThanOrEqual(8);
  });

  it('never crowds a long range: at most 4 dates narrow and 8 wide', () => {
    const ticks = dateTicks(day('2026-09-01'), day('2026-11-29'));
    expect(ticks.filter((tick) => tick.compact).length).toBeLessThanOrEqual(4);
    expect(ticks.filter((tick) => tick.wide).length).toBeLessThanOrEqual(8);
    expect(ticks.filter((tick) => tick.compact).length).toBeGreaterThanOrEqual(2);
  });

  it('labels a single date', () => {
    expect(dateTicks(day('2026-03-03'), day('2026-03-03'))).toEqual([
      { t: day('2026-03-03'), compact: true, wide: true },
    ]);
    expect(shortDate(day('2026-03-03'))).toBe('Mar 3');
  });
});

describe('valueDomain and valueTicks', () => {
  it('keeps a series’ own domain', () => {
    expect(valueDomain([series([['2026-01-01', 3]], [0, 27])])).toEqual([0, 27]);
    expect(valueTicks([0, 27])).toEqual([0, 5, 10, 15, 20, 25]);
    expect(valueTicks([1, 5])).toEqual([1, 2, 3, 4, 5]);
  });

  it('rounds the values’ range outwards without a domain, and widens a single value', () => {
    const [low, high] = valueDomain([
      series([
        ['2026-01-01', 3.2],
        ['2026-01-02', 17.6],
      ]),
    ]);
    expect(low).toBeLessThanOrEqual(3.2);
    expect(high).toBeGreaterThanOrEqual(17.6);
    expect([low % 1, high % 1]).toEqual([0, 0]);
    expect(valueDomain([series([['2026-01-01', 4]])])).toEqual([3, 5]);
  });
});

describe('plotGeometry', () => {
  const points: [string, number | null][] = [
    ['2026-10-01', 18],
    ['2026-10-15', null],
    ['2026-10-31', 9],
  ];
  const lines = [series(points, [0, 27])];
  const markers = [
    { date: '2026-10-10', label: 'Sertraline 50 → 100 mg' },
    { date: '2026-10-11', label: 'Started trazodone' },
  ];
  const geometry = plotGeometry({
    series: lines,
    markers: numberMarkers(markers),
    bands: PHQ9_BANDS,
    rows: trendRows(lines, markers),
    height: 200,
  });

  it('spans the dates across the width and the values down the plot', () => {
    const [first, last] = geometry.lines[0]!.points;
    expect(geometry.lines[0]!.points).toHaveLength(2);
    expect(first).toMatchObject({ x: 0, date: '2026-10-01', value: 18 });
    expect(last).toMatchObject({ x: 100, date: '2026-10-31', value: 9 });
    const y = (value: number) =>
      geometry.plotBottom - ((geometry.plotBottom - geometry.plotTop) * value) / 27;
    expect(first!.y).toBeCloseTo(y(18), 1);
    expect(geometry.lines[0]!.path).toMatch(/^M0,/);
  });

  it('puts markers a day apart on two lanes above the plot', () => {
    expect(geometry.plotTop).toBe(8 + 2 * LANE_HEIGHT);
    const [one, two] = geometry.markers;
    expect(one).toMatchObject({ number: 1, y: geometry.plotTop - 2 - BADGE_RADIUS });
    expect(two).toMatchObject({ number: 2, y: one!.y - LANE_HEIGHT });
    expect(two!.x).toBeGreaterThan(one!.x);
  });

  it('labels one value axis, with the bands behind it', () => {
    expect(geometry.axes).toHaveLength(1);
    expect(geometry.axes[0]!.ticks.map((t) => t.label)).toEqual(['0', '5', '10', '15', '20', '25']);
    expect(geometry.bands.map((b) => b.label)).toContain('Moderately severe');
    expect(geometry.bands[0]!.y1).toBe(geometry.plotBottom);
  });
});
