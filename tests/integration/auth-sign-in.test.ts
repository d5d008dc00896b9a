import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import { dismissSignInNotice, getSignInNotice } from '@/lib/data/accounts';
import {
  ACCOUNT_ADDRESS_LIMIT,
  ADDRESS_LIMIT,
  rateLimitRowKeys,
  reserveSignInAttempt,
  signInDelayMs,
} from '@/lib/data/sign-in-limits';
import type { RequestContext } from '@/lib/auth/session-policy';
import type { Role } from '@/lib/auth/viewer';
import { createOrganization, createPatient, createUser, viewerFor } from '@/tests/factories';
import { PASSWORD, callerIn } from '@/tests/support/sign-in';

// Each test signs in from its own address, so per-IP counters never leak between tests.
const caller = () => callerIn('198.51');

async function account(
  role: Role = 'PRESCRIBER',
  options: { disabledAt?: Date; noPassword?: boolean } = {},
) {
  const org = await createOrganization(db);
  const user = await createUser(db, org, {
    role,
    ...(options.noPassword ? { passwordHash: null } : { password: PASSWORD }),
    disabledAt: options.disabledAt,
  });
  return { org, user };
}

function auditFor(email: string) {
  return db.auditEvent.findMany({
    where: { actorEmail: email.trim().toLowerCase(), action: 'sign-in' },
    orderBy: { seq: 'asc' },
  });
}

async function counter(key: string): Promise<number | null> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  return row?.points ?? null;
}

describe('authenticate (credentials sign-in)', () => {
  it('signs in with the right password and audits ALLOWED with the actor', async () => {
    const { org, user } = await account();
    const context = caller();
    const result = await authenticate({ email: user.email, password: PASSWORD }, context);

    expect(result).toEqual({
      ok: true,
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: 'PRESCRIBER',
        organizationId: org.id,
        patientId: null,
        sessionVersion: 0,
      },
    });
    const [event, ...others] = await auditFor(user.email);
    expect(others).toHaveLength(0);
    expect(event).toMatchObject({
      outcome: 'ALLOWED',
      resourceType: 'session',
      organizationId: org.id,
      actorId: user.id,
      actorRole: 'PRESCRIBER',
      ip: context.ip,
      userAgent: 'vitest',
      requestId: context.requestId,
    });
  });

  it('normalizes the email and carries the patient id of a patient', async () => {
    const org = await createOrganization(db);
    const patient = await createPatient(db, org, { password: PASSWORD });
    const shouted = `  ${patient.account.email.toUpperCase()} `;
    const result = await authenticate({ email: shouted, password: PASSWORD }, caller());
    expect(result.ok && result.user).toMatchObject({ role: 'PATIENT', patientId: patient.id });
  });

  it('refuses a wrong password with the generic error, audits FAILED and counts it in Postgres', async () => {
    const { org, user } = await account();
    const context = caller();
    const result = await authenticate({ email: user.email, password: 'wrong' }, context);

    expect(result).toEqual({ ok: false, error: { kind: 'credentials' } });
    const [event] = await auditFor(user.email);
    expect(event).toMatchObject({
      outcome: 'FAILED',
      organizationId: org.id,
      actorId: null,
      resourceId: user.id,
      detail: 'wrong-password',
    });
    const keys = rateLimitRowKeys(user.email, context.ip);
    expect(await counter(keys.accountAddress)).toBe(1);
    expect(await counter(keys.address)).toBe(1);
    expect(await counter(keys.account)).toBe(1);
  });

  it('answers an unknown email exactly as a wrong password, audited without an organization', async () => {
    const email = `nobody.${randomBytes(4).toString('hex')}@example.test`;
    const result = await authenticate({ email, password: PASSWORD }, caller());

    expect(result).toEqual({ ok: false, error: { kind: 'credentials' } });
    const [event] = await auditFor(email);
    expect(event).toMatchObject({
      outcome: 'FAILED',
      organizationId: null,
      actorId: null,
      detail: 'unknown-account',
    });
  });

  it('refuses a disabled account even with the right password', async () => {
    const { org, user } = await account('THERAPIST', { disabledAt: new Date() });
    const result = await authenticate({ email: user.email, password: PASSWORD }, caller());

    expect(result).toEqual({ ok: false, error: { kind: 'credentials' } });
    const [event] = await auditFor(user.email);
    expect(event).toMatchObject({
      outcome: 'FAILED',
      organizationId: org.id,
      detail: 'account-disabled',
    });
  });

  it('refuses an account that has no password yet', async () => {
    const { user } = await account('ADMIN', { noPassword: true });
    const result = await authenticate({ email: user.email, password: PASSWORD }, caller());

    expect(result).toEqual({ ok: false, error: { kind: 'credentials' } });
    expect((await auditFor(user.email))[0]).toMatchObject({ detail: 'no-password-set' });
  });

  it('refuses malformed input without looking anything up', async () => {
    const context = caller();
    expect(await authenticate(undefined, context)).toEqual({
      ok: false,
      error: { kind: 'credentials' },
    });
    expect(await authenticate({ email: 'a@b.test', password: 'x'.repeat(5000) }, context)).toEqual({
      ok: false,
      error: { kind: 'credentials' },
    });
    expect((await auditFor('a@b.test'))[0]).toMatchObject({
      outcome: 'FAILED',
      detail: 'malformed-input',
    });
  });
});

async function failFrom(email: string, context: RequestContext, times: number) {
  const results = [];
  for (let i = 0; i < times; i += 1) {
    results.push(await authenticate({ email, password: `guess-${i}` }, context));
  }
  return results;
}

describe('sign-in limits per address, delay per account (rate_limits table)', () => {
  it('lets the owner sign in from their own address after 50 failures from another', async () => {
    const { user } = await account();
    const attacker = caller();
    const results = await failFrom(user.email, attacker, 50);
    expect(
      results
        .slice(0, ACCOUNT_ADDRESS_LIMIT.points)
        .every((r) => !r.ok && r.error.kind === 'credentials'),
    ).toBe(true);
    expect(
      results
        .slice(ACCOUNT_ADDRESS_LIMIT.points)
        .every((r) => !r.ok && r.error.kind === 'too-many-attempts'),
    ).toBe(true);

    const owner = caller();
    const started = Date.now();
    const signedIn = await authenticate({ email: user.email, password: PASSWORD }, owner);
    expect(signedIn.ok).toBe(true);
    // Only the attempts that went ahead count for the delay: 5 here, so 1 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      signInDelayMs(ACCOUNT_ADDRESS_LIMIT.points) - 50,
    );

    // The attacker's address stays refused, even with the right password.
    const stillRefused = await authenticate({ email: user.email, password: PASSWORD }, attacker);
    expect(stillRefused).toMatchObject({ ok: false, error: { kind: 'too-many-attempts' } });
  });

  it(`refuses guess ${ACCOUNT_ADDRESS_LIMIT.points + 1} at one account from one address, audited as DENIED`, async () => {
    const { org, user } = await account();
    const context = caller();
    await failFrom(user.email, context, ACCOUNT_ADDRESS_LIMIT.points);
    const keys = rateLimitRowKeys(user.email, context.ip);
    expect(await counter(keys.accountAddress)).toBe(ACCOUNT_ADDRESS_LIMIT.points);

    const refused = await authenticate({ email: user.email, password: PASSWORD }, context);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ kind: 'too-many-attempts' });
    expect(refused.error.kind === 'too-many-attempts' && refused.error.minutes).toBeLessThanOrEqual(
      15,
    );
    const events = await auditFor(user.email);
    expect(events.map((e) => e.outcome)).toEqual([
      ...Array<string>(ACCOUNT_ADDRESS_LIMIT.points).fill('FAILED'),
      'DENIED',
    ]);
    expect(events.at(-1)).toMatchObject({
      organizationId: org.id,
      detail: 'rate-limited-account-address',
    });
    // The same address may still try another account.
    const other = await account();
    expect((await authenticate({ email: other.user.email, password: PASSWORD }, context)).ok).toBe(
      true,
    );
  });

  it('limits an unknown email the same way, so the limit reveals nothing', async () => {
    const email = `ghost.${randomBytes(4).toString('hex')}@example.test`;
    const context = caller();
    await failFrom(email, context, ACCOUNT_ADDRESS_LIMIT.points);
    const refused = await authenticate({ email, password: 'another' }, context);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'too-many-attempts' } });
  });

  it(`refuses failure ${ADDRESS_LIMIT.points + 1} in an hour from one address, across accounts`, async () => {
    const { user } = await account();
    const context = caller();
    const tag = randomBytes(4).toString('hex');
    for (let i = 0; i < ADDRESS_LIMIT.points; i += 1) {
      const result = await authenticate(
        { email: `spray.${tag}.${i}@example.test`, password: 'guess' },
        context,
      );
      expect(result).toEqual({ ok: false, error: { kind: 'credentials' } });
    }
    expect(await counter(rateLimitRowKeys(user.email, context.ip).address)).toBe(
      ADDRESS_LIMIT.points,
    );
    const refused = await authenticate({ email: user.email, password: PASSWORD }, context);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'too-many-attempts' } });
    expect((await auditFor(user.email))[0]).toMatchObject({
      outcome: 'DENIED',
      detail: 'rate-limited-address',
    });
    // The same account from another address is unaffected.
    expect((await authenticate({ email: user.email, password: PASSWORD }, caller())).ok).toBe(true);
    // A hundred argon2 verifications: a few seconds on a quiet machine, 30 s and more on a busy one.
  }, 120_000);

  it('forgives only the succeeding address: other addresses keep their counts', async () => {
    const { user } = await account();
    const a = caller();
    const b = caller();
    await failFrom(user.email, a, 2);
    await failFrom(user.email, b, 3);
    expect((await authenticate({ email: user.email, password: PASSWORD }, a)).ok).toBe(true);

    const keysA = rateLimitRowKeys(user.email, a.ip);
    const keysB = rateLimitRowKeys(user.email, b.ip);
    expect(await counter(keysA.accountAddress)).toBeNull();
    // A's failures stay on its hourly budget; the success gave back only its own point.
    expect(await counter(keysA.address)).toBe(2);
    expect(await counter(keysB.accountAddress)).toBe(3);
    expect(await counter(keysB.address)).toBe(3);
    // The account's recent failures still slow the next attempt down.
    expect(await counter(keysA.account)).toBe(5);

    await failFrom(user.email, b, 2);
    const sixth = await authenticate({ email: user.email, password: PASSWORD }, b);
    expect(sixth).toMatchObject({ ok: false, error: { kind: 'too-many-attempts' } });
    expect((await authenticate({ email: user.email, password: PASSWORD }, a)).ok).toBe(true);
  });

  it('slows an account down as failures from many addresses grow, capped, and never refuses', async () => {
    const email = `burst.${randomBytes(4).toString('hex')}@example.test`;
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const permit = await reserveSignInAttempt(email, caller().ip);
      expect(permit.allowed).toBe(true);
      if (permit.allowed) delays.push(permit.delayMs);
    }
    expect(delays).toEqual(Array.from({ length: 12 }, (_, i) => signInDelayMs(i)));
    expect(delays[0]).toBe(0);
    expect(delays.at(-1)).toBe(3000);
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });

  it('counts parallel guesses from one address atomically', async () => {
    const email = `burst.${randomBytes(4).toString('hex')}@example.test`;
    const { ip } = caller();
    const permits = await Promise.all(
      Array.from({ length: ACCOUNT_ADDRESS_LIMIT.points + 3 }, () =>
        reserveSignInAttempt(email, ip),
      ),
    );
    expect(permits.filter((p) => p.allowed)).toHaveLength(ACCOUNT_ADDRESS_LIMIT.points);
    expect(permits.filter((p) => !p.allowed)).toHaveLength(3);
    expect(await counter(rateLimitRowKeys(email, ip).accountAddress)).toBe(
      ACCOUNT_ADDRESS_LIMIT.points + 3,
    );
  });
});

describe('the failed-attempts notice after sign-in', () => {
  it('tells the owner how many attempts failed since their last sign-in, until dismissed', async () => {
    const { user } = await account();
    const owner = caller();
    expect((await authenticate({ email: user.email, password: PASSWORD }, owner)).ok).toBe(true);
    const viewer = viewerFor(user);
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 0 });

    // 7 attempts from one address (5 failures, 2 refusals) and 2 from another.
    await failFrom(user.email, caller(), 7);
    await failFrom(user.email, caller(), 2);
    // Not shown before the owner signs in again.
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 0 });

    expect((await authenticate({ email: user.email, password: PASSWORD }, owner)).ok).toBe(true);
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 9 });

    await dismissSignInNotice(viewer);
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 0 });
    expect(
      await db.auditEvent.findFirst({
        where: { actorId: user.id, detail: 'failed sign-in notice dismissed' },
      }),
    ).toMatchObject({ outcome: 'ALLOWED', resourceId: user.id });

    // The next sign-in counts afresh: nothing failed since the last one.
    expect((await authenticate({ email: user.email, password: PASSWORD }, owner)).ok).toBe(true);
    expect(await getSignInNotice(viewer)).toEqual({ failedAttempts: 0 });
  });

  it('counts only attempts at this account', async () => {
    const { user } = await account();
    const { user: neighbour } = await account();
    await failFrom(neighbour.email, caller(), 3);
    expect((await authenticate({ email: user.email, password: PASSWORD }, caller())).ok).toBe(true);
    expect(await getSignInNotice(viewerFor(user))).toEqual({ failedAttempts: 0 });
  });
});
