import { z } from 'zod';
import { ROLES } from '@/lib/schemas/enums';
import {
  Email,
  Id,
  IsoDate,
  IsoDateTime,
  NewPassword,
  Page,
  PersonName,
  SearchText,
  singleLine,
  pagingFields,
} from '@/lib/schemas/common';
import { CareTeamMember } from '@/lib/schemas/patients';
import { ACCOUNT_ROLES } from '@/lib/schemas/admin-values';
export { ACCOUNT_ROLES };

/** GET /api/v1/users query: filter by role, search name or email. */
export const UserListQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  q: SearchText.optional(),
  ...pagingFields,
});
export type UserListQuery = z.infer<typeof UserListQuery>;

/** An account as administration shows it: no password hash, no clinical content. */
export const UserSummary = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  isActive: z.boolean(),
  disabledAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  /** The patient record of a PATIENT account. */
  patientId: Id.nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserList = Page(UserSummary);
export type UserList = z.infer<typeof UserList>;

const DateOfBirth = IsoDate.refine((d) => d <= new Date().toISOString().slice(0, 10), {
  message: 'Must be a date between 1900 and today.',
});

/**
 * POST /api/v1/users: a clinician or patient account. A patient needs a date of birth. Without
 * `initialPassword` the answer carries a one-time set-password link, valid 72 hours.
 */
export const CreateAccountInput = z
  .strictObject({
    role: z.enum(ACCOUNT_ROLES),
    name: PersonName,
    email: Email,
    dateOfBirth: DateOfBirth.optional(),
    pronouns: singleLine(60).optional(),
    initialPassword: NewPassword.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.role === 'PATIENT' && !input.dateOfBirth) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'Required for a patient account.',
      });
    }
    if (input.role !== 'PATIENT') {
      for (const field of ['dateOfBirth', 'pronouns'] as const) {
        if (input[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'Only patient accounts have this.',
          });
        }
      }
    }
  });
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;

/** 201 answer of POST /api/v1/users. */
export const CreateAccountResult = z.object({
  user: UserSummary,
  /** The one-time link to hand to the account holder; null when an initial password was set. */
  setPasswordUrl: z.string().nullable(),
});
export type CreateAccountResult = z.infer<typeof CreateAccountResult>;

/** Path parameters of /api/v1/users/{userId}/... */
export const UserParams = z.strictObject({ userId: Id });

/** 200 answer of POST /api/v1/users/{userId}/disable. */
export const DisableAccountResult = z.object({ user: UserSummary });

/** 200 answer of GET and PATCH /api/v1/users/{userId} and POST …/enable. */
export const AccountResult = z.object({ user: UserSummary });
export type AccountResult = z.infer<typeof AccountResult>;

/** PATCH /api/v1/users/{userId}: a new name, a new email, or both. */
export const UpdateAccountInput = z
  .strictObject({ name: PersonName.optional(), email: Email.optional() })
  .refine((input) => input.name !== undefined || input.email !== undefined, {
    message: 'Send a new name, a new email, or both.',
  });
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;

/** 201 answer of POST /api/v1/users/{userId}/set-password-link. */
export const SetPasswordLinkResult = z.object({
  user: UserSummary,
  /** The one-time link to hand to the account holder; earlier unused links stop working. */
  setPasswordUrl: z.string(),
  expiresAt: IsoDateTime,
});
export type SetPasswordLinkResult = z.infer<typeof SetPasswordLinkResult>;

/** POST /api/v1/patients/{patientId}/care-team. */
export const AddCareTeamMemberInput = z.strictObject({ clinicianId: Id });
export type AddCareTeamMemberInput = z.infer<typeof AddCareTeamMemberInput>;

/** Path parameters of /api/v1/patients/{patientId}/care-team/{membershipId}/end. */
export const CareTeamMembershipParams = z.strictObject({ patientId: Id, membershipId: Id });

/** Answer of the care-team writes. */
export const CareTeamMemberResult = z.object({ member: CareTeamMember });

/** A set-password token: 32 random bytes, base64url (43 characters). */
export const SetPasswordToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { message: 'This link is not valid.' });

/** POST /api/v1/set-password (no session): the token from the link and the new password. */
export const SetPasswordInput = z.strictObject({ token: SetPasswordToken, password: NewPassword });
export type SetPasswordInput = z.infer<typeof SetPasswordInput>;
