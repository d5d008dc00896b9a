import { describe, expect, it } from 'vitest';
import {
  ABSOLUTE_TIMEOUT_SECONDS,
  IDLE_TIMEOUT_SECONDS,
  epochSeconds,
  parseSignInError,
  refreshedSession,
  relativeRedirect,
  safeCallbackPath,
  sessionCookieName,
  sessionState,
  signInErrorCode,
  usesSecureCookies,
} from '@/lib/auth/session-policy';

const signedInAt = new Date('2026-03-02T08:00:00Z');
const t0 = epochSeconds(signedInAt);
const at = (secondsAfterSignIn: number) => new Date((t0 + secondsAfterSignIn) * 1000);

describe('sessionState: idle and absolute limits', () => {
  it.each([
    ['just signed in', { authTime: t0, lastActivity: t0 }, 0, 'active'],
    ['29:59 idle', { authTime: t0, lastActivity: t0 }, IDLE_TIMEOUT_SECONDS - 1, 'active'],
    ['exactly 30 min idle', { authTime: t0, lastActivity: t0 }, IDLE_TIMEOUT_SECONDS, 'idle'],
    ['an hour idle', { authTime: t0, lastActivity: t0 }, 3600, 'idle'],
    [
      'active all day, 11:59 after sign-in',
      { authTime: t0, lastActivity: t0 + ABSOLUTE_TIMEOUT_SECONDS - 120 },
      ABSOLUTE_TIMEOUT_SECONDS - 60,
      'active',
    ],
    [
      'active all day, 12 h after sign-in',
      { authTime: t0, lastActivity: t0 + ABSOLUTE_TIMEOUT_SECONDS - 60 },
      ABSOLUTE_TIMEOUT_SECONDS,
      'expired',
    ],
    [
      'past both limits reads as expired',
      { authTime: t0, lastActivity: t0 },
      ABSOLUTE_TIMEOUT_SECONDS + 1,
      'expired',
    ],
  ] as const)('%s → %s', (_label, token, after, expected) => {
    expect(sessionState(token, at(after))).toBe(expected);
  });

  it.each([
    ['no token', null],
    ['no times', {}],
    ['authTime missing', { lastActivity: t0 }],
    ['lastActivity missing', { authTime: t0 }],
    ['times as strings', { authTime: String(t0), lastActivity: String(t0) }],
    ['not finite', { authTime: Number.NaN, lastActivity: t0 }],
    ['zero', { authTime: 0, lastActivity: 0 }],
    ['activity before sign-in', { authTime: t0, lastActivity: t0 - 10 }],
    ['sign-in in the future', { authTime: t0 + 3600, lastActivity: t0 + 3600 }],
    ['activity in the future', { authTime: t0, lastActivity: t0 + 3600 }],
  ])('%s is invalid', (_label, token) => {
    expect(sessionState(token, signedInAt)).toBe('invalid');
  });

  it('tolerates a little clock skew between servers', () => {
    expect(sessionState({ authTime: t0 + 30, lastActivity: t0 + 30 }, signedInAt)).toBe('active');
  });
});

describe('refreshedSession', () => {
  it('moves lastActivity to now and keeps the cookie for the idle window', () => {
    expect(refreshedSession({ authTime: t0 }, at(600))).toEqual({
      lastActivity: t0 + 600,
      maxAgeSeconds: IDLE_TIMEOUT_SECONDS,
    });
  });

  it('never lets the cookie outlive the absolute limit', () => {
    const tenMinutesLeft = ABSOLUTE_TIMEOUT_SECONDS - 600;
    expect(refreshedSession({ authTime: t0 }, at(tenMinutesLeft)).maxAgeSeconds).toBe(600);
  });
});

describe('safeCallbackPath: open-redirect guard', () => {
  it.each([
    ['/caseload', '/caseload'],
    ['/patients/7b7c?tab=plan#goals', '/patients/7b7c?tab=plan#goals'],
    ['/', '/'],
  ])('keeps the same-origin path %s', (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'caseload',
    'https://evil.example/caseload',
    '//evil.example/caseload',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
    '/sign-in',
    '/sign-in?callbackUrl=/admin',
    '/api/auth/signout',
    '/api/v1/me',
  ])('refuses %s', (input) => {
    expect(safeCallbackPath(input)).toBeNull();
  });
});

describe('cookies', () => {
  it('uses the __Secure- name and Secure flag only over HTTPS', () => {
    expect(usesSecureCookies('https://triad.example')).toBe(true);
    expect(usesSecureCookies('http://localhost:3000')).toBe(false);
    expect(usesSecureCookies(undefined)).toBe(false);
    expect(sessionCookieName(true)).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName(false)).toBe('next-auth.session-token');
  });
});

describe('relativeRedirect', () => {
  it('keeps the path on this app and drops any other site', () => {
    expect(relativeRedirect('/sign-in')).toBe('/sign-in');
    expect(relativeRedirect('http://localhost:3000/caseload?sort=flags#top')).toBe(
      '/caseload?sort=flags#top',
    );
    expect(relativeRedirect('https://evil.example/steal')).toBe('/steal');
    expect(relativeRedirect('//evil.example/x')).toBe('/x');
    expect(relativeRedirect('/\\evil.example')).toBe('/');
    expect(relativeRedirect('http://[bad')).toBe('/');
  });
});

describe('sign-in error codes', () => {
  it('round-trips each kind', () => {
    for (const error of [
      { kind: 'credentials' },
      { kind: 'too-many-attempts', minutes: 12 },
      { kind: 'unavailable' },
    ] as const) {
      expect(parseSignInError(signInErrorCode(error))).toEqual(error);
    }
  });

  it('reads unknown codes as a refused credential and nothing as nothing', () => {
    expect(parseSignInError('<img src=x>')).toEqual({ kind: 'credentials' });
    expect(parseSignInError(null)).toBeNull();
  });
});
