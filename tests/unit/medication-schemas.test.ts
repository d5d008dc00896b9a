import { describe, expect, it } from 'vitest';
import { requestHash } from '@/lib/idempotency';
import { trendRows } from '@/components/charts/trend-chart-types';
import { markerLabel, changeTitle } from '@/components/medications/medication-text';
import { effectiveDateProblem, MedicationChangeInput } from '@/lib/schemas/medications';

const now = new Date(Date.UTC(2026, 5, 15, 12));
const base = { effectiveDate: '2026-06-15', reason: 'Because.' };

describe('effectiveDateProblem', () => {
  it.each([
    ['2025-06-15', null],
    ['2025-06-14', /year ago/],
    ['2026-09-13', null],
    ['2026-09-14', /90 days ahead/],
  ])('%s', (date, expected) => {
    const problem = effectiveDateProblem(date, now);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('MedicationChangeInput', () => {
  const issues = (input: unknown) => {
    const result = MedicationChangeInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };
  const today = new Date().toISOString().slice(0, 10);

  it('requires what each action needs', () => {
    expect(issues({ action: 'START', effectiveDate: today, reason: 'r' })).toEqual(
      expect.arrayContaining(['medication', 'dose', 'unit']),
    );
    expect(
      issues({ action: 'INCREASE', medication: 'A', effectiveDate: today, reason: 'r' }),
    ).toEqual(['dose']);
    expect(issues({ action: 'STOP', medication: 'A', effectiveDate: today, reason: 'r' })).toEqual(
      [],
    );
    expect(issues({ action: 'ENTERED_IN_ERROR', effectiveDate: today, reason: 'r' })).toEqual([
      'correctsId',
    ]);
  });

  it('requires a reason and refuses more than three decimals', () => {
    expect(
      issues({ action: 'STOP', medication: 'A', effectiveDate: today, reason: '   ' }),
    ).toEqual(['reason']);
    expect(
      issues({
        action: 'INCREASE',
        medication: 'A',
        dose: 1.2345,
        effectiveDate: today,
        reason: 'r',
      }),
    ).toEqual(['dose']);
    expect(
      issues({
        action: 'INCREASE',
        medication: 'A',
        dose: 12.5,
        effectiveDate: today,
        reason: 'r',
      }),
    ).toEqual([]);
  });

  it('refuses a review date before the effective date', () => {
    expect(
      issues({
        action: 'STOP',
        medication: 'A',
        ...base,
        effectiveDate: today,
        reviewBy: '2000-01-01',
      }),
    ).toEqual(['reviewBy']);
  });
});

describe('requestHash', () => {
  it('ignores key order and tells different requests apart', () => {
    const a = requestHash('POST', '/p', { a: 1, b: [1, { c: 2, d: 3 }] });
    expect(requestHash('post', '/p', { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(a);
    expect(requestHash('POST', '/q', { a: 1, b: [1, { c: 2, d: 3 }] })).not.toBe(a);
    expect(requestHash('POST', '/p', { a: 2, b: [1, { c: 2, d: 3 }] })).not.toBe(a);
  });
});

describe('trendRows', () => {
  it('merges series and markers by date, oldest first, skipping nulls', () => {
    const rows = trendRows(
      [
        {
          key: 'phq9',
          label: 'PHQ-9',
          points: [
            { date: '2026-01-03', value: 12 },
            { date: '2026-01-01', value: 15 },
          ],
        },
        {
          key: 'mood',
          label: 'Mood',
          points: [
            { date: '2026-01-01', value: 4 },
            { date: '2026-01-02', value: null },
          ],
        },
      ],
      [{ date: '2026-01-02', label: 'Sertraline ↑100 mg' }],
    );
    expect(rows.map((r) => [r.date, r.values, r.markers])).toEqual([
      ['2026-01-01', { phq9: 15, mood: 4 }, []],
      ['2026-01-02', {}, ['Sertraline ↑100 mg']],
      ['2026-01-03', { phq9: 12 }, []],
    ]);
  });
});

describe('medication text', () => {
  it('names changes and markers', () => {
    const change = { action: 'INCREASE' as const, medication: 'Sertraline', dose: 150, unit: 'mg' };
    expect(changeTitle(change)).toBe('Increased Sertraline to 150 mg');
    // One marker wording for every chart (lib/clinical/medication-wording.ts).
    expect(markerLabel(change)).toBe('Sertraline up to 150 mg');
    expect(markerLabel({ ...change, action: 'STOP' })).toBe('Sertraline stopped');
  });
});
