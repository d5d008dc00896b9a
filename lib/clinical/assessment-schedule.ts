import { addDays, daysBetween } from '@/lib/calendar-date';
// When each questionnaire is next due: every `intervalDays` (the plan's assessmentIntervalDays)
// since the last one of that instrument. Pure; dates are calendar dates `YYYY-MM-DD`.

/** The plan's default interval when there is no plan yet. */
export const DEFAULT_ASSESSMENT_INTERVAL_DAYS = 14;

export type AssessmentDue = {
  /** `YYYY-MM-DD` the next one is due; today when never completed. */
  dueOn: string;
  /** Due today or overdue. */
  isDue: boolean;
  /** Days until due (0 or negative when due). */
  daysUntil: number;
};

/**
 * The next due date of an instrument last completed on `lastCompletedOn` (or never: due now),
 * seen on `today`. Both are calendar dates `YYYY-MM-DD`.
 */
export function nextAssessmentDue(
  lastCompletedOn: string | null,
  intervalDays: number,
  today: string,
): AssessmentDue {
  const interval =
    Number.isInteger(intervalDays) && intervalDays > 0
      ? intervalDays
      : DEFAULT_ASSESSMENT_INTERVAL_DAYS;
  const dueOn = lastCompletedOn === null ? today : addDays(lastCompletedOn, interval);
  const daysUntil = daysBetween(today, dueOn);
  return { dueOn, isDue: daysUntil <= 0, daysUntil };
}
