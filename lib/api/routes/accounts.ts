// Accounts: the failed sign-in notice and account recovery by an admin (issue 10).
import type { ApiRoute } from '@/lib/api/registry';

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
];
