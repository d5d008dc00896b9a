// Account recovery by an admin: a new set-password link, re-enabling a
// disabled account, and changing an account's name and email, through the real API handlers.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import { disableAccount } from '@/lib/data/admin';
import { getPatient } from '@/lib/data/patients';
import { viewerFor } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { accessLogOf } from '@/tests/support/access-log';
import { clinicWithAdmins } from '@/tests/support/clinic';

const PASSWORD = 'the old password, long enough';
const NEW_PASSWORD = 'a brand new passphrase';

const clinic = () => clinicWithAdmins({ password: PASSWORD });

const address = () => ({ ip: `203.0.113.${Math.floor(Math.random() * 250)}`, userAgent: 'vitest' });

async function sendLink(admin: User, userId: string, headers: Record<string, string> = {}) {
  return callApi({
    method: 'POST',
    path: '/api/v1/users/{userId}/set-password-link',
    params: { userId },
    cookie: await sessionCookie(admin),
    headers,
  });
}

async function enable(admin: User, userId: string) {
  return callApi({
    method: 'POST',
    path: '/api/v1/users/{userId}/enable',
    params: { userId },
    cookie: await sessionCookie(admin),
  });
}

function tokenOf(url: string): string {
  return new URL(url, 'http://x').searchParams.get('token')!;
}

const setPassword = (token: string, password = NEW_PASSWORD) =>
  callApi({ method: 'POST', path: '/api/v1/set-password', body: { token, password } });

async function me(cookie: string) {
  return (await callApi({ method: 'GET', path: '/api/v1/me', cookie })).status;
}

describe('POST /api/v1/users/{userId}/set-password-link', () => {
  it('gives a 72-hour single-use link that sets the password and ends the other sessions', async () => {
    const c = await clinic();
    const oldSession = await sessionCookie(c.therapist);
    expect(await me(oldSession)).toBe(200);

    const before = Date.now();
    const sent = await sendLink(c.admin, c.therapist.id);
    expect(sent.status).toBe(201);
    expect(sent.body.user).toMatchObject({ id: c.therapist.id, isActive: true });
    const expiresAt = new Date(sent.body.expiresAt).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(72 * 3_600_000 - 1000);
    expect(expiresAt - before).toBeLessThanOrEqual(72 * 3_600_000 + 60_000);
    const token = tokenOf(sent.body.setPasswordUrl);
    // Only the token's hash is stored.
    const rows = await db.passwordSetToken.findMany({ where: { userId: c.therapist.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);

    expect((await setPassword(token)).status).toBe(204);
    expect(await me(oldSession)).toBe(401);
    const signedIn = await authenticate(
      { email: c.therapist.email, password: NEW_PASSWORD },
      address(),
    );
    expect(signedIn.ok).toBe(true);
    expect(
      (await authenticate({ email: c.therapist.email, password: PASSWORD }, address())).ok,
    ).toBe(false);

    const again = await setPassword(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.errors[0].path).toBe('token');

    const audit = await db.auditEvent.findFirst({
      where: { actorId: c.admin.id, resourceType: 'passwordSetLink', resourceId: c.therapist.id },
    });
    expect(audit).toMatchObject({ action: 'create', outcome: 'ALLOWED' });
  });

  it('expires the earlier links of the account: only the newest works', async () => {
    const c = await clinic();
    const first = tokenOf((await sendLink(c.admin, c.prescriber.id)).body.setPasswordUrl);
    const second = tokenOf((await sendLink(c.admin, c.prescriber.id)).body.setPasswordUrl);
    expect(first).not.toBe(second);
    expect((await setPassword(first)).status).toBe(400);
    expect((await setPassword(second)).status).toBe(204);
  });

  it('answers a repeat with the same Idempotency-Key with the same link, issuing none', async () => {
    const c = await clinic();
    const key = randomUUID();
    const first = await sendLink(c.admin, c.prescriber.id, { 'Idempotency-Key': key });
    const repeat = await sendLink(c.admin, c.prescriber.id, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('Idempotent-Replayed')).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect(await db.passwordSetToken.count({ where: { userId: c.prescriber.id } })).toBe(1);
    // The stored answer holds no usable link.
    const stored = await db.idempotencyKey.findFirst({ where: { userId: c.admin.id, key } });
    expect(JSON.stringify(stored?.responseBody)).not.toContain(tokenOf(first.body.setPasswordUrl));

    const reused = await sendLink(c.admin, c.therapist.id, { 'Idempotency-Key': key });
    expect(reused.status).toBe(409);
    expect(reused.body.errors[0].path).toBe('Idempotency-Key');
    expect((await setPassword(tokenOf(first.body.setPasswordUrl))).status).toBe(204);
  });

  it('tells a patient in plain words, in their access log, that a link was made for them', async () => {
    const c = await clinic();
    expect((await sendLink(c.admin, c.patient.account.id)).status).toBe(201);
    const log = await accessLogOf(c.patient);
    expect(log.map((i) => i.summary)).toContainEqual(
      expect.stringContaining('made you a new link to set your password'),
    );
  });

  it('refuses a disabled account with 409 until it is re-enabled', async () => {
    const c = await clinic();
    await disableAccount(viewerFor(c.admin), c.therapist.id);
    const refused = await sendLink(c.admin, c.therapist.id);
    expect(refused.status).toBe(409);
    expect(await db.passwordSetToken.count({ where: { userId: c.therapist.id } })).toBe(0);
  });
});

describe('POST /api/v1/users/{userId}/enable', () => {
  it('lets a disabled clinician sign in again and shows them active on their teams', async () => {
    const c = await clinic();
    await disableAccount(viewerFor(c.admin), c.prescriber.id);
    expect(
      (await authenticate({ email: c.prescriber.email, password: PASSWORD }, address())).ok,
    ).toBe(false);
    const team = await getPatient(viewerFor(c.admin), c.patient.id);
    expect(team.careTeam.find((m) => m.clinicianId === c.prescriber.id)?.isActive).toBe(false);

    const enabled = await enable(c.admin, c.prescriber.id);
    expect(enabled.status).toBe(200);
    expect(enabled.body.user).toMatchObject({ isActive: true, disabledAt: null });
    expect(
      (await authenticate({ email: c.prescriber.email, password: PASSWORD }, address())).ok,
    ).toBe(true);
    const after = await getPatient(viewerFor(c.admin), c.patient.id);
    expect(after.careTeam.find((m) => m.clinicianId === c.prescriber.id)?.isActive).toBe(true);
    expect(
      await db.auditEvent.findFirst({
        where: { actorId: c.admin.id, resourceId: c.prescriber.id, detail: 'account re-enabled' },
      }),
    ).toMatchObject({ action: 'update', outcome: 'ALLOWED' });
  });

  it('does not revive a link handed out before the account was disabled', async () => {
    const c = await clinic();
    const token = tokenOf((await sendLink(c.admin, c.therapist.id)).body.setPasswordUrl);
    await disableAccount(viewerFor(c.admin), c.therapist.id);
    await enable(c.admin, c.therapist.id);
    expect((await setPassword(token)).status).toBe(400);
  });
});

describe('PATCH /api/v1/users/{userId}', () => {
  const patch = async (admin: User, userId: string, body: unknown) =>
    callApi({
      method: 'PATCH',
      path: '/api/v1/users/{userId}',
      params: { userId },
      body,
      cookie: await sessionCookie(admin),
    });

  it('changes the name and the sign-in email, audited without the values', async () => {
    const c = await clinic();
    const email = `Renamed.${randomUUID().slice(0, 8)}@Example.test`;
    const result = await patch(c.admin, c.therapist.id, { name: 'Sam Okafor-Reyes', email });
    expect(result.status).toBe(200);
    expect(result.body.user).toMatchObject({
      name: 'Sam Okafor-Reyes',
      email: email.toLowerCase(),
    });
    expect((await authenticate({ email, password: PASSWORD }, address())).ok).toBe(true);
    expect(
      (await authenticate({ email: c.therapist.email, password: PASSWORD }, address())).ok,
    ).toBe(false);
    const audit = await db.auditEvent.findFirst({
      where: { actorId: c.admin.id, resourceId: c.therapist.id, action: 'update' },
    });
    expect(audit?.detail).toBe('name and email changed');
  });

  it('refuses an email another account has with 409 on `email`, and changes nothing', async () => {
    const c = await clinic();
    const result = await patch(c.admin, c.therapist.id, {
      name: 'Should Not Stick',
      email: c.elsewhere.prescriber.email.toUpperCase(),
    });
    expect(result.status).toBe(409);
    expect(result.body.errors).toEqual([{ path: 'email', message: expect.any(String) }]);
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: c.therapist.id } });
    expect(unchanged).toMatchObject({ name: c.therapist.name, email: c.therapist.email });
    // Keeping one's own email is no conflict.
    expect((await patch(c.admin, c.therapist.id, { email: c.therapist.email })).status).toBe(200);
  });

  it('answers bad input with 400 naming the field, and changes nothing', async () => {
    const c = await clinic();
    for (const [body, path] of [
      [{}, '(body)'],
      [{ email: 'not an email' }, 'email'],
      [{ name: '' }, 'name'],
      [{ name: 'Ok Name', role: 'ADMIN' }, 'role'],
    ] as const) {
      const result = await patch(c.admin, c.therapist.id, body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expect(result.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: c.therapist.id } });
    expect(unchanged).toMatchObject({
      name: c.therapist.name,
      email: c.therapist.email,
      role: 'THERAPIST',
    });
  });
});

describe('account recovery across organizations', () => {
  it('answers 404 to another organization’s admin, audited as DENIED, and changes nothing', async () => {
    const c = await clinic();
    const cookie = await sessionCookie(c.elsewhereAdmin);
    const userId = c.therapist.id;
    const calls = [
      { method: 'GET', path: '/api/v1/users/{userId}' },
      { method: 'PATCH', path: '/api/v1/users/{userId}', body: { name: 'Hijacked' } },
      { method: 'POST', path: '/api/v1/users/{userId}/enable' },
      { method: 'POST', path: '/api/v1/users/{userId}/set-password-link' },
    ] as const;
    for (const call of calls) {
      const result = await callApi({ ...call, params: { userId }, cookie });
      expect(result.status, call.path).toBe(404);
    }
    const denied = await db.auditEvent.count({
      where: { actorId: c.elsewhereAdmin.id, resourceId: userId, outcome: 'DENIED' },
    });
    expect(denied).toBe(calls.length);
    expect(await db.passwordSetToken.count({ where: { userId } })).toBe(0);
    const unchanged = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(unchanged.name).toBe(c.therapist.name);
  });
});
