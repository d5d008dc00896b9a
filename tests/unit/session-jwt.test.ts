import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSession, encodeSession } from '@/lib/auth/session-jwt';

const secret = 'a-test-secret-a-test-secret-a-test-secret';
const token = { sub: 'user-1', role: 'THERAPIST', lastActivity: 1_800_000_000 };

describe('the session cookie codec', () => {
  it('writes what next-auth reads, and reads what next-auth writes', async () => {
    expect(await decode({ token: await encodeSession({ token, secret }), secret })).toMatchObject(
      token,
    );
    expect(await decodeSession({ token: await encode({ token, secret }), secret })).toMatchObject(
      token,
    );
  });

  it('keeps a key per secret and salt: another secret or salt cannot read the cookie', async () => {
    const cookie = await encodeSession({ token, secret });
    await expect(decodeSession({ token: cookie, secret: `${secret}-other` })).rejects.toThrow();
    await expect(decodeSession({ token: cookie, secret, salt: 'x' })).rejects.toThrow();
    const salted = await encodeSession({ token, secret, salt: 'x' });
    expect(await decode({ token: salted, secret, salt: 'x' })).toMatchObject(token);
  });

  it('sets the expiry from maxAge, and refuses an expired cookie', async () => {
    const cookie = await encodeSession({ token, secret, maxAge: 60 });
    const payload = await decodeSession({ token: cookie, secret });
    expect(Number(payload!.exp) - Number(payload!.iat)).toBe(60);
    const expired = await encodeSession({ token, secret, maxAge: -60 });
    await expect(decodeSession({ token: expired, secret })).rejects.toThrow();
    expect(await decodeSession({ token: undefined, secret })).toBeNull();
  });
});
