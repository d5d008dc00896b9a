import { describe, expect, it } from 'vitest';
import {
  canonicalRecoveryCode,
  checkTotp,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  seal,
  totpUri,
  unseal,
} from '@/lib/auth/second-factor';
import { parseSignInError, signInErrorCode } from '@/lib/auth/session-policy';

// RFC 6238, appendix B: the SHA-1 seed "12345678901234567890" in base32; the 6-digit codes are the
// last six digits of the published 8-digit ones.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('checkTotp (fixed clock)', () => {
  it('accepts the RFC 6238 test vectors at their times', async () => {
    expect(await checkTotp(RFC_SECRET, '287082', at(59))).toEqual({ valid: true, timeStep: 1 });
    expect(await checkTotp(RFC_SECRET, '081804', at(1111111109))).toMatchObject({ valid: true });
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890))).toMatchObject({ valid: true });
  });

  it('allows one step of clock drift either way, and no more', async () => {
    // 005924 belongs to step 41152263 (1234567890 / 30).
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890 + 30))).toMatchObject({
      valid: true,
    });
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890 - 30))).toMatchObject({
      valid: true,
    });
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890 + 90))).toEqual({ valid: false });
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890 - 90))).toEqual({ valid: false });
  });

  it('refuses a code of a step already used (replay), and accepts the next step', async () => {
    const step = Math.floor(1234567890 / 30);
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890), step)).toEqual({ valid: false });
    expect(await checkTotp(RFC_SECRET, '005924', at(1234567890), step - 1)).toEqual({
      valid: true,
      timeStep: step,
    });
  });

  it('takes spaces and dashes, and refuses anything but six digits', async () => {
    expect(await checkTotp(RFC_SECRET, '287 082', at(59))).toMatchObject({ valid: true });
    expect(await checkTotp(RFC_SECRET, '287-082', at(59))).toMatchObject({ valid: true });
    for (const code of ['', '28708', '2870821', 'abcdef', '287082\u0000']) {
      expect(await checkTotp(RFC_SECRET, code, at(59))).toEqual({ valid: false });
    }
  });

  it('refuses a right code for another secret', async () => {
    expect(await checkTotp(newTotpSecret(), '287082', at(59))).toEqual({ valid: false });
  });
});

describe('secrets', () => {
  it('makes 160-bit base32 secrets and an otpauth URI naming Triad and the account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'dr.rivera@riverbend.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Triad');
    expect(decodeURIComponent(uri.pathname)).toContain('dr.rivera@riverbend.test');
  });

  it('seals with a key from the app secret: opens with it, not with another, not when altered', () => {
    const key = 'a-test-secret-of-enough-length';
    const sealed = seal(RFC_SECRET, key);
    expect(sealed).not.toContain(RFC_SECRET);
    expect(seal(RFC_SECRET, key)).not.toBe(sealed);
    expect(unseal(sealed, key)).toBe(RFC_SECRET);
    expect(() => unseal(sealed, 'another-secret-of-enough-length')).toThrow();
    const parts = sealed.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    expect(() => unseal(parts.join('.'), key)).toThrow();
    expect(() => unseal('plain text', key)).toThrow();
  });
});

describe('recovery codes', () => {
  it('makes 10 distinct codes of 16 unambiguous characters in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('reads a code however it is typed, and hashes the canonical form', () => {
    const [code] = newRecoveryCodes(1);
    const canonical = code!.replaceAll('-', '');
    expect(canonicalRecoveryCode(code!)).toBe(canonical);
    expect(canonicalRecoveryCode(` ${code!.toLowerCase()} `)).toBe(canonical);
    expect(canonicalRecoveryCode(canonical.match(/.{4}/g)!.join(' '))).toBe(canonical);
    expect(hashRecoveryCode(canonical)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(canonical)).not.toBe(
      hashRecoveryCode(canonicalRecoveryCode(newRecoveryCodes(1)[0]!)!),
    );
  });

  it('does not take a TOTP code, letters outside the alphabet or the wrong length', () => {
    for (const typed of [
      '123456',
      'ABCD-EFGH-IJKL-MNOP',
      'ABCD-EFGH-JKMN',
      'ABCD-EFGH-JKMN-PQRS-T',
    ]) {
      expect(canonicalRecoveryCode(typed)).toBeNull();
    }
  });
});

describe('the sign-in error codes of the second step', () => {
  it('travel through the error URL and back', () => {
    for (const error of [
      { kind: 'second-factor-required' },
      { kind: 'second-factor-invalid' },
    ] as const) {
      expect(parseSignInError(signInErrorCode(error))).toEqual(error);
    }
    expect(signInErrorCode({ kind: 'second-factor-required' })).toBe('SecondFactorRequired');
  });
});
