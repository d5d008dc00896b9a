// Wrong second-factor codes at sign-in are failed sign-ins: they count in the owner's
// "failed attempts since you last signed in" notice, as wrong passwords do (docs/decisions/012-sign-in-abuse.md).

import { beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import { getSignInNotice } from '@/lib/data/accounts';
import { createOrganization, createUser, viewerFor } from '@/tests/factories';
import { PASSWORD, callerIn, enrol, totp, wrongCode } from '@/tests/support/sign-in';

const caller = () => callerIn('198.51');

describe('the failed-attempts notice and the second factor', () => {
  let clinician: User;
  let secret: string;

  beforeAll(async () => {
    const org = await createOrganization(db);
    clinician = await createUser(db, org, { role: 'THERAPIST', password: PASSWORD });
    ({ secret } = await enrol(clinician));
  });

  it('counts wrong codes after a right password, not a password that still awaits its code', async () => {
    const email = clinician.email;
    const failedSignIns = async () =>
      (await db.user.findUniqueOrThrow({ where: { id: clinician.id } })).failedSignIns;
    expect(await failedSignIns()).toBe(0);

    const wrong = await wrongCode(secret);
    for (let i = 0; i < 2; i += 1) {
      const refused = await authenticate({ email, password: PASSWORD, code: wrong }, caller());
      expect(refused).toEqual({ ok: false, error: { kind: 'second-factor-invalid' } });
    }
    expect(await failedSignIns()).toBe(2);

    // A right password without a code is the first of two steps, not a failure.
    const asked = await authenticate({ email, password: PASSWORD }, caller());
    expect(asked).toEqual({ ok: false, error: { kind: 'second-factor-required' } });
    expect(await failedSignIns()).toBe(2);

    // A wrong password still counts, whatever code comes with it.
    const badPassword = await authenticate(
      { email, password: 'not the password', code: await totp(secret) },
      caller(),
    );
    expect(badPassword).toEqual({ ok: false, error: { kind: 'credentials' } });
    expect(await failedSignIns()).toBe(3);

    // Before the owner signs in again, the notice says nothing; after, it tells all three.
    const viewer = viewerFor(clinician);
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 0 });
    const signedIn = await authenticate(
      { email, password: PASSWORD, code: await totp(secret, 1) },
      caller(),
    );
    expect(signedIn.ok).toBe(true);
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 3 });
    expect(await failedSignIns()).toBe(0);

    // The two wrong codes are in the audit trail, in the transaction that counted them.
    const codeFailures = await db.auditEvent.count({
      where: {
        actorId: clinician.id,
        action: 'sign-in',
        resourceType: 'secondFactor',
        outcome: 'FAILED',
      },
    });
    expect(codeFailures).toBe(2);
  });
});
