import type { SeverityScale, TrendBand, TrendSeries } from './trend-chart-types';

/** The published severity ranges of the questionnaires' totals, shaded behind their trend lines. */
export const PHQ9_BANDS: readonly TrendBand[] = [
  { from: 0, to: 4, label: 'Minimal' },
  { from: 5, to: 9, label: 'Mild' },
  { from: 10, to: 14, label: 'Moderate' },
  { from: 15, to: 19, label: 'Moderately severe' },
  { from: 20, to: 27, label: 'Severe' },
];

export const GAD7_BANDS: readonly TrendBand[] = [
  { from: 0, to: 4, label: 'Minimal' },
  { from: 5, to: 9, label: 'Mild' },
  { from: 10, to: 14, label: 'Moderate' },
  { from: 15, to: 21, label: 'Severe' },
];

const BANDS: Record<SeverityScale, readonly TrendBand[]> = { PHQ9: PHQ9_BANDS, GAD7: GAD7_BANDS };

/**
 * The bands shaded behind a chart: a questionnaire's severity ranges when every line on it is that
 * questionnaire's total, none otherwise. Mood (higher is better) and the other check-in measures
 * have no severity ranges, and a PHQ-9 band behind them would read as a verdict they never gave.
 */
export function chartBands(series: readonly TrendSeries[]): readonly TrendBand[] {
  const scale = series[0]?.scale;
  if (!scale || series.some((s) => s.scale !== scale)) return [];
  return BANDS[scale];
}
