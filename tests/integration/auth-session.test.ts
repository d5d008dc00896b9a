import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { buildAuthOptions, checkSessionToken, SessionEndedError } from '@/lib/auth/options';
import {
  ABSOLUTE_TIMEOUT_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  epochSeconds,
} from '@/lib/auth/session-policy';
import type { Role } from '@/lib/auth/viewer';
import { findSessionAccount, recordSignOut } from '@/lib/data/accounts';
import { createOrganization, createPatient, createUser } from '@/tests/factories';

async function signedIn(role: Exclude<Role, 'PATIENT'> = 'THERAPIST') {
  const org = await createOrganization(db);
  const user = await createUser(db, org, { role, password: 'irrelevant-here' });
  const now = new Date();
  const t = epochSeconds(now);
  const token = {
    sub: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organizationId: org.id,
    patientId: null,
    sessionVersion: user.sessionVersion,
    authTime: t,
    lastActivity: t,
  };
  return { org, user, token, now };
}

describe('findSessionAccount', () => {
  it('finds an active account whose sessionVersion matches', async () => {
    const { user, token } = await signedIn();
    const found = await findSessionAccount({ ...token, userId: token.sub });
    expect(found).toEqual({
      id: user.id,
      organizationId: user.organizationId,
      role: user.role,
      name: user.name,
      email: user.email,
      mustEnrolSecondFactor: false,
    });
  });

  it('finds nothing once the sessionVersion is bumped', async () => {
    const { user, token } = await signedIn();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await findSessionAccount({ ...token, userId: token.sub })).toBeNull();
  });

  it('finds nothing once the account is disabled', async () => {
    const { user, token } = await signedIn();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findSessionAccount({ ...token, userId: token.sub })).toBeNull();
  });

  it('finds nothing when the role or organization differs from the token', async () => {
    const { user, token } = await signedIn('PRESCRIBER');
    const other = await createOrganization(db);
    expect(await findSessionAccount({ ...token, userId: user.id, role: 'ADMIN' })).toBeNull();
    expect(
      await findSessionAccount({ ...token, userId: user.id, organizationId: other.id }),
    ).toBeNull();
  });

  it('finds nothing for an id that is not a UUID', async () => {
    const { token } = await signedIn();
    expect(await findSessionAccount({ ...token, userId: 'not-a-uuid' })).toBeNull();
  });
});

describe('checkSessionToken (the jwt callback on every session read)', () => {
  it('passes a live session and refreshes name and email from the account', async () => {
    const { user, token, now } = await signedIn();
    await db.user.update({ where: { id: user.id }, data: { name: 'Renamed Person' } });
    const checked = await checkSessionToken(token, now);
    expect(checked).toMatchObject({ sub: user.id, name: 'Renamed Person', role: 'THERAPIST' });
  });

  it('ends a session idle for 30 minutes', async () => {
    const { token, now } = await signedIn();
    const later = new Date(now.getTime() + IDLE_TIMEOUT_SECONDS * 1000);
    await expect(checkSessionToken(token, later)).rejects.toThrow(SessionEndedError);
  });

  it('ends a session 12 hours after sign-in however active', async () => {
    const { token, now } = await signedIn();
    const later = new Date(now.getTime() + ABSOLUTE_TIMEOUT_SECONDS * 1000);
    const busy = { ...token, lastActivity: epochSeconds(later) - 5 };
    await expect(checkSessionToken(busy, later)).rejects.toThrow('session ended: expired');
  });

  it('ends every session of a user at the next request once sessionVersion is bumped', async () => {
    const { user, token, now } = await signedIn();
    await expect(checkSessionToken(token, now)).resolves.toBeTruthy();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(checkSessionToken(token, now)).rejects.toThrow('session ended: revoked');
  });

  it('ends the session of a disabled user', async () => {
    const { user, token, now } = await signedIn();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await expect(checkSessionToken(token, now)).rejects.toThrow('session ended: revoked');
  });

  it('refuses a token without the session claims', async () => {
    const { now } = await signedIn();
    await expect(checkSessionToken({ sub: 'x', name: 'n', email: 'e' }, now)).rejects.toThrow(
      'session ended: invalid',
    );
  });
});

describe('next-auth callbacks', () => {
  it('builds the token at sign-in and exposes no internals in the session', async () => {
    const org = await createOrganization(db);
    const patient = await createPatient(db, org, { password: 'irrelevant-here' });
    const options = buildAuthOptions();
    const user = {
      id: patient.account.id,
      name: patient.account.name,
      email: patient.account.email,
      role: 'PATIENT' as const,
      organizationId: org.id,
      patientId: patient.id,
      sessionVersion: 0,
    };
    const jwt = options.callbacks!.jwt!;
    const token = await jwt({ token: { sub: user.id }, user, account: null });
    expect(token).toMatchObject({
      sub: user.id,
      role: 'PATIENT',
      patientId: patient.id,
      sessionVersion: 0,
    });
    expect(token.authTime).toBe(token.lastActivity);

    const reread = await jwt({ token, user: undefined as never, account: null });
    const session = await options.callbacks!.session!({
      session: { expires: '2030-01-01T00:00:00.000Z', user: {} as never },
      token: reread,
      user: undefined as never,
      newSession: undefined,
      trigger: undefined as never,
    });
    expect(session).toEqual({
      expires: '2030-01-01T00:00:00.000Z',
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: 'PATIENT',
        organizationId: org.id,
        patientId: patient.id,
      },
    });
  });

  it('audits sign-out with the token holder as actor', async () => {
    const { org, user } = await signedIn('ADMIN');
    await recordSignOut({
      userId: user.id,
      organizationId: org.id,
      role: 'ADMIN',
      email: user.email,
      sessionVersion: user.sessionVersion,
      context: { ip: '192.0.2.7', userAgent: 'vitest', requestId: 'sign-out-1' },
    });
    const event = await db.auditEvent.findFirst({
      where: { organizationId: org.id, action: 'sign-out' },
    });
    expect(event).toMatchObject({ actorId: user.id, outcome: 'ALLOWED', ip: '192.0.2.7' });
  });

  it('makes every copy of the signed-out token worthless, even one refreshed by a late request', async () => {
    const { org, user, token } = await signedIn();
    await recordSignOut({
      userId: user.id,
      organizationId: org.id,
      role: user.role,
      email: user.email,
      sessionVersion: token.sessionVersion,
      context: {},
    });
    expect(await findSessionAccount({ ...token, userId: token.sub })).toBeNull();
  });
});
