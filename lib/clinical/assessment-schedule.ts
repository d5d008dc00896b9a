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

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return (
    Date.UTC(
      Number(isoDate.slice(0, 4)),
      Number(isoDate.slice(5, 7)) - 1,
      Number(isoDate.slice(8, 10)),
    ) / DAY_MS
  );
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

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
  const todayNumber = dayNumber(today);
  const due = lastCompletedOn === null ? todayNumber : dayNumber(lastCompletedOn) + interval;
  const daysUntil = due - todayNumber;
  return { dueOn: isoOf(due), isDue: daysUntil <= 0, daysUntil };
}
