import type { JWT } from 'next-auth/jwt';
import { decodeSession, encodeSession } from '@/lib/auth/session-jwt';
import { NextResponse, type NextRequest } from 'next/server';
import {
  isBackgroundPath,
  isBackgroundRequest,
  refreshedSession,
  sessionCookieName,
  sessionState,
  usesSecureCookies,
} from '@/lib/auth/session-policy';
import { isHttps } from '@/lib/http/request-context';
import { log } from '@/lib/log';

// Server Components cannot set cookies, so the sliding idle window lives here: every page request
// (and every /api/v1 request) with a live session re-issues the cookie with a new lastActivity,
// except background ones (polls, refetches, prefetches), which pass without renewing it;
// a page request without one goes to /sign-in. The proxy is the first gate, not the only one:
// getViewer re-checks the token and the account row on every call.

const PUBLIC_PAGES = new Set(['/sign-in', '/set-password']);

// Probes and the metrics scraper (docs/decisions/030-health-logs-metrics.md): no session is read or
// renewed for them; they get the API's headers.
const OPERATIONS = new Set(['/api/health', '/api/ready', '/api/metrics']);

let warnedNoSecret = false;

async function readToken(value: string | undefined, secret: string): Promise<JWT | null> {
  if (!value) return null;
  try {
    return await decodeSession({ token: value, secret });
  } catch {
    return null;
  }
}

// The attributes next-auth gives its session cookie (lib/auth/options.ts).
function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/' } as const;
}

function toSignIn(request: NextRequest, secure: boolean, hadSession: boolean) {
  const cookieName = sessionCookieName(secure);
  const url = request.nextUrl.clone();
  url.pathname = '/sign-in';
  url.search = '';
  const { pathname, search } = request.nextUrl;
  if (pathname !== '/') url.searchParams.set('callbackUrl', pathname + search);
  if (hadSession) url.searchParams.set('expired', '1');
  const response = NextResponse.redirect(url);
  if (request.cookies.has(cookieName)) {
    // Same attributes as when set: browsers ignore a `__Secure-` cookie written without Secure.
    response.cookies.set(cookieName, '', { ...cookieOptions(secure), maxAge: 0 });
  }
  return response;
}

/**
 * SECURITY: the Content-Security-Policy of a page. Scripts run only with this request's nonce
 * (Next puts it on its own scripts; 'strict-dynamic' lets them load the app's chunks), nothing may
 * frame the app, and forms post only to it. Styles allow inline attributes, which React and the
 * chart library use; no inline script is allowed.
 */
function pageCsp(nonce: string): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The API serves JSON only: nothing in a response may run or be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Adds the per-request security headers (the static ones are in next.config.js). */
function secured(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  // SECURITY: HSTS only when served over HTTPS, where a browser will honour it.
  if (https)
    response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

/** The request gate: security headers, sliding session refresh and the redirect to sign-in. */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname === '/api' || pathname.startsWith('/api/');
  // SECURITY: X-Forwarded-Proto counts only from a trusted proxy (TRUST_PROXY).
  const https = isHttps((name) => request.headers.get(name), request.nextUrl);
  const nonce = isApi ? null : btoa(globalThis.crypto.randomUUID());
  const csp = nonce ? pageCsp(nonce) : API_CSP;
  // Next reads the nonce from the request's CSP header when it renders the page.
  const pass = () => {
    const headers = new Headers(request.headers);
    if (nonce) {
      headers.set('x-nonce', nonce);
      headers.set('Content-Security-Policy', csp);
    }
    return NextResponse.next({ request: { headers } });
  };

  if (pathname.startsWith('/api/auth/') || PUBLIC_PAGES.has(pathname) || OPERATIONS.has(pathname)) {
    return secured(pass(), csp, https);
  }

  const secure = usesSecureCookies(process.env.NEXTAUTH_URL);
  const cookieName = sessionCookieName(secure);
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret && !warnedNoSecret) {
    warnedNoSecret = true;
    log.error('NEXTAUTH_SECRET is not set: no session can be read, every page goes to /sign-in.');
  }
  const cookie = request.cookies.get(cookieName)?.value;
  const token = secret ? await readToken(cookie, secret) : null;
  const now = new Date();
  const state = token ? sessionState(token, now) : 'invalid';

  // SECURITY: a page never renders for a missing, idle (30 min) or expired (12 h) session. The
  // API answers 401 itself (its wrapper checks the session), so API requests are only passed on.
  if (!token || !secret || state !== 'active') {
    if (isApi) return secured(pass(), csp, https);
    return secured(toSignIn(request, secure, cookie !== undefined), csp, https);
  }

  // SECURITY: only a person's request renews the idle window. A background one passes with the
  // session as it is, so a polling page still signs out 30 minutes after the last real request.
  // The live badge's counts and stream are background by their path.
  if (isBackgroundRequest((name) => request.headers.get(name)) || isBackgroundPath(pathname)) {
    return secured(pass(), csp, https);
  }

  const { lastActivity, maxAgeSeconds } = refreshedSession(
    token as JWT & { authTime: number },
    now,
  );
  const value = await encodeSession({
    token: { ...token, lastActivity },
    secret,
    maxAge: maxAgeSeconds,
  });
  // The refreshed token also goes to this request's own handler, so both see the same session.
  request.cookies.set(cookieName, value);
  const response = pass();
  response.cookies.set(cookieName, value, {
    ...cookieOptions(secure),
    expires: new Date(now.getTime() + maxAgeSeconds * 1000),
  });
  return secured(response, csp, https);
}

export const config = {
  matcher: [
    // Everything except next-auth's own endpoints, Next's build output and static files.
    '/((?!api/auth/|_next/static/|_next/image|favicon\\.ico|robots\\.txt|sitemap\\.xml|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|avif|css|js|map|txt|woff2?)$).*)',
  ],
};
