// The second factor (TOTP) and the organization's security settings
// (docs/decisions/013-second-factor.md), and its safety-escalation delay (024).
import { getSafetyEscalation, updateSafetyEscalation } from '@/lib/data/safety-escalation';
import { SafetyEscalation, SafetyEscalationInput } from '@/lib/schemas/safety-escalation';
import { defineRoute } from '@/lib/api/define-route';
import { qrCodeDataUrl } from '@/lib/auth/second-factor';
import {
  confirmEnrolment,
  disableOwnSecondFactor,
  getOrganizationSecurity,
  getSecondFactorStatus,
  regenerateRecoveryCodes,
  resetSecondFactor,
  startEnrolment,
  updateOrganizationSecurity,
} from '@/lib/data/second-factor';
import {
  ConfirmEnrolmentInput,
  EnrolmentStart,
  OrganizationSecurity,
  OrganizationSecurityInput,
  RecoveryCodes,
  SecondFactorCodeInput,
  SecondFactorResetResult,
  SecondFactorStatus,
  SecondFactorUserParams,
} from '@/lib/schemas/security';

const OWN =
  'Clinicians and admins, for their own account; patients get 403. Served while the organization requires a second factor that the account has not set up yet.';
/** The viewer's own second factor, served while one must still be set up. */
const own = { tag: 'Second factor', duringEnrolment: true } as const;
const organization = { tag: 'Administration', who: 'Admins.' } as const;

/** The routes of the second factor. */
export const securityRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/me/second-factor',
    ...own,
    summary: 'Whether my second factor is on',
    who: OWN,
    success: { status: 200, description: 'The status.', schema: SecondFactorStatus },
    problems: [403],
    handler: ({ viewer }) => getSecondFactorStatus(viewer),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/second-factor/enrolment',
    ...own,
    summary: 'Start setting up a second factor (TOTP)',
    who: `${OWN} Each call starts over (the last secret shown is the one to confirm), so a retry needs no Idempotency-Key. 409 when a second factor is already on.`,
    success: {
      status: 200,
      description:
        'A new secret, pending until confirmed: its QR code for an authenticator app, and the secret as text for typing in.',
      schema: EnrolmentStart,
    },
    problems: [409],
    handler: async ({ viewer }): Promise<EnrolmentStart> => {
      const { secret, otpauthUri } = await startEnrolment(viewer);
      return { secret, otpauthUri, qrCode: await qrCodeDataUrl(otpauthUri) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/second-factor/confirm',
    ...own,
    summary: 'Confirm the second factor with a first code',
    who: `${OWN} At most 5 codes per 15 minutes (then 403).`,
    idempotent: true,
    body: ConfirmEnrolmentInput,
    success: {
      status: 201,
      description: 'The second factor is on; 10 single-use recovery codes, shown this once.',
      schema: RecoveryCodes,
    },
    problems: [409],
    handler: ({ viewer, body, idempotency }) => confirmEnrolment(viewer, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/second-factor/recovery-codes',
    tag: 'Second factor',
    summary: 'Replace my recovery codes',
    who: 'Clinicians and admins with a second factor on, with a current code; patients get 403.',
    idempotent: true,
    body: SecondFactorCodeInput,
    success: {
      status: 201,
      description: '10 new recovery codes, shown this once; the old ones no longer work.',
      schema: RecoveryCodes,
    },
    problems: [409],
    handler: ({ viewer, body, idempotency }) => regenerateRecoveryCodes(viewer, body, idempotency),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/me/second-factor/disable',
    tag: 'Second factor',
    summary: 'Turn my second factor off',
    who: 'Clinicians and admins, with a current code; 409 when the organization requires a second factor.',
    body: SecondFactorCodeInput,
    success: { status: 200, description: 'The status, now off.', schema: SecondFactorStatus },
    problems: [409],
    handler: ({ viewer, body }) => disableOwnSecondFactor(viewer, body),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/{userId}/second-factor/reset',
    ...organization,
    summary: 'Reset an account’s second factor',
    who: 'Admins, for other accounts of their organization (their own: 409). The account’s sessions end; it sets up a second factor again.',
    params: SecondFactorUserParams,
    success: { status: 200, description: 'Reset.', schema: SecondFactorResetResult },
    problems: [409],
    handler: ({ viewer, params }) => resetSecondFactor(viewer, params.userId),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/organization/security',
    ...organization,
    summary: 'The organization’s security settings',
    success: { status: 200, description: 'The settings.', schema: OrganizationSecurity },
    problems: [403],
    handler: ({ viewer }) => getOrganizationSecurity(viewer),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/organization/security',
    ...organization,
    summary: 'Require a second factor for clinicians and admins, or not',
    who: 'Admins. When on, a clinician or admin without a second factor is sent to set one up before anything else. Turning it on needs the admin’s own second factor first (409).',
    body: OrganizationSecurityInput,
    success: { status: 200, description: 'The settings.', schema: OrganizationSecurity },
    problems: [409],
    handler: ({ viewer, body }) => updateOrganizationSecurity(viewer, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/organization/safety-escalation',
    ...organization,
    summary: 'When an unacknowledged urgent safety flag is escalated',
    success: { status: 200, description: 'The setting.', schema: SafetyEscalation },
    problems: [403],
    handler: ({ viewer }) => getSafetyEscalation(viewer),
  }),
  defineRoute({
    method: 'PUT',
    path: '/api/v1/organization/safety-escalation',
    ...organization,
    summary: 'Set when an unacknowledged urgent safety flag is escalated',
    who: 'Admins. An URGENT flag nobody acknowledged this many minutes after it was raised emails its care team and the organization’s admins, again at twice it.',
    body: SafetyEscalationInput,
    success: { status: 200, description: 'The setting.', schema: SafetyEscalation },
    handler: ({ viewer, body }) => updateSafetyEscalation(viewer, body),
  }),
] as const;
