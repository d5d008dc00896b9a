// Matrix rows of the second factor and the organization's security settings (issue 10).
import { adminOnly, everyone, freshClinician, type Row } from '@/tests/support/matrix';

const ownAccount = (status: number) => ({
  ...everyone(status),
  signedOut: 401,
  patient: 403,
  otherPatient: 403,
});

// Five digits is never a valid code, so the code-taking rows never depend on the clock.
const notACode = { body: { code: '00000' } };

export const securityRows: Row[] = [
  { method: 'GET', path: '/api/v1/me/second-factor', expect: ownAccount(200) },
  { method: 'POST', path: '/api/v1/me/second-factor/enrolment', expect: ownAccount(201) },
  // The enrolment row above left each caller a pending enrolment: a wrong code is a 400.
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/confirm',
    call: async () => notACode,
    expect: ownAccount(400),
  },
  // No second factor is on yet: nothing to renew or turn off.
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/recovery-codes',
    call: async () => notACode,
    expect: ownAccount(409),
  },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/disable',
    call: async () => notACode,
    expect: ownAccount(409),
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/second-factor/reset',
    call: async (w) => ({ params: { userId: (await freshClinician(w)).id } }),
    expect: adminOnly(200),
  },
  { method: 'GET', path: '/api/v1/organization/security', expect: adminOnly(200) },
  {
    method: 'PUT',
    path: '/api/v1/organization/security',
    // Off: the other rows share this organization.
    call: async () => ({ body: { requireSecondFactor: false } }),
    expect: adminOnly(200),
  },
];
