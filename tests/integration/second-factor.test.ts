// The second factor end to end through the real sign-in check and the real API handlers:
// enrol -> confirm -> sign-in needs a code -> wrong codes refused and rate-limited -> a recovery
// code works once -> an admin resets it -> the organization's setting forces enrolment.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Organization, User } from '@/prisma/generated/client';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import { seal } from '@/lib/auth/second-factor';
import { CODE_LIMIT, codeLimitRowKey } from '@/lib/data/second-factor';
import { createOrganization, createPatient, createUser } from '@/tests/factories';
import { callApi, sessionCookie } from '@/tests/support/api';
import { PASSWORD, callerIn, enrol, totp } from '@/tests/support/sign-in';

const caller = () => callerIn('203.0');

async function cookieFor(user: User): Promise<string> {
  return sessionCookie(await db.user.findUniqueOrThrow({ where: { id: user.id } }));
}

/** `admin` resets `userId`'s second factor through the API. */
async function resetSecondFactor(admin: User, userId: string) {
  return callApi({
    method: 'POST',
    path: '/api/v1/users/{userId}/second-factor/reset',
    params: { userId },
    cookie: await cookieFor(admin),
  });
}

function signIn(user: User, code?: string) {
  return authenticate(
    { email: user.email, password: PASSWORD, ...(code === undefined ? {} : { code }) },
    caller(),
  );
}

function secondFactorEvents(user: User) {
  return db.auditEvent.findMany({
    where: { actorId: user.id, action: 'sign-in', resourceType: 'secondFactor' },
    orderBy: { seq: 'asc' },
    select: { outcome: true, detail: true },
  });
}

describe('the second factor', () => {
  let org: Organization;
  let prescriber: User;
  let admin: User;

  beforeAll(async () => {
    org = await createOrganization(db);
    prescriber = await createUser(db, org, { role: 'PRESCRIBER', password: PASSWORD });
    admin = await createUser(db, org, { role: 'ADMIN', password: PASSWORD });
  });

  it('enrols: a QR code and the secret, kept sealed, on only after a right first code', async () => {
    const cookie = await cookieFor(prescriber);
    const started = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/enrolment',
      cookie,
    });
    expect(started.status).toBe(200);
    const { secret, otpauthUri, qrCode } = started.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toContain('<svg');

    const stored = await db.secondFactor.findUniqueOrThrow({ where: { userId: prescriber.id } });
    expect(stored.enabledAt).toBeNull();
    expect(stored.secretSealed).not.toContain(secret);

    // Pending is not on: a password alone still signs in.
    expect((await signIn(prescriber)).ok).toBe(true);

    const wrong = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/confirm',
      cookie,
      body: { code: '000000' === (await totp(secret)) ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'code', message: expect.any(String) }]);

    const key = randomUUID();
    const code = await totp(secret);
    const confirm = () =>
      callApi({
        method: 'POST',
        path: '/api/v1/me/second-factor/confirm',
        cookie,
        headers: { 'Idempotency-Key': key },
        body: { code },
      });
    const confirmed = await confirm();
    expect(confirmed.status, confirmed.text).toBe(201);
    const codes: string[] = confirmed.body.recoveryCodes;
    expect(codes).toHaveLength(10);

    // A retry with the same key gets the same codes back; nothing holds them in clear.
    const again = await confirm();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.recoveryCodes).toEqual(codes);
    const rows = await db.recoveryCode.findMany({ where: { userId: prescriber.id } });
    expect(rows).toHaveLength(10);
    const everything = JSON.stringify([
      rows,
      await db.idempotencyKey.findMany({ where: { userId: prescriber.id } }),
    ]);
    for (const c of codes) {
      expect(everything).not.toContain(c);
      expect(everything).not.toContain(c.replaceAll('-', ''));
    }

    const audit = await db.auditEvent.findMany({
      where: { actorId: prescriber.id, resourceType: 'secondFactor' },
      orderBy: { seq: 'asc' },
      select: { outcome: true, detail: true },
    });
    expect(audit).toEqual([
      { outcome: 'ALLOWED', detail: 'enrolment started' },
      { outcome: 'FAILED', detail: 'wrong-code' },
      { outcome: 'ALLOWED', detail: 'second factor on, 10 recovery codes issued' },
    ]);

    const status = await callApi({ method: 'GET', path: '/api/v1/me/second-factor', cookie });
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: false });
  });

  it('asks for the code after a right password only, and takes each TOTP code once', async () => {
    const user = await createUser(db, org, { role: 'THERAPIST', password: PASSWORD });
    const { secret } = await enrol(user);
    const wrongPassword = await authenticate(
      { email: user.email, password: 'not the password' },
      caller(),
    );
    expect(wrongPassword).toEqual({ ok: false, error: { kind: 'credentials' } });

    expect(await signIn(user)).toEqual({
      ok: false,
      error: { kind: 'second-factor-required' },
    });
    // The code that confirmed enrolment was spent then: the same step cannot sign in.
    expect(await signIn(user, await totp(secret))).toEqual({
      ok: false,
      error: { kind: 'second-factor-invalid' },
    });
    const next = await totp(secret, 1);
    const signedIn = await signIn(user, next);
    expect(signedIn.ok).toBe(true);
    expect(await signIn(user, next)).toEqual({
      ok: false,
      error: { kind: 'second-factor-invalid' },
    });
    expect(await secondFactorEvents(user)).toEqual([
      { outcome: 'FAILED', detail: 'wrong-code' },
      { outcome: 'ALLOWED', detail: 'totp' },
      { outcome: 'FAILED', detail: 'wrong-code' },
    ]);
  });

  it('refuses wrong codes, then any code for 15 minutes after five, and audits each', async () => {
    const user = await createUser(db, org, { role: 'PRESCRIBER', password: PASSWORD });
    const { secret } = await enrol(user);
    const right = await totp(secret, 1);
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < CODE_LIMIT.points; i++) {
      expect(await signIn(user, wrong)).toEqual({
        ok: false,
        error: { kind: 'second-factor-invalid' },
      });
    }
    const refused = await signIn(user, right);
    expect(refused).toEqual({ ok: false, error: { kind: 'too-many-attempts', minutes: 15 } });

    // The API's code checks share the budget.
    const cookie = await cookieFor(user);
    const renew = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/recovery-codes',
      cookie,
      body: { code: right },
    });
    expect(renew.status).toBe(403);
    expect(renew.body.detail).toMatch(/Too many wrong codes/);

    const events = await secondFactorEvents(user);
    expect(events.filter((e) => e.outcome === 'FAILED')).toHaveLength(CODE_LIMIT.points);
    expect(events.at(-1)).toEqual({ outcome: 'DENIED', detail: 'rate-limited' });

    // Once the window has passed (the row expires), the right code works again.
    await db.rateLimit.delete({ where: { key: codeLimitRowKey(user.id) } });
    expect((await signIn(user, right)).ok).toBe(true);
  });

  it('takes a recovery code once, however it is typed; new codes replace the old', async () => {
    const user = await createUser(db, org, { role: 'THERAPIST', password: PASSWORD });
    const { secret, recoveryCodes } = await enrol(user);
    const [first, second] = recoveryCodes;

    expect((await signIn(user, ` ${first!.toLowerCase()} `)).ok).toBe(true);
    expect(await signIn(user, first!)).toEqual({
      ok: false,
      error: { kind: 'second-factor-invalid' },
    });
    const cookie = await cookieFor(user);
    const status = await callApi({ method: 'GET', path: '/api/v1/me/second-factor', cookie });
    expect(status.body.recoveryCodesLeft).toBe(9);

    const renewed = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/recovery-codes',
      cookie,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { code: await totp(secret, 1) },
    });
    expect(renewed.status, renewed.text).toBe(201);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    expect(await signIn(user, second!)).toEqual({
      ok: false,
      error: { kind: 'second-factor-invalid' },
    });
    expect((await signIn(user, renewed.body.recoveryCodes[0])).ok).toBe(true);
  });

  it('after NEXTAUTH_SECRET changes, app codes fail (no outage) and recovery codes still sign in', async () => {
    const user = await createUser(db, org, { role: 'PRESCRIBER', password: PASSWORD });
    const { secret, recoveryCodes } = await enrol(user);
    await db.secondFactor.update({
      where: { userId: user.id },
      data: { secretSealed: seal(secret, 'the-secret-before-it-was-rotated') },
    });
    expect(await signIn(user, await totp(secret, 1))).toEqual({
      ok: false,
      error: { kind: 'second-factor-invalid' },
    });
    expect((await signIn(user, recoveryCodes[0]!)).ok).toBe(true);
  });

  it('turns off with a code, unless the organization requires it', async () => {
    const user = await createUser(db, org, { role: 'PRESCRIBER', password: PASSWORD });
    const { recoveryCodes } = await enrol(user);
    const cookie = await cookieFor(user);
    const wrong = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/disable',
      cookie,
      body: { code: '00000' },
    });
    expect(wrong.status).toBe(400);
    const off = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/disable',
      cookie,
      body: { code: recoveryCodes[0] },
    });
    expect(off.status, off.text).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(user)).ok).toBe(true);
  });

  it('lets an admin of the same organization reset it: sessions end, codes gone, audited', async () => {
    const user = await createUser(db, org, { role: 'THERAPIST', password: PASSWORD });
    await enrol(user);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const elsewhere = await createUser(db, await createOrganization(db), {
      role: 'ADMIN',
      password: PASSWORD,
    });
    const foreign = await resetSecondFactor(elsewhere, user.id);
    expect(foreign.status).toBe(404);
    expect(await db.secondFactor.count({ where: { userId: user.id } })).toBe(1);

    const own = await resetSecondFactor(admin, admin.id);
    expect(own.status).toBe(409);

    const reset = await resetSecondFactor(admin, user.id);
    expect(reset.status, reset.text).toBe(200);
    expect(reset.body).toEqual({ userId: user.id, secondFactorEnabled: false });
    expect(await db.secondFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    const event = await db.auditEvent.findFirst({
      where: { actorId: admin.id, resourceType: 'secondFactor', resourceId: user.id },
      orderBy: { seq: 'desc' },
    });
    expect(event).toMatchObject({
      outcome: 'ALLOWED',
      detail: 'second factor reset by an administrator, sessions ended',
    });
    expect((await signIn(user)).ok).toBe(true);
  });

  it('with the organization setting on, sends clinicians and admins without one to enrol first', async () => {
    const clinic = await createOrganization(db);
    const clinician = await createUser(db, clinic, { role: 'PRESCRIBER', password: PASSWORD });
    const clinicAdmin = await createUser(db, clinic, { role: 'ADMIN', password: PASSWORD });
    const patient = await createPatient(db, clinic, { password: PASSWORD });
    const adminCookie = await cookieFor(clinicAdmin);
    const settings = '/api/v1/organization/security';

    expect((await callApi({ method: 'GET', path: settings, cookie: adminCookie })).body).toEqual({
      requireSecondFactor: false,
    });
    const bad = await callApi({
      method: 'PUT',
      path: settings,
      cookie: adminCookie,
      body: { requireSecondFactor: 'yes' },
    });
    expect(bad.status).toBe(400);
    const turnOn = () =>
      callApi({
        method: 'PUT',
        path: settings,
        cookie: adminCookie,
        body: { requireSecondFactor: true },
      });
    // Not before the admin has a second factor of their own.
    const early = await turnOn();
    expect(early.status).toBe(409);
    expect(early.body.errors).toEqual([
      { path: 'requireSecondFactor', message: expect.any(String) },
    ]);
    const adminFactor = await enrol(clinicAdmin);
    const on = await turnOn();
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ requireSecondFactor: true });
    expect(
      (await callApi({ method: 'GET', path: '/api/v1/users', cookie: adminCookie })).status,
    ).toBe(200);

    // Even a session from before the change: the rule is read on every request.
    const cookie = await cookieFor(clinician);
    const blocked = await callApi({ method: 'GET', path: '/api/v1/patients', cookie });
    expect(blocked.status).toBe(403);
    expect(blocked.body.detail).toMatch(/requires a second factor/);
    const gateEvent = await db.auditEvent.findFirst({
      where: { actorId: clinician.id, outcome: 'DENIED' },
      orderBy: { seq: 'desc' },
    });
    expect(gateEvent?.detail).toBe('second factor required before /api/v1/patients');
    // Another admin without one is held too, until they enrol.
    const secondAdmin = await createUser(db, clinic, { role: 'ADMIN', password: PASSWORD });
    expect(
      (
        await callApi({
          method: 'GET',
          path: '/api/v1/users',
          cookie: await cookieFor(secondAdmin),
        })
      ).status,
    ).toBe(403);
    // Patients are not affected.
    const patientCookie = await sessionCookie(patient);
    expect(
      (await callApi({ method: 'GET', path: '/api/v1/patients', cookie: patientCookie })).status,
    ).toBe(200);

    expect((await callApi({ method: 'GET', path: '/api/v1/me', cookie })).status).toBe(200);
    const status = await callApi({ method: 'GET', path: '/api/v1/me/second-factor', cookie });
    expect(status.body).toMatchObject({ enabled: false, required: true });

    const { recoveryCodes } = await enrol(clinician);
    expect((await callApi({ method: 'GET', path: '/api/v1/patients', cookie })).status).toBe(200);
    const disable = await callApi({
      method: 'POST',
      path: '/api/v1/me/second-factor/disable',
      cookie,
      body: { code: recoveryCodes[0] },
    });
    expect(disable.status).toBe(409);
    expect(await db.recoveryCode.count({ where: { userId: clinician.id, usedAt: null } })).toBe(10);

    // An admin reset puts the clinician back in front of enrolment.
    expect(adminFactor.recoveryCodes).toHaveLength(10);
    const reset = await resetSecondFactor(clinicAdmin, clinician.id);
    expect(reset.status).toBe(200);
    const fresh = await cookieFor(clinician);
    expect((await callApi({ method: 'GET', path: '/api/v1/patients', cookie: fresh })).status).toBe(
      403,
    );
  });
});
