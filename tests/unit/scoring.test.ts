import { describe, expect, it } from 'vitest';
import { scoreAssessment, severityFor } from '@/lib/clinical/scoring';

/** Answers that add up to `score`, filling items with 3s from the front and item 9 left at 0. */
function answersFor(items: number, score: number): number[] {
  const answers = Array<number>(items).fill(0);
  let left = score;
  for (let i = 0; i < items && left > 0; i++) {
    if (items === 9 && i === 8) continue;
    answers[i] = Math.min(3, left);
    left -= answers[i]!;
  }
  if (left > 0) answers[8] = left;
  return answers;
}

// Both instruments share their bands up to 14 (minimal, mild, moderate), then part ways.
const SHARED_BANDS: [number, string][] = [
  [0, 'minimal'],
  [4, 'minimal'],
  [5, 'mild'],
  [9, 'mild'],
  [10, 'moderate'],
  [14, 'moderate'],
];

// Every band of each instrument, scored through scoreAssessment and named by severityFor alike.
describe.each([
  {
    instrument: 'PHQ9' as const,
    items: 9,
    // answersFor reaches item 9 only past the 24 points items 1-8 can hold.
    flagged: (score: number) => score > 24,
    bands: [
      ...SHARED_BANDS,
      [15, 'moderately severe'],
      [19, 'moderately severe'],
      [20, 'severe'],
      [27, 'severe'],
    ] as [number, string][],
  },
  {
    instrument: 'GAD7' as const,
    items: 7,
    flagged: () => false,
    bands: [...SHARED_BANDS, [15, 'severe'], [21, 'severe']] as [number, string][],
  },
])('$instrument bands', ({ instrument, items, flagged, bands }) => {
  it.each(bands)('scores %i as %s', (score, severity) => {
    const result = scoreAssessment(instrument, answersFor(items, score));
    expect(result.score).toBe(score);
    expect(result.severity).toBe(severity);
    expect(severityFor(instrument, score)).toBe(severity);
    expect(result.safetyFlag).toBe(flagged(score));
  });
});

describe('PHQ-9 scoring', () => {
  it('raises the safety flag for any item-9 answer above 0, and only then', () => {
    expect(scoreAssessment('PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual({
      score: 1,
      severity: 'minimal',
      safetyFlag: true,
    });
    expect(scoreAssessment('PHQ9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).safetyFlag).toBe(false);
    expect(scoreAssessment('PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 3]).safetyFlag).toBe(true);
  });
});

describe('GAD-7 scoring', () => {
  it('never raises a safety flag', () => {
    expect(scoreAssessment('GAD7', [3, 3, 3, 3, 3, 3, 3]).safetyFlag).toBe(false);
  });
});

describe('invalid answers', () => {
  it.each([
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['GAD7', [0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['GAD7', []],
    ['PHQ9', [0, 0, 0, 0, 0, 0, 0, 0, 4]],
    ['PHQ9', [0, 0, 0, -1, 0, 0, 0, 0, 0]],
    ['GAD7', [0, 0, 1.5, 0, 0, 0, 0]],
    ['GAD7', [0, 0, Number.NaN, 0, 0, 0, 0]],
  ] as const)('%s %j throws', (instrument, answers) => {
    expect(() => scoreAssessment(instrument, answers)).toThrow(RangeError);
  });

  it('rejects a score outside the range', () => {
    expect(() => severityFor('PHQ9', 28)).toThrow(RangeError);
    expect(() => severityFor('GAD7', 22)).toThrow(RangeError);
    expect(() => severityFor('GAD7', -1)).toThrow(RangeError);
  });
});
