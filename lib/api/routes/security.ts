// The second factor (TOTP) and the organization's security settings (issue 10).
import type { ApiRoute } from '@/lib/api/registry';
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

const own =
  'Clinicians and admins, for their own account; patients get 403. Served while the organization requires a second factor that the account has not set up yet.';

/** The routes of the second factor. */
export const securityRoutes: ApiRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/me/second-factor',
    tag: 'Second factor',
    summary: 'Whether my second factor is on',
    who: own,
    success: { status: 200, description: 'The status.', schema: SecondFactorStatus },
    problems: [403],
  },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/enrolment',
    tag: 'Second factor',
    summary: 'Start setting up a second factor (TOTP)',
    who: `${own} Each call starts over (the last secret shown is the one to confirm), so a retry needs no Idempotency-Key. 409 when a second factor is already on.`,
    success: {
      status: 200,
      description:
        'A new secret, pending until confirmed: its QR code for an authenticator app, and the secret as text for typing in.',
      schema: EnrolmentStart,
    },
    problems: [400, 403, 409],
  },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/confirm',
    tag: 'Second factor',
    summary: 'Confirm the second factor with a first code',
    who: `${own} At most 5 codes per 15 minutes (then 403).`,
    idempotent: true,
    body: ConfirmEnrolmentInput,
    success: {
      status: 201,
      description: 'The second factor is on; 10 single-use recovery codes, shown this once.',
      schema: RecoveryCodes,
    },
    problems: [400, 403, 409, 413, 415],
  },
  {
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
    problems: [400, 403, 409, 413, 415],
  },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/disable',
    tag: 'Second factor',
    summary: 'Turn my second factor off',
    who: 'Clinicians and admins, with a current code; 409 when the organization requires a second factor.',
    body: SecondFactorCodeInput,
    success: { status: 200, description: 'The status, now off.', schema: SecondFactorStatus },
    problems: [400, 403, 409, 413, 415],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/second-factor/reset',
    tag: 'Administration',
    summary: 'Reset an account’s second factor',
    who: 'Admins, for other accounts of their organization (their own: 409). The account’s sessions end; it sets up a second factor again.',
    params: SecondFactorUserParams,
    success: { status: 200, description: 'Reset.', schema: SecondFactorResetResult },
    problems: [403, 404, 409],
  },
  {
    method: 'GET',
    path: '/api/v1/organization/security',
    tag: 'Administration',
    summary: 'The organization’s security settings',
    who: 'Admins.',
    success: { status: 200, description: 'The settings.', schema: OrganizationSecurity },
    problems: [403],
  },
  {
    method: 'PUT',
    path: '/api/v1/organization/security',
    tag: 'Administration',
    summary: 'Require a second factor for clinicians and admins, or not',
    who: 'Admins. When on, a clinician or admin without a second factor is sent to set one up before anything else. Turning it on needs the admin’s own second factor first (409).',
    body: OrganizationSecurityInput,
    success: { status: 200, description: 'The settings.', schema: OrganizationSecurity },
    problems: [400, 403, 409, 413, 415],
  },
];
