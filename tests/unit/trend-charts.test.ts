import { describe, expect, it } from 'vitest';
import { chartBands, GAD7_BANDS, PHQ9_BANDS } from '@/components/charts/severity-bands';
import {
  MARKER_MIN_GAP,
  markerLanes,
  numberMarkers,
  type TrendSeries,
} from '@/components/charts/trend-chart-types';

const line = (key: string, scale?: TrendSeries['scale']): TrendSeries => ({
  key,
  label: key,
  scale,
  points: [],
});

describe('chartBands: severity bands only behind a questionnaire’s own total', () => {
  it.each([
    ['a PHQ-9 chart', [line('phq9', 'PHQ9')], PHQ9_BANDS],
    ['a GAD-7 chart', [line('gad7', 'GAD7')], GAD7_BANDS],
    ['two PHQ-9 lines', [line('a', 'PHQ9'), line('b', 'PHQ9')], PHQ9_BANDS],
    ['mood', [line('mood')], []],
    ['sleep hours and quality', [line('sleepHours'), line('sleepQuality')], []],
    ['mood drawn with PHQ-9', [line('phq9', 'PHQ9'), line('mood')], []],
    ['mood first, then PHQ-9', [line('mood'), line('phq9', 'PHQ9')], []],
    ['PHQ-9 with GAD-7', [line('phq9', 'PHQ9'), line('gad7', 'GAD7')], []],
    ['no lines', [], []],
  ])('%s', (_, series, bands) => {
    expect(chartBands(series)).toEqual(bands);
  });

  it('uses the published ranges, covering each total without gaps', () => {
    const ranges = (bands: readonly { from: number; to: number }[]) =>
      bands.map((b) => `${b.from}-${b.to}`).join(' ');
    expect(ranges(PHQ9_BANDS)).toBe('0-4 5-9 10-14 15-19 20-27');
    expect(ranges(GAD7_BANDS)).toBe('0-4 5-9 10-14 15-21');
  });
});

describe('numberMarkers', () => {
  it('numbers dates oldest first and gathers a date’s events under one number', () => {
    const numbered = numberMarkers([
      { date: '2026-03-10', label: 'Sertraline 50 → 100 mg' },
      { date: '2026-02-01', label: 'Started sertraline 50 mg' },
      { date: '2026-03-10', label: 'Stopped hydroxyzine' },
    ]);
    expect(numbered.map((m) => [m.number, m.date, m.labels])).toEqual([
      [1, '2026-02-01', ['Started sertraline 50 mg']],
      [2, '2026-03-10', ['Sertraline 50 → 100 mg', 'Stopped hydroxyzine']],
    ]);
  });
});

describe('markerLanes: numbers close in time go on separate lanes', () => {
  it('keeps markers far apart on the top lane', () => {
    expect(markerLanes([0, 30, 60, 100], 0, 100)).toEqual([0, 0, 0, 0]);
  });

  it('moves a marker too close to the previous one down a lane, and back up when there is room', () => {
    expect(markerLanes([0, 2, 4, 50, 51], 0, 100)).toEqual([0, 1, 2, 0, 1]);
  });

  it('never puts two numbers closer than the minimum gap on one lane', () => {
    const times = [0, 1, 3, 6, 7, 8, 20, 21, 40, 90, 95, 100];
    const lanes = markerLanes(times, 0, 100);
    const byLane = new Map<number, number[]>();
    times.forEach((t, i) => byLane.set(lanes[i]!, [...(byLane.get(lanes[i]!) ?? []), t / 100]));
    for (const xs of byLane.values()) {
      for (let i = 1; i < xs.length; i += 1) {
        expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(MARKER_MIN_GAP);
      }
    }
  });

  it('puts a single date on the top lane', () => {
    expect(markerLanes([5], 5, 5)).toEqual([0]);
  });
});
