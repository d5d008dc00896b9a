// Matrix rows of the second factor and the organization's security settings.
import { generate } from 'otplib';
import { db } from '@/lib/db';
import { newTotpSecret, seal } from '@/lib/auth/second-factor';
import {
  adminOnly,
  everyone,
  accountId,
  onFreshAccount,
  type Row,
  type World,
} from '@/tests/support/matrix';

const ownAccount = (status: number) => ({
  ...everyone(status),
  signedOut: 401,
  patient: 403,
  otherPatient: 403,
});

/** The prescriber on the team succeeds; the other clinicians and the admin get `others`. */
const prescriberSucceeds = (status: number, others: number) => ({
  ...ownAccount(others),
  prescriberOnTeam: status,
});

/**
 * Gives the prescriber on the team a fresh second factor (pending or on) with a known secret, and
 * answers the current code as people type it ("123 456"). The other clinicians and the admin are
 * left pending with secrets nobody knows, so each cell's answer does not depend on the rows before.
 */
async function prescriberFactor(w: World, enabled: boolean): Promise<{ code: string }> {
  const secret = newTotpSecret();
  const others = ['prescriberOffTeam', 'therapistOnTeam', 'therapistOffTeam', 'admin'] as const;
  for (const [subject, sealed, enabledAt] of [
    ['prescriberOnTeam', seal(secret), enabled ? new Date() : null] as const,
    ...others.map((s) => [s, seal(newTotpSecret()), null] as const),
  ]) {
    const userId = accountId(w.users[subject]);
    const data = { secretSealed: sealed, enabledAt, lastUsedStep: null };
    await db.secondFactor.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  }
  const code = await generate({ secret });
  return { code: `${code.slice(0, 3)} ${code.slice(3)}` };
}

export const securityRows: Row[] = [
  { method: 'GET', path: '/api/v1/me/second-factor', expect: ownAccount(200) },
  { method: 'POST', path: '/api/v1/me/second-factor/enrolment', expect: ownAccount(200) },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/confirm',
    call: async (w) => ({ body: await prescriberFactor(w, false) }),
    // The others' pending secrets are not the prescriber's: a wrong code, 400.
    expect: prescriberSucceeds(201, 400),
  },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/recovery-codes',
    call: async (w) => ({ body: await prescriberFactor(w, true) }),
    // The others have no second factor on: nothing to renew.
    expect: prescriberSucceeds(201, 409),
  },
  {
    method: 'POST',
    path: '/api/v1/me/second-factor/disable',
    // Five digits is never a code: the prescriber's is refused as wrong, the others have none on.
    call: async (w) => {
      await prescriberFactor(w, true);
      return { body: { code: '00000' } };
    },
    expect: prescriberSucceeds(400, 409),
  },
  {
    method: 'POST',
    path: '/api/v1/users/{userId}/second-factor/reset',
    call: onFreshAccount,
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
  { method: 'GET', path: '/api/v1/organization/safety-escalation', expect: adminOnly(200) },
  {
    method: 'PUT',
    path: '/api/v1/organization/safety-escalation',
    // The default: the other rows share this organization.
    call: async () => ({ body: { safetyEscalationMinutes: 60 } }),
    expect: adminOnly(200),
  },
];
