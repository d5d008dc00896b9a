// The series rules of a "this and the following" split, and a move on the wall clock
// (lib/data/appointments/recurrence.ts): pure, New York's daylight-saving changes of 2026.
import { describe, expect, it } from 'vitest';
import {
  rruleEndingBefore,
  rruleOfSplit,
  shiftOnWallClock,
  wallClockShift,
} from '@/lib/data/appointments/recurrence';

const NY = 'America/New_York';

describe('splitting a series’ rule', () => {
  it('ends a counted rule with the visits kept, and gives the split-off part the visits moved', () => {
    expect(rruleEndingBefore('FREQ=WEEKLY;INTERVAL=2;COUNT=6', 2, new Date())).toBe(
      'FREQ=WEEKLY;INTERVAL=2;COUNT=2',
    );
    expect(rruleOfSplit('FREQ=WEEKLY;INTERVAL=2;COUNT=6', 4, new Date())).toBe(
      'FREQ=WEEKLY;INTERVAL=2;COUNT=4',
    );
  });

  it('ends a dated rule the second before the split, and keeps the date for the rest', () => {
    const rule = 'FREQ=WEEKLY;INTERVAL=1;UNTIL=20261215T045959Z';
    expect(rruleEndingBefore(rule, 3, new Date('2026-11-16T15:00:00Z'))).toBe(
      'FREQ=WEEKLY;INTERVAL=1;UNTIL=20261116T145959Z',
    );
    expect(rruleOfSplit(rule, 2, new Date('2026-12-07T15:00:00Z'))).toBe(rule);
    // A move past the end date pushes it to the last visit.
    expect(rruleOfSplit(rule, 2, new Date('2026-12-16T15:00:00Z'))).toBe(
      'FREQ=WEEKLY;INTERVAL=1;UNTIL=20261216T150000Z',
    );
  });
});

describe('a move on the wall clock', () => {
  it('keeps the local time across the autumn change, where elapsed time would not', () => {
    // Mon Oct 26 10:00 EDT → Tue Nov 3 11:00 EST: 8 days and 1 hour on the clock.
    const shift = wallClockShift(
      NY,
      new Date('2026-10-26T14:00:00Z'),
      new Date('2026-11-03T16:00:00Z'),
    );
    expect(shift).toBe((8 * 24 + 1) * 3_600_000);
    expect(shiftOnWallClock(NY, new Date('2026-10-19T14:00:00Z'), shift).toISOString()).toBe(
      '2026-10-27T15:00:00.000Z', // Tue Oct 27, 11:00 EDT
    );
    expect(shiftOnWallClock(NY, new Date('2026-11-02T15:00:00Z'), shift).toISOString()).toBe(
      '2026-11-10T16:00:00.000Z', // Tue Nov 10, 11:00 EST
    );
  });

  it('lands a time the spring change skips an hour later', () => {
    // Sat Mar 7 2:30 EST moved by a day: 2:30 does not exist on Mar 8, so 3:30 EDT.
    expect(
      shiftOnWallClock(NY, new Date('2026-03-07T07:30:00Z'), 24 * 3_600_000).toISOString(),
    ).toBe('2026-03-08T07:30:00.000Z');
  });
});
