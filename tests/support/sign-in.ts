import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { expect } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import type { RequestContext } from '@/lib/auth/session-policy';
import { callApi, sessionCookie } from '@/tests/support/api';

/** The password the sign-in tests give their accounts. */
export const PASSWORD = 'correct horse battery staple';

/**
 * A caller from its own address within `network` (e.g. '198.51'), so per-address sign-in counters
 * never leak between tests.
 */
export function callerIn(network: string): RequestContext {
  const b = randomBytes(2);
  return {
    ip: `${network}.${b[0]}.${b[1]}`,
    userAgent: 'vitest',
    requestId: `t-${b.toString('hex')}`,
  };
}

/** The code an authenticator app shows `stepsAhead` steps from now (one step is within drift). */
export function totp(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** A 6-digit code that is none of the codes accepted around now. */
export async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-1, 0, 1, 2].map((step) => totp(secret, step)));
  return ['000000', '111111', '222222', '333333', '444444'].find((c) => !near.includes(c))!;
}

/** Starts and confirms enrolment through the API; returns the secret and the recovery codes. */
export async function enrol(user: User) {
  const cookie = await sessionCookie(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
  const started = await callApi({
    method: 'POST',
    path: '/api/v1/me/second-factor/enrolment',
    cookie,
  });
  expect(started.status).toBe(200);
  const secret: string = started.body.secret;
  const confirmed = await callApi({
    method: 'POST',
    path: '/api/v1/me/second-factor/confirm',
    cookie,
    body: { code: await totp(secret) },
  });
  expect(confirmed.status, confirmed.text).toBe(201);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}
