// Second factors (docs/decisions/013-second-factor.md), one file per responsibility: codes.ts (the
// one check of a code, rate-limited), sign-in.ts (the code at sign-in), own-factor.ts and
// enrolment.ts (a holder's own second factor and recovery codes), administration.ts (an admin's
// reset and the organization's requirement).
export { CODE_LIMIT, codeLimitRowKey } from '@/lib/data/second-factor/codes';
export { checkSignInSecondFactor, type VerifiedAccount } from '@/lib/data/second-factor/sign-in';
export { disableOwnSecondFactor, getSecondFactorStatus } from '@/lib/data/second-factor/own-factor';
export {
  confirmEnrolment,
  regenerateRecoveryCodes,
  startEnrolment,
} from '@/lib/data/second-factor/enrolment';
export {
  getOrganizationSecurity,
  listSecondFactorAccounts,
  recordEnrolmentGate,
  resetSecondFactor,
  updateOrganizationSecurity,
} from '@/lib/data/second-factor/administration';
