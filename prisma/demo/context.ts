// What every demo history builder receives: dates relative to the day the seed runs, the demo
// accounts, and a seeded random source so the demo reads the same on every machine.
import type { User } from '@/prisma/generated/client';
import { daysFromToday, type PatientWithAccount } from './build';

export type DemoStaff = Record<'dana' | 'rivera' | 'chen' | 'okafor' | 'park' | 'hale', User>;

export type DemoPatients = Record<'alex' | 'jordan' | 'casey' | 'riley', PatientWithAccount>;

export type DemoContext = {
  now: Date;
  /** The calendar date `offset` days from the seed day (negative: in the past). */
  day: (offset: number) => Date;
  /** A local time on that day. */
  at: (offset: number, hour: number, minute?: number) => Date;
  staff: DemoStaff;
  patients: DemoPatients;
};

/** A local time `offset` days from `now`'s date. */
export function localTime(now: Date, offset: number, hour: number, minute = 0): Date {
  const moment = new Date(now);
  moment.setHours(0, 0, 0, 0);
  moment.setDate(moment.getDate() + offset);
  moment.setHours(hour, minute);
  return moment;
}

export function createDemoContext(
  now: Date,
  staff: DemoStaff,
  patients: DemoPatients,
): DemoContext {
  return {
    now,
    day: (offset) => daysFromToday(offset, now),
    at: (offset, hour, minute = 0) => localTime(now, offset, hour, minute),
    staff,
    patients,
  };
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A piecewise-linear trend through [dayOffset, value] points, flat beyond the ends. */
export function trend(points: readonly (readonly [number, number])[]): (offset: number) => number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  return (offset) => {
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    if (offset <= first[0]) return first[1];
    if (offset >= last[0]) return last[1];
    const i = sorted.findIndex(([x]) => x >= offset);
    const [x1, y1] = sorted[i]!;
    const [x0, y0] = sorted[i - 1]!;
    return y0 + ((y1 - y0) * (offset - x0)) / (x1 - x0);
  };
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
