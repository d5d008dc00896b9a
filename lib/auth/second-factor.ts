// The second factor's rules and cryptography, without I/O: TOTP (RFC 6238) through otplib, the
// sealing of TOTP secrets at rest, and recovery codes. lib/data/second-factor.ts stores them.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Role } from '@/lib/auth/viewer';

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'Triad';
/** RFC 6238's default step; every common authenticator app uses it. */
const PERIOD_SECONDS = 30;
/**
 * SECURITY: one step either side of the server's clock (phones drift, people type slowly); the
 * replay guard (`afterTimeStep`) still lets each code in once.
 */
const EPOCH_TOLERANCE_SECONDS = PERIOD_SECONDS;

/** How many recovery codes an enrolment (or a regeneration) hands out. */
export const RECOVERY_CODE_COUNT = 10;

/** Who may enrol a second factor: the roles that can read clinical records or manage accounts. */
export function mayUseSecondFactor(role: Role): boolean {
  return role !== 'PATIENT';
}

/** A new TOTP secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
}

/** The outcome of checking a TOTP code: the time step it matched, for the replay guard. */
export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

const TOTP_CODE = /^\d{6}$/;

/** A typed code without the spaces, dashes and dots people add ("123 456", "123.456"). */
export function normalizeCode(code: string): string {
  return code.replace(/[\s.-]/g, '');
}

/**
 * Checks a 6-digit TOTP code at `now` against the secret, refusing any code of a time step at or
 * before `lastUsedStep` (SECURITY: a code seen once cannot be replayed within its window).
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastUsedStep?: number | null,
): Promise<TotpCheck> {
  const token = normalizeCode(code);
  if (!TOTP_CODE.test(token)) return { valid: false };
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: EPOCH_TOLERANCE_SECONDS,
    ...(lastUsedStep != null ? { afterTimeStep: lastUsedStep } : {}),
  });
  if (!result.valid || !('timeStep' in result)) return { valid: false };
  return { valid: true, timeStep: result.timeStep };
}

// ---------------------------------------------------------------------------------------------
// Sealing TOTP secrets at rest

const SEAL_VERSION = 'v1';

/**
 * SECURITY: the key that seals TOTP secrets, derived (HKDF-SHA-256) from NEXTAUTH_SECRET with a
 * purpose label, so a database dump alone does not yield anyone's second factor.
 */
function sealingKey(secret: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', secret, 'triad', 'second-factor totp secret v1', 32) as ArrayBuffer,
  );
}

function appSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret)
    throw new Error('NEXTAUTH_SECRET is not set: second-factor secrets cannot be sealed.');
  return secret;
}

/** Seals a value with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function seal(plain: string, secret = appSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [SEAL_VERSION, ...parts].join('.');
}

/** Opens a sealed value; throws when it was sealed under another key or altered. */
export function unseal(sealed: string, secret = appSecret()): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== SEAL_VERSION || !iv || !tag || body === undefined) {
    throw new Error('Not a sealed second-factor value.');
  }
  const decipher = createDecipheriv(
    'aes-256-gcm',
    sealingKey(secret),
    Buffer.from(iv, 'base64url'),
  );
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

// ---------------------------------------------------------------------------------------------
// Recovery codes

// Crockford's base32 alphabet: no I, L, O or U, so nothing reads as another character.
const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{16}$/;

/**
 * New recovery codes: 16 characters of 5 bits (80 bits each), shown as `XXXX-XXXX-XXXX-XXXX`.
 * SECURITY: 80 random bits make an unsalted SHA-256 safe to store (no dictionary to try), and a
 * plain hash lets sign-in find a code with one indexed lookup.
 */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b & 31]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** A typed recovery code in canonical form (upper case, no dashes or spaces), or null. */
export function canonicalRecoveryCode(code: string): string | null {
  const canonical = normalizeCode(code).toUpperCase();
  return RECOVERY_CODE.test(canonical) ? canonical : null;
}

/** What is stored of a recovery code. */
export function hashRecoveryCode(canonical: string): string {
  return createHash('sha256').update(`triad-recovery:${canonical}`).digest('hex');
}

/** The enrolment QR code as an SVG `data:` URL (the page CSP allows `img-src data:`). */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
