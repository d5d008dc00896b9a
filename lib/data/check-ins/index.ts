// The patient's daily check-ins (docs/decisions/018-one-shape.md): recording one (record.ts),
// reading them and the check-in form (read.ts), and the current plan's measures (shared.ts).
export { recordCheckIn } from '@/lib/data/check-ins/record';
export { getCheckInForm, listCheckIns, type CheckInForm } from '@/lib/data/check-ins/read';
export {
  checkInRatings,
  checkInsBetween,
  currentPlanFacts,
  type CurrentPlanFacts,
  type PersonalMeasure,
} from '@/lib/data/check-ins/shared';
export type { CheckIn, CheckInList, CheckInResult } from '@/lib/schemas/check-ins';
