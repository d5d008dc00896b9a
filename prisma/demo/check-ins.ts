// Near-daily check-ins from a few trends plus day-to-day noise, with side effects, notes and a
// personal measure on the days given.
import type { Severity } from '@/prisma/generated/client';
import type { CheckInSpec } from './build';
import { clamp, createRandom, type DemoContext } from './context';

export type SideEffectCourse = { name: string; days: Record<number, Severity> };

export type CheckInPlan = {
  from: number;
  to: number;
  seed: number;
  /** Share of days without a check-in (days with a note or side effect are always kept). */
  skipRate: number;
  /** Days with no check-in at all (a trip, an illness, disengagement). */
  gaps?: readonly number[];
  mood: (offset: number) => number;
  sleepHours: (offset: number) => number;
  energy: (offset: number) => number;
  focus: (offset: number) => number;
  appetite: (offset: number) => number;
  sideEffects?: readonly SideEffectCourse[];
  notes?: Record<number, string>;
  measure?: { goalKey: string; value: (offset: number, random: () => number) => number };
};

export function buildCheckIns(ctx: DemoContext, plan: CheckInPlan): CheckInSpec[] {
  const random = createRandom(plan.seed);
  const noise = (spread: number) => (random() + random() + random() - 1.5) * spread;
  const gaps = new Set(plan.gaps ?? []);
  const specs: CheckInSpec[] = [];
  for (let offset = plan.from; offset <= plan.to; offset++) {
    const sideEffects = (plan.sideEffects ?? []).flatMap((course) => {
      const severity = course.days[offset];
      return severity ? [{ name: course.name, severity }] : [];
    });
    const note = plan.notes?.[offset] ?? null;
    const skipped = random() < plan.skipRate;
    if (gaps.has(offset) || (skipped && !note && sideEffects.length === 0)) continue;
    const sleepHours = Math.round(clamp(plan.sleepHours(offset) + noise(0.8), 3, 10) * 2) / 2;
    specs.push({
      localDate: ctx.day(offset),
      mood: Math.round(clamp(plan.mood(offset) + noise(1.4), 0, 10)),
      sleepHours,
      sleepQuality: Math.round(clamp(sleepHours - 2.5 + noise(0.8), 1, 5)),
      energy: Math.round(clamp(plan.energy(offset) + noise(0.9), 1, 5)),
      focus: Math.round(clamp(plan.focus(offset) + noise(0.9), 1, 5)),
      appetite: Math.round(clamp(plan.appetite(offset) + noise(0.7), 1, 5)),
      note,
      sideEffects,
      measures: plan.measure
        ? [{ goalKey: plan.measure.goalKey, value: plan.measure.value(offset, random) }]
        : [],
      createdAt: ctx.at(offset, 19 + Math.floor(random() * 4), Math.floor(random() * 60)),
    });
  }
  return specs;
}

/** The same severity on each of the given days. */
export function on(days: readonly number[], severity: Severity): Record<number, Severity> {
  return Object.fromEntries(days.map((d) => [d, severity]));
}
