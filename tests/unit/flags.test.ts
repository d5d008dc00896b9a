import { describe, expect, it } from 'vitest';
import { flagAge, flagsFor, type FlagFacts } from '@/lib/clinical/flags';

const today = new Date(Date.UTC(2026, 10, 27, 15));
const calm: FlagFacts = {
  openSafetyFlags: 0,
  unacknowledgedSafetyFlags: 0,
  oldestOpenSafetyFlagAt: null,
  phq9Latest: 7,
  phq9Previous: 9,
  gad7Latest: 6,
  gad7Previous: 6,
  severeSideEffect: null,
  lastCheckIn: '2026-11-26',
  planReviewBy: '2027-01-10',
  openReviewRequests: 0,
  recentNoShows: 0,
};

const kinds = (facts: Partial<FlagFacts>) =>
  flagsFor({ ...calm, ...facts }, today).map((f) => f.kind);

describe('caseload flags', () => {
  it('raise nothing for a patient doing steadily', () => {
    expect(kinds({})).toEqual([]);
  });

  it('flag an open safety flag first', () => {
    expect(kinds({ openSafetyFlags: 1, openReviewRequests: 1 })).toEqual([
      'SAFETY',
      'REVIEW_REQUESTED',
    ]);
  });

  it('say a safety flag’s age and whether anyone acknowledged it, whatever raised it', () => {
    const twoHoursAgo = new Date(today.getTime() - 2 * 3_600_000 - 60_000);
    const open = { openSafetyFlags: 1, oldestOpenSafetyFlagAt: twoHoursAgo };
    expect(flagsFor({ ...calm, ...open, unacknowledgedSafetyFlags: 1 }, today)[0]).toEqual({
      kind: 'SAFETY',
      label: 'Safety flag · 2 h · not yet acknowledged',
      detail:
        'A safety flag open, the oldest raised 2 h ago: 1 not yet acknowledged by anyone on the care team.',
    });
    const seen = flagsFor({ ...calm, ...open, openSafetyFlags: 2 }, today)[0]!;
    expect(seen.label).toBe('Safety flag · 2 h · acknowledged');
    expect(seen.detail).toBe(
      '2 safety flags open, the oldest raised 2 h ago: acknowledged, not yet resolved.',
    );
    expect(seen.detail).not.toMatch(/PHQ-9/);
  });

  it('write a flag’s age in minutes, hours, then days', () => {
    const ago = (ms: number) => flagAge(new Date(today.getTime() - ms), today);
    expect(ago(0)).toBe('0 min');
    expect(ago(59 * 60_000)).toBe('59 min');
    expect(ago(3_600_000)).toBe('1 h');
    expect(ago(47 * 3_600_000)).toBe('47 h');
    expect(ago(48 * 3_600_000)).toBe('2 d');
    expect(ago(-60_000)).toBe('0 min');
  });

  it('flag a PHQ-9 or GAD-7 rise of 5 or more, not 4', () => {
    expect(kinds({ phq9Previous: 7, phq9Latest: 12 })).toEqual(['SCORE_WORSENED']);
    expect(kinds({ phq9Previous: 7, phq9Latest: 11 })).toEqual([]);
    expect(kinds({ gad7Previous: 4, gad7Latest: 9 })).toEqual(['SCORE_WORSENED']);
    expect(kinds({ phq9Previous: null, phq9Latest: 20 })).toEqual([]);
  });

  it('flag a severe side effect', () => {
    expect(flagsFor({ ...calm, severeSideEffect: 'insomnia' }, today)[0]).toMatchObject({
      kind: 'SEVERE_SIDE_EFFECT',
      detail: 'Reported a severe side effect: insomnia.',
    });
  });

  it('flag two or more no-shows in 60 days, not one', () => {
    expect(kinds({ recentNoShows: 1 })).toEqual([]);
    expect(flagsFor({ ...calm, recentNoShows: 2 }, today)).toEqual([
      {
        kind: 'NO_SHOWS',
        label: '2 no-shows in 60 days',
        detail: 'Missed 2 visits in the last 60 days.',
      },
    ]);
    expect(flagsFor({ ...calm, recentNoShows: 3 }, today)[0]!.label).toBe('3 no-shows in 60 days');
  });

  it('flag 14 days or more without a check-in, and none at all', () => {
    expect(kinds({ lastCheckIn: '2026-11-14' })).toEqual([]);
    expect(kinds({ lastCheckIn: '2026-11-13' })).toEqual(['NO_RECENT_CHECK_IN']);
    expect(kinds({ lastCheckIn: null })).toEqual(['NO_RECENT_CHECK_IN']);
  });

  it('flag a plan past its review date, not on it', () => {
    expect(kinds({ planReviewBy: '2026-11-27' })).toEqual([]);
    expect(kinds({ planReviewBy: '2026-11-26' })).toEqual(['PLAN_REVIEW_OVERDUE']);
    expect(kinds({ planReviewBy: null })).toEqual([]);
  });
});
