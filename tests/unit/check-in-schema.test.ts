import { describe, expect, it } from 'vitest';
import { CheckInInput, trendPeriod } from '@/lib/schemas/check-ins';

const base = { localDate: '2026-03-10', mood: 5 };

function pathsOf(input: unknown): string[] {
  const result = CheckInInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('CheckInInput', () => {
  it('needs only the date and mood; the lists default to empty', () => {
    expect(CheckInInput.parse(base)).toEqual({ ...base, sideEffects: [], measures: [] });
  });

  it('accepts the edges of every range', () => {
    for (const edges of [
      { mood: 0, sleepHours: 0, sleepQuality: 1, appetite: 1, energy: 1, focus: 1 },
      { mood: 10, sleepHours: 24, sleepQuality: 5, appetite: 5, energy: 5, focus: 5 },
      { sleepHours: 7.5 },
    ]) {
      expect(pathsOf({ ...base, ...edges })).toEqual([]);
    }
  });

  it.each([
    ['mood', { mood: 11 }],
    ['mood', { mood: undefined }],
    ['sleepHours', { sleepHours: 24.5 }],
    ['sleepHours', { sleepHours: 6.55 }],
    ['sleepQuality', { sleepQuality: 6 }],
    ['appetite', { appetite: 0 }],
    ['energy', { energy: 2.5 }],
    ['focus', { focus: '3' }],
    ['localDate', { localDate: '2026-13-01' }],
    [
      'sideEffects.1.name',
      {
        sideEffects: [
          { name: 'Nausea', severity: 'MILD' },
          { name: 'nausea', severity: 'SEVERE' },
        ],
      },
    ],
    [
      'measures.0.value',
      { measures: [{ goalKey: '2b0d6c1e-0000-4000-8000-000000000000', value: -1 }] },
    ],
  ])('names %s when it is out of range', (path, change) => {
    expect(pathsOf({ ...base, ...change })).toContain(path);
  });
});

describe('trendPeriod', () => {
  it('takes 30, 90 or 365 and falls back to 90', () => {
    expect(trendPeriod('30')).toBe(30);
    expect(trendPeriod(['365'])).toBe(365);
    expect(trendPeriod('7')).toBe(90);
    expect(trendPeriod(undefined)).toBe(90);
  });
});
