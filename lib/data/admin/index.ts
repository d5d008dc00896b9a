// Administration of an organization's accounts and care teams, one file per responsibility:
// users.ts (list and read accounts), accounts.ts (create, disable, enable, update),
// set-password-links.ts (an admin's one-time links), set-password.ts (the link holder's use of
// one), care-team.ts (membership changes).
export type { CreateAccountResult, UserList, UserSummary } from '@/lib/schemas/admin';
export { getAccount, listUsers } from '@/lib/data/admin/users';
export {
  createAccount,
  disableAccount,
  enableAccount,
  updateAccount,
} from '@/lib/data/admin/accounts';
export { SET_PASSWORD_LINK_HOURS, sendSetPasswordLink } from '@/lib/data/admin/set-password-links';
export { setPasswordWithToken } from '@/lib/data/admin/set-password';
export { addCareTeamMember, endCareTeamMembership } from '@/lib/data/admin/care-team';
