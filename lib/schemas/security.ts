// The second factor (TOTP) and the organization's security settings.
import { z } from 'zod';
import { Id } from '@/lib/schemas/common';
import { ROLES } from '@/lib/schemas/enums';

/** A 6-digit code from the authenticator app, or a recovery code `XXXX-XXXX-XXXX-XXXX`. */
const CodeText = z
  .string()
  .trim()
  .min(1, { message: 'Enter the code.' })
  .max(40, { message: 'That is longer than any code.' })
  // Spaces, dashes and dots are how people group a code they type or paste; they are ignored.
  // A short field: no tab, line break or other control character inside (decision 014).
  .regex(/^[0-9A-Za-z .-]+$/, { message: 'Use the digits or letters of the code only.' });

export const SecondFactorStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** Enrolment started and waiting for its confirmation code. */
  pending: z.boolean(),
  recoveryCodesLeft: z.int(),
  /** The organization requires a second factor for this account. */
  required: z.boolean(),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

export const EnrolmentStart = z.object({
  /** The base32 secret, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The same URI as a QR code: an SVG `data:` URL. */
  qrCode: z.string(),
});
export type EnrolmentStart = z.infer<typeof EnrolmentStart>;

export const ConfirmEnrolmentInput = z.strictObject({
  code: CodeText.meta({ description: 'The 6-digit code the authenticator app shows now.' }),
});

/** A code proving the account holder is present: TOTP or a recovery code. */
export const SecondFactorCodeInput = z.strictObject({
  code: CodeText.meta({ description: 'A 6-digit code from the app, or an unused recovery code.' }),
});

export const RecoveryCodes = z.object({
  enabledAt: z.string(),
  /** Shown once: only their hashes are kept. */
  recoveryCodes: z.array(z.string()),
});
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const OrganizationSecurity = z.object({
  requireSecondFactor: z.boolean(),
});
export type OrganizationSecurity = z.infer<typeof OrganizationSecurity>;

export const OrganizationSecurityInput = z.strictObject({
  requireSecondFactor: z.boolean({ message: 'Must be true or false.' }),
});

export const SecondFactorUserParams = z.object({ userId: Id });

export const SecondFactorResetResult = z.object({
  userId: z.string(),
  secondFactorEnabled: z.literal(false),
});

/** An account and whether it has a second factor (the admin's Security page). */
export const SecondFactorAccount = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
});
export type SecondFactorAccount = z.infer<typeof SecondFactorAccount>;
