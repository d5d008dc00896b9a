// Pure session rules: no I/O, safe in the proxy, Server Components and the browser alike.

/** SECURITY: automatic logoff after 30 minutes without a request (HIPAA 164.312(a)(2)(iii)). */
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
/** SECURITY: no session outlives 12 hours from sign-in, however active. */
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
// Servers' clocks may differ a little; a token from further in the future is forged or broken.
const CLOCK_SKEW_SECONDS = 60;

/** The claims of a session token that the limits read (seconds since the epoch). */
export type SessionTimes = { authTime?: unknown; lastActivity?: unknown; [claim: string]: unknown };

/** What a session token is worth now; only 'active' may be used. */
export type SessionState = 'active' | 'idle' | 'expired' | 'invalid';

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** Seconds since the epoch, the unit of every time in the session token. */
export function epochSeconds(now: Date): number {
  return Math.floor(now.getTime() / 1000);
}

/**
 * Whether a session token may still be used at `now`: 'idle' past 30 minutes without activity,
 * 'expired' past 12 hours from sign-in, 'invalid' when its times are missing or impossible.
 * The proxy, the jwt callback and getViewer all ask this one function.
 */
export function sessionState(token: SessionTimes | null | undefined, now: Date): SessionState {
  if (!token || !isTime(token.authTime) || !isTime(token.lastActivity)) return 'invalid';
  const t = epochSeconds(now);
  const { authTime, lastActivity } = token;
  if (authTime > t + CLOCK_SKEW_SECONDS || lastActivity > t + CLOCK_SKEW_SECONDS) return 'invalid';
  if (lastActivity < authTime) return 'invalid';
  if (t >= authTime + ABSOLUTE_TIMEOUT_SECONDS) return 'expired';
  if (t >= lastActivity + IDLE_TIMEOUT_SECONDS) return 'idle';
  return 'active';
}

/**
 * The token's times after a request at `now`, and how long the refreshed cookie may live: the
 * idle window, cut short by the absolute limit. Call only for an 'active' session.
 */
export function refreshedSession(
  token: { authTime: number },
  now: Date,
): { lastActivity: number; maxAgeSeconds: number } {
  const t = epochSeconds(now);
  const untilAbsolute = token.authTime + ABSOLUTE_TIMEOUT_SECONDS - t;
  return {
    lastActivity: t,
    maxAgeSeconds: Math.max(0, Math.min(IDLE_TIMEOUT_SECONDS, untilAbsolute)),
  };
}

/** The name of next-auth's session cookie (the `__Secure-` prefix needs HTTPS). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/** Whether cookies must be Secure: the app is served over HTTPS (next-auth's own rule). */
export function usesSecureCookies(nextAuthUrl: string | undefined): boolean {
  return nextAuthUrl?.startsWith('https://') ?? false;
}

/**
 * SECURITY: open-redirect guard. Returns the callback URL only when it is a path on this origin
 * (not `//host`, not `/\host`, not another scheme) and not the sign-in page itself; else null.
 */
export function safeCallbackPath(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return null;
  }
  const base = 'http://triad.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  if (url.pathname === '/sign-in' || url.pathname.startsWith('/api/')) return null;
  return url.pathname + url.search + url.hash;
}

/**
 * The header the app's fetch client (lib/api-client.ts) sets on requests no person asked for:
 * polls, refetches on focus or reconnect. Value: BACKGROUND_ACTIVITY.
 */
export const ACTIVITY_HEADER = 'X-Triad-Activity';
export const BACKGROUND_ACTIVITY = 'background';

/**
 * Whether a request was made without a person acting: marked by the client, or one of Next's
 * router prefetches. SECURITY: such requests do not renew the idle window (the proxy), so a page
 * that polls still signs out after 30 minutes without a person's request. The mark is the
 * client's word; it can only cost the client (no renewal), never hide a read from the patient
 * (lib/data/audit.ts decides that).
 */
export function isBackgroundRequest(header: (name: string) => string | null | undefined): boolean {
  return (
    header(ACTIVITY_HEADER.toLowerCase())?.trim().toLowerCase() === BACKGROUND_ACTIVITY ||
    header('next-router-prefetch') === '1'
  );
}

/**
 * API paths no person ever asks for: the header badge's counts and its live stream (an
 * EventSource cannot send the background header). SECURITY: they never renew the idle window, so
 * an open page still signs out 30 minutes after the person's last request
 * (docs/decisions/021-live-notifications.md).
 */
const BACKGROUND_PATHS: ReadonlySet<string> = new Set([
  '/api/v1/notifications/counts',
  '/api/v1/notifications/stream',
]);

/** Whether a request to `pathname` is background whatever its headers say. */
export function isBackgroundPath(pathname: string): boolean {
  return BACKGROUND_PATHS.has(pathname.replace(/\/+$/, ''));
}

/** The path (with query and fragment) of a redirect target, never another site. */
export function relativeRedirect(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url, 'http://triad.invalid');
  } catch {
    return '/';
  }
  // `//host` would leave the app: one leading slash only.
  return `/${parsed.pathname.replace(/^\/+/, '')}${parsed.search}${parsed.hash}`;
}

/**
 * The caller's address, user agent and request ids, as recorded on audit events
 * (lib/http/request-context.ts reads them): `requestId` is the server's own, `clientRequestId`
 * the X-Request-Id the client sent, kept only for correlation.
 */
export type RequestContext = {
  ip?: string;
  userAgent?: string;
  requestId?: string;
  clientRequestId?: string;
  /** The request was not a person's action (isBackgroundRequest). */
  background?: boolean;
};

/** next-auth's code for a refused credential; one code for every reason, by design. */
export const CREDENTIALS_FAILED = 'CredentialsSignin';
const TOO_MANY_ATTEMPTS = 'TooManyAttempts';
const SIGN_IN_UNAVAILABLE = 'SignInUnavailable';
const SECOND_FACTOR_REQUIRED = 'SecondFactorRequired';
const SECOND_FACTOR_INVALID = 'SecondFactorInvalid';

/** Why a sign-in was refused, as far as the person signing in may know. */
export type SignInError =
  | { kind: 'credentials' }
  | { kind: 'too-many-attempts'; minutes: number }
  | { kind: 'unavailable' }
  /** The password was right; the account has a second factor and no code came with it. */
  | { kind: 'second-factor-required' }
  | { kind: 'second-factor-invalid' };

/** The error code the sign-in endpoint sends for a refusal (it travels in a URL query). */
export function signInErrorCode(error: SignInError): string {
  if (error.kind === 'too-many-attempts') return `${TOO_MANY_ATTEMPTS}-${error.minutes}`;
  if (error.kind === 'unavailable') return SIGN_IN_UNAVAILABLE;
  if (error.kind === 'second-factor-required') return SECOND_FACTOR_REQUIRED;
  if (error.kind === 'second-factor-invalid') return SECOND_FACTOR_INVALID;
  return CREDENTIALS_FAILED;
}

/** Reads a sign-in error code back; anything unknown reads as a refused credential. */
export function parseSignInError(code: string | null | undefined): SignInError | null {
  if (!code) return null;
  const tooMany = new RegExp(`^${TOO_MANY_ATTEMPTS}-(\\d{1,3})$`).exec(code);
  if (tooMany) return { kind: 'too-many-attempts', minutes: Math.max(1, Number(tooMany[1])) };
  if (code === SIGN_IN_UNAVAILABLE) return { kind: 'unavailable' };
  if (code === SECOND_FACTOR_REQUIRED) return { kind: 'second-factor-required' };
  if (code === SECOND_FACTOR_INVALID) return { kind: 'second-factor-invalid' };
  return { kind: 'credentials' };
}
