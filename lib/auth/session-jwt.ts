// The session cookie's codec: next-auth's own format (a JWE, "dir" + A256GCM, with the key
// derived from NEXTAUTH_SECRET by HKDF exactly as next-auth derives it), with the derived key kept
// per secret. next-auth derives it again on every encode and decode, and a request decodes its
// cookie twice (the proxy and the handler) and re-encodes it once: three key derivations per
// request, each a trip to libuv's thread pool (bench:http profile, issue 15).
// tests/unit/session-jwt.test.ts checks that next-auth reads what this writes and the reverse.
import { hkdfSync, randomUUID } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

const INFO = 'NextAuth.js Generated Encryption Key';
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const keys = new Map<string, Uint8Array>();

function keyFor(secret: string | Buffer, salt = ''): Uint8Array {
  const id = `${salt}\u0000${secret.toString()}`;
  let key = keys.get(id);
  if (!key) {
    const info = salt ? `${INFO} (${salt})` : INFO;
    key = new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** next-auth's `encode`, with the derived key cached. */
export async function encodeSession(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = DEFAULT_MAX_AGE_SECONDS, salt = '' } = params;
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(nowSeconds() + maxAge)
    .setJti(randomUUID())
    .encrypt(keyFor(secret, salt));
}

/** next-auth's `decode`, with the derived key cached: the payload, or null without a token. */
export async function decodeSession(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt = '' } = params;
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
