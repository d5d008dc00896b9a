import { describe, expect, it } from 'vitest';
import { quietHoursEnd, wallClock, zonedInstant } from '@/lib/zoned-time';

const NY = 'America/New_York';

describe('wall clocks in a time zone', () => {
  it('puts 19:00 in New York at 23:00Z before the March change and 00:00Z the day after', () => {
    expect(zonedInstant(NY, '2026-03-07', 19).toISOString()).toBe('2026-03-08T00:00:00.000Z');
    expect(zonedInstant(NY, '2026-03-08', 19).toISOString()).toBe('2026-03-08T23:00:00.000Z');
    expect(zonedInstant(NY, '2026-10-31', 19).toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(zonedInstant(NY, '2026-11-01', 19).toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('moves a skipped time an hour on, and takes the first of a repeated one', () => {
    // 02:30 does not happen on 2026-03-08 in New York: 03:30 EDT.
    expect(zonedInstant(NY, '2026-03-08', 2, 30).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the first, in EDT.
    expect(zonedInstant(NY, '2026-11-01', 1, 30).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads zones far from UTC, half hours included', () => {
    expect(zonedInstant('Asia/Kolkata', '2026-06-01', 8).toISOString()).toBe(
      '2026-06-01T02:30:00.000Z',
    );
    // Auckland is a day ahead: 07:00 on 2 June is 19:00Z on 1 June (NZST, +12).
    expect(zonedInstant('Pacific/Auckland', '2026-06-02', 7).toISOString()).toBe(
      '2026-06-01T19:00:00.000Z',
    );
    expect(wallClock('Pacific/Auckland', new Date('2026-06-01T19:00:00Z'))).toEqual({
      date: '2026-06-02',
      hour: 7,
      minute: 0,
    });
  });

  it('reads an unknown zone as UTC rather than failing', () => {
    expect(wallClock('Not/AZone', new Date('2026-06-01T19:05:00Z'))).toEqual({
      date: '2026-06-01',
      hour: 19,
      minute: 5,
    });
  });
});

describe('quiet hours', () => {
  const quiet = { start: '22:00', end: '07:00' };

  it('holds an email until the quiet hours end, across midnight, in the person’s zone', () => {
    // 23:30 in New York on 1 March (04:30Z on 2 March): held until 07:00 EST on 2 March.
    expect(quietHoursEnd(NY, quiet, new Date('2026-03-02T04:30:00Z'))?.toISOString()).toBe(
      '2026-03-02T12:00:00.000Z',
    );
    // 05:00 local on 2 March: the same end, later that morning.
    expect(quietHoursEnd(NY, quiet, new Date('2026-03-02T10:00:00Z'))?.toISOString()).toBe(
      '2026-03-02T12:00:00.000Z',
    );
    // Across the spring change: 23:00 EST on 7 March, held until 07:00 EDT (11:00Z) on 8 March.
    expect(quietHoursEnd(NY, quiet, new Date('2026-03-08T04:00:00Z'))?.toISOString()).toBe(
      '2026-03-08T11:00:00.000Z',
    );
  });

  it('lets an email through outside quiet hours, at their end, and with none', () => {
    expect(quietHoursEnd(NY, quiet, new Date('2026-03-02T17:00:00Z'))).toBeNull();
    expect(quietHoursEnd(NY, quiet, new Date('2026-03-02T12:00:00Z'))).toBeNull();
    expect(quietHoursEnd(NY, null, new Date('2026-03-02T04:30:00Z'))).toBeNull();
  });

  it('reads quiet hours within one day too', () => {
    const day = { start: '09:00', end: '17:00' };
    expect(quietHoursEnd('UTC', day, new Date('2026-03-02T10:00:00Z'))?.toISOString()).toBe(
      '2026-03-02T17:00:00.000Z',
    );
    expect(quietHoursEnd('UTC', day, new Date('2026-03-02T08:59:00Z'))).toBeNull();
  });
});
