// Accounts: the failed sign-in notice and account recovery by an admin (issue 10).
import type { ApiRoute } from '@/lib/api/registry';
import {
  AccountResult,
  SetPasswordLinkResult,
  UpdateAccountInput,
  UserParams,
} from '@/lib/schemas/admin';

const userPath = { params: UserParams };
const adminsOfOrganization =
  'Admins, for accounts of their organization; other roles get 403, another organization’s account is 404.';

/** The routes of account recovery and the signed-in account's own notices. */
export const accountRoutes: ApiRoute[] = [
  {
    method: 'DELETE',
    path: '/api/v1/me/sign-in-notice',
    tag: 'Session',
    summary: 'Dismiss the failed sign-in attempts notice',
    who: 'Anyone signed in, for their own account. The notice comes back only after a later sign-in that follows new failed attempts.',
    success: { status: 204, description: 'Dismissed.' },
    problems: [],
  },
  {
    method: 'GET',
    path: '/api/v1/users/{userId}',
    tag: 'Administration',
    summary: 'One account',
    who: adminsOfOrganization,
    ...userPath,
    success: { status: 200, description: 'The account.', schema: AccountResult },
    problems: [403, 404],
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/{userId}',
    tag: 'Administration',
    summary: 'Change an account’s name or email',
    who: `${adminsOfOrganization} The email is the sign-in address and must be unused (409 on \`email\`).`,
    ...userPath,
    body: UpdateAccountInput,
    success: { status: 200, description: 'The account as changed.', schema: AccountResult },
    problems: [400, 403, 404, 409, 413, 415],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/enable',
    tag: 'Administration',
    summary: 'Re-enable a disabled account',
    who: `${adminsOfOrganization} An active account stays as it is.`,
    ...userPath,
    success: { status: 200, description: 'The active account.', schema: AccountResult },
    problems: [403, 404],
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/set-password-link',
    idempotent: true,
    tag: 'Administration',
    summary: 'Send an account a new one-time set-password link',
    who: `${adminsOfOrganization} The link works once, for 72 hours; earlier links stop working, and using it ends the account’s other sessions. 409 for a disabled account (re-enable it first). A repeat with the same Idempotency-Key answers the same link and issues none.`,
    ...userPath,
    success: {
      status: 201,
      description: 'The link, shown this once.',
      schema: SetPasswordLinkResult,
    },
    problems: [400, 403, 404, 409],
  },
];
