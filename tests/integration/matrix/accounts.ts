// Matrix rows of the account routes: the sign-in notice and account recovery.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import {
  adminOnly,
  everyone,
  freshClinician,
  onFreshAccount,
  type Row,
} from '@/tests/support/matrix';

export const accountRows: Row[] = [
  {
    method: 'DELETE',
    path: '/api/v1/me/sign-in-notice',
    expect: { ...everyone(204), signedOut: 401 },
  },
  { method: 'GET', path: '/api/v1/users/{userId}', call: onFreshAccount, expect: adminOnly(200) },
  {
    method: 'PATCH',
    path: '/api/v1/users/{userId}',
    call: async (w) => ({
      params: { userId: (await freshClinician(w)).id },
      body: {
        name: 'Renamed Clinician',
        email: `r.${randomBytes(6).toString('hex')}@example.test`,
      },
    }),
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/enable',
    call: async (w) => {
      const user = await freshClinician(w);
      await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
      return { params: { userId: user.id } };
    },
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/set-password-link',
    call: onFreshAccount,
    expect: adminOnly(201),
  },
];
