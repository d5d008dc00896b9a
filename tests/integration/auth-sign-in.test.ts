import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import {
  ACCOUNT_LIMIT,
  IP_LIMIT,
  rateLimitRowKeys,
  reserveSignInAttempt,
} from '@/lib/data/sign-in-limits';
import type { RequestContext } from '@/lib/auth/session-policy';
import type { Role } from '@/lib/auth/viewer';
import { createOrganization, createPatient, createUser } from '@/tests/factories';

const PASSWORD = 'correct horse battery staple';

// Each test signs in from its own address, so per-IP counters never leak between tests.
function caller(): RequestContext {
  const b = randomBytes(2);
  return { ip: `198.51.${b[0]}.${b[1]}`, userAgent: 'vitest', requestId: `t-${b.toString('hex')}` };
}

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
    expect(await counter(keys.account)).toBe(1);
    expect(await counter(keys.ip)).toBe(1);
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

describe('sign-in rate limits (rate_limits table)', () => {
  it(`refuses the ${ACCOUNT_LIMIT.points + 1}th attempt after ${ACCOUNT_LIMIT.points} failures, even with the right password`, async () => {
    const { org, user } = await account();
    const context = caller();
    for (let i = 0; i < ACCOUNT_LIMIT.points; i += 1) {
      const failed = await authenticate({ email: user.email, password: `guess-${i}` }, context);
      expect(failed).toEqual({ ok: false, error: { kind: 'credentials' } });
    }
    const keys = rateLimitRowKeys(user.email, context.ip);
    expect(await counter(keys.account)).toBe(ACCOUNT_LIMIT.points);

    const refused = await authenticate({ email: user.email, password: PASSWORD }, context);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ kind: 'too-many-attempts' });
    expect(refused.error.kind === 'too-many-attempts' && refused.error.minutes).toBeLessThanOrEqual(
      15,
    );

    const events = await auditFor(user.email);
    expect(events.map((e) => e.outcome)).toEqual([
      ...Array<string>(ACCOUNT_LIMIT.points).fill('FAILED'),
      'DENIED',
    ]);
    expect(events.at(-1)).toMatchObject({ organizationId: org.id, detail: 'rate-limited-account' });

    // The limit is per account, wherever the guesses come from.
    const elsewhere = await authenticate({ email: user.email, password: PASSWORD }, caller());
    expect(elsewhere.ok).toBe(false);
  });

  it('limits an unknown email the same way, so the limit reveals nothing', async () => {
    const email = `ghost.${randomBytes(4).toString('hex')}@example.test`;
    const context = caller();
    for (let i = 0; i < ACCOUNT_LIMIT.points; i += 1) {
      await authenticate({ email, password: `guess-${i}` }, context);
    }
    const refused = await authenticate({ email, password: 'another' }, context);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'too-many-attempts' } });
  });

  it('forgives earlier failures after a successful sign-in', async () => {
    const { user } = await account();
    const context = caller();
    for (let i = 0; i < ACCOUNT_LIMIT.points - 1; i += 1) {
      await authenticate({ email: user.email, password: `guess-${i}` }, context);
    }
    expect((await authenticate({ email: user.email, password: PASSWORD }, context)).ok).toBe(true);
    const keys = rateLimitRowKeys(user.email, context.ip);
    expect(await counter(keys.account)).toBeNull();
    expect(await counter(keys.ip)).toBe(ACCOUNT_LIMIT.points - 1);

    for (let i = 0; i < ACCOUNT_LIMIT.points - 1; i += 1) {
      await authenticate({ email: user.email, password: `guess-${i}` }, context);
    }
    expect((await authenticate({ email: user.email, password: PASSWORD }, context)).ok).toBe(true);
  });

  it(`refuses an IP after ${IP_LIMIT.points} failures across accounts`, async () => {
    const { user } = await account();
    const context = caller();
    const tag = randomBytes(4).toString('hex');
    for (let i = 0; i < IP_LIMIT.points; i += 1) {
      await authenticate({ email: `spray.${tag}.${i}@example.test`, password: 'guess' }, context);
    }
    const refused = await authenticate({ email: user.email, password: PASSWORD }, context);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'too-many-attempts' } });
    expect((await auditFor(user.email))[0]).toMatchObject({
      outcome: 'DENIED',
      detail: 'rate-limited-ip',
    });

    // The same account from another address is unaffected.
    expect((await authenticate({ email: user.email, password: PASSWORD }, caller())).ok).toBe(true);
  });

  it('counts parallel guesses atomically', async () => {
    const email = `burst.${randomBytes(4).toString('hex')}@example.test`;
    const { ip } = caller();
    const permits = await Promise.all(
      Array.from({ length: ACCOUNT_LIMIT.points + 3 }, () => reserveSignInAttempt(email, ip)),
    );
    expect(permits.filter((p) => p.allowed)).toHaveLength(ACCOUNT_LIMIT.points);
    expect(permits.filter((p) => !p.allowed)).toHaveLength(3);
    expect(await counter(rateLimitRowKeys(email, ip).account)).toBe(ACCOUNT_LIMIT.points + 3);
  });
});
