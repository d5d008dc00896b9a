// Accounts: the failed sign-in notice and account recovery by an admin.
import { defineRoute } from '@/lib/api/define-route';
import { dismissSignInNotice } from '@/lib/data/accounts';
import { enableAccount, getAccount, sendSetPasswordLink, updateAccount } from '@/lib/data/admin';
import {
  AccountResult,
  SetPasswordLinkResult,
  UpdateAccountInput,
  UserParams,
} from '@/lib/schemas/admin';

const ADMINS_OF_ORGANIZATION =
  'Admins, for accounts of their organization; other roles get 403, another organization’s account is 404.';
/** An admin acting on one account of the organization. */
const oneAccount = {
  tag: 'Administration',
  who: ADMINS_OF_ORGANIZATION,
  permission: 'user.manage',
  params: UserParams,
} as const;

/** The routes of account recovery and the signed-in account's own notices. */
export const accountRoutes = [
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/me/sign-in-notice',
    tag: 'Session',
    summary: 'Dismiss the failed sign-in attempts notice',
    who: 'Anyone signed in, for their own account. The notice comes back only after a later sign-in that follows new failed attempts.',
    success: { status: 204, description: 'Dismissed.' },
    handler: ({ viewer }) => dismissSignInNotice(viewer),
  }),
  defineRoute({
    method: 'GET',
    path: '/api/v1/users/{userId}',
    ...oneAccount,
    summary: 'One account',
    success: { status: 200, description: 'The account.', schema: AccountResult },
    handler: async ({ viewer, params }) => ({ user: await getAccount(viewer, params.userId) }),
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/users/{userId}',
    ...oneAccount,
    summary: 'Change an account’s name or email',
    who: `${ADMINS_OF_ORGANIZATION} The email is the sign-in address and must be unused (409 on \`email\`).`,
    body: UpdateAccountInput,
    success: { status: 200, description: 'The account as changed.', schema: AccountResult },
    problems: [409],
    handler: async ({ viewer, params, body }) => ({
      user: await updateAccount(viewer, params.userId, body),
    }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/{userId}/enable',
    ...oneAccount,
    summary: 'Re-enable a disabled account',
    who: `${ADMINS_OF_ORGANIZATION} An active account stays as it is.`,
    success: { status: 200, description: 'The active account.', schema: AccountResult },
    handler: async ({ viewer, params }) => ({ user: await enableAccount(viewer, params.userId) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/users/{userId}/set-password-link',
    idempotent: true,
    ...oneAccount,
    summary: 'Send an account a new one-time set-password link',
    who: `${ADMINS_OF_ORGANIZATION} The link works once, for 72 hours; earlier links stop working, and using it ends the account’s other sessions. 409 for a disabled account (re-enable it first). A repeat with the same Idempotency-Key answers the same link and issues none.`,
    success: {
      status: 201,
      description: 'The link, shown this once.',
      schema: SetPasswordLinkResult,
    },
    problems: [409],
    handler: ({ viewer, params, request, idempotency }) =>
      sendSetPasswordLink(viewer, params.userId, { origin: request.nextUrl.origin, idempotency }),
  }),
] as const;
