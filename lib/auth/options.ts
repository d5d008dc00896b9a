import 'server-only';
import type { AuthOptions, User } from 'next-auth';
import { decodeSession, encodeSession } from '@/lib/auth/session-jwt';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { reserveSignInAttempt, settleSuccessfulSignIn } from '@/lib/data/sign-in-limits';
import { checkSignInSecondFactor } from '@/lib/data/second-factor';
import {
  IDLE_TIMEOUT_SECONDS,
  epochSeconds,
  relativeRedirect,
  sessionCookieName,
  sessionState,
  signInErrorCode,
  usesSecureCookies,
  type RequestContext,
  type SignInError,
} from '@/lib/auth/session-policy';
import { ROLES, type Role } from '@/lib/auth/viewer';
import { requestContextFrom } from '@/lib/http/request-context';
import { log } from '@/lib/log';
import {
  findSessionAccount,
  findSignInAccount,
  normalizeEmail,
  recordSignInAttempt,
  recordSignOut,
  type SignInAccount,
} from '@/lib/data/accounts';

/** What the app sees of a session (`getServerSession`): no token internals. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organizationId: string;
  patientId: string | null;
  /** Present (true) only while the organization requires a second factor this account lacks. */
  mustEnrolSecondFactor?: true;
};

declare module 'next-auth' {
  interface Session {
    user: SessionUser;
  }
  interface User {
    role: Role;
    organizationId: string;
    patientId: string | null;
    sessionVersion: number;
  }
}

/** The session token's payload (encrypted in the cookie), checked on every read. */
export const SessionToken = z.object({
  sub: z.string().min(1),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organizationId: z.string().min(1),
  patientId: z.string().nullable(),
  sessionVersion: z.number().int(),
  authTime: z.number(),
  lastActivity: z.number(),
  /** Set by the session check: the organization requires a second factor this account lacks. */
  mustEnrolSecondFactor: z.boolean().optional(),
});
export type SessionToken = z.infer<typeof SessionToken>;

/** Thrown inside next-auth's jwt callback to end a session; next-auth then clears the cookie. */
export class SessionEndedError extends Error {
  constructor(reason: 'idle' | 'expired' | 'invalid' | 'revoked') {
    super(`session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

// Verified in place of a missing hash, so an unknown email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`no-such-account-${globalThis.crypto.randomUUID()}`);
  return dummyHash;
}

const MAX_EMAIL = 320;
const MAX_PASSWORD = 1024;

/** What `authenticate` decided: the next-auth user, or the one kind of refusal to show. */
export type SignInResult = { ok: true; user: User } | { ok: false; error: SignInError };

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function reasonFor(account: SignInAccount | null, passwordMatches: boolean): string | null {
  if (!account) return 'unknown-account';
  if (!account.passwordHash) return 'no-password-set';
  if (!passwordMatches) return 'wrong-password';
  if (account.disabledAt) return 'account-disabled';
  return null;
}

/**
 * The credentials check behind the sign-in endpoint (next-auth's `authorize`; tests call it
 * directly). Refused per client address (5 guesses per account in 15 minutes, 100 failures an
 * hour), slowed down per account, audited whatever the outcome (lib/data/sign-in-limits.ts).
 * SECURITY: every refusal is the same `credentials` error, so the answer never reveals whether an
 * account exists, is disabled or has no password; unknown emails still pay for a hash.
 */
export async function authenticate(input: unknown, context: RequestContext): Promise<SignInResult> {
  const fields = (input ?? {}) as Record<string, unknown>;
  const email = normalizeEmail(asString(fields.email));
  const password = asString(fields.password);
  const wellFormed =
    email.length > 0 &&
    email.length <= MAX_EMAIL &&
    password.length > 0 &&
    password.length <= MAX_PASSWORD;

  const permit = await reserveSignInAttempt(email, context.ip);
  const account = wellFormed ? await findSignInAccount(email) : null;

  if (!permit.allowed) {
    await recordSignInAttempt({
      email,
      account,
      outcome: 'DENIED',
      reason: `rate-limited-${permit.scope}`,
      context,
    });
    const minutes = Math.ceil(permit.retryAfterSeconds / 60);
    return { ok: false, error: { kind: 'too-many-attempts', minutes } };
  }

  // SECURITY: held before the password is checked, so a caller who stops waiting learns nothing.
  if (permit.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, permit.delayMs));

  const passwordMatches = wellFormed
    ? await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password)
    : false;
  const failure = wellFormed ? reasonFor(account, passwordMatches) : 'malformed-input';
  if (failure || !account) {
    await recordSignInAttempt({
      email,
      account,
      outcome: 'FAILED',
      reason: failure ?? undefined,
      context,
    });
    return { ok: false, error: { kind: 'credentials' } };
  }

  await settleSuccessfulSignIn(email, context.ip);
  // The password was right: an account with a second factor also needs its code (audited there).
  const secondFactor = await checkSignInSecondFactor(
    account,
    { code: asString(fields.code) },
    context,
  );
  if (secondFactor) return { ok: false, error: secondFactor };
  await recordSignInAttempt({ email, account, outcome: 'ALLOWED', context });
  return {
    ok: true,
    user: {
      id: account.id,
      name: account.name,
      email: account.email,
      role: account.role,
      organizationId: account.organizationId,
      patientId: account.role === 'PATIENT' ? account.patientId : null,
      sessionVersion: account.sessionVersion,
    },
  };
}

/**
 * SECURITY: the check every session read passes through (next-auth's jwt callback, run by
 * `getServerSession` in getViewer and by /api/auth/session): the token's own idle and absolute
 * limits, then the account row (active, same sessionVersion, same role and organization).
 * Returns the token with the account's current name and email; throws SessionEndedError.
 */
export async function checkSessionToken(raw: JWT, now: Date): Promise<SessionToken> {
  const parsed = SessionToken.safeParse(raw);
  if (!parsed.success) throw new SessionEndedError('invalid');
  const token = parsed.data;
  const state = sessionState(token, now);
  if (state !== 'active') throw new SessionEndedError(state);
  const account = await findSessionAccount({
    userId: token.sub,
    sessionVersion: token.sessionVersion,
    role: token.role,
    organizationId: token.organizationId,
  });
  if (!account) throw new SessionEndedError('revoked');
  return {
    ...token,
    name: account.name,
    email: account.email,
    mustEnrolSecondFactor: account.mustEnrolSecondFactor,
  };
}

function newSessionToken(user: User, now: Date): SessionToken {
  const t = epochSeconds(now);
  return {
    sub: user.id,
    name: user.name ?? '',
    email: user.email ?? '',
    role: user.role,
    organizationId: user.organizationId,
    patientId: user.patientId,
    sessionVersion: user.sessionVersion,
    authTime: t,
    lastActivity: t,
  };
}

/** Email, password and (when the account has one) a second-factor code, checked by `authenticate`. */
function credentialsProvider(context?: RequestContext) {
  return CredentialsProvider({
    name: 'Email and password',
    credentials: {
      email: { label: 'Email', type: 'email' },
      password: { label: 'Password', type: 'password' },
      code: { label: 'Code from your authenticator app, or a recovery code', type: 'text' },
    },
    async authorize(credentials, request) {
      const headers = (request?.headers ?? {}) as Record<string, string | undefined>;
      const caller = context ?? requestContextFrom((name) => headers[name]);
      let result: SignInResult;
      try {
        result = await authenticate(credentials, caller);
      } catch (error) {
        // Never let a database message travel to the client in the error URL.
        log.error('sign-in failed unexpectedly', { requestId: caller.requestId, error });
        throw new Error(signInErrorCode({ kind: 'unavailable' }));
      }
      if (result.ok) return result.user;
      if (result.error.kind === 'credentials') return null;
      throw new Error(signInErrorCode(result.error));
    },
  });
}

/**
 * next-auth's configuration. `context` (the route handler passes it) puts the caller's IP and user
 * agent on sign-in and sign-out audit events, and `origin` (the address the request was sent to)
 * keeps redirects there; getServerSession uses the bare `authOptions`.
 */
export function buildAuthOptions(context?: RequestContext, origin?: string): AuthOptions {
  const secure = usesSecureCookies(process.env.NEXTAUTH_URL);
  return {
    secret: process.env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_SECONDS },
    // next-auth's format, the derived key kept (lib/auth/session-jwt.ts).
    jwt: { encode: encodeSession, decode: decodeSession },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(secure),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: [credentialsProvider(context)],
    callbacks: {
      // SECURITY: only a path on this app (no open redirect), at the address the browser used
      // (127.0.0.1, a LAN address), so signing out does not go to NEXTAUTH_URL's host, where it
      // may not reach the app. Absolute: next-auth's client parses it with `new URL`.
      redirect({ url, baseUrl }) {
        return `${origin ?? baseUrl}${relativeRedirect(url)}`;
      },
      async jwt({ token, user }) {
        const now = new Date();
        if (user) return newSessionToken(user, now);
        return checkSessionToken(token, now);
      },
      async session({ session, token }) {
        const checked = token as unknown as SessionToken;
        return {
          expires: session.expires,
          user: {
            id: checked.sub,
            name: checked.name,
            email: checked.email,
            role: checked.role,
            organizationId: checked.organizationId,
            patientId: checked.patientId,
            ...(checked.mustEnrolSecondFactor ? { mustEnrolSecondFactor: true as const } : {}),
          },
        };
      },
    },
    events: {
      async signOut({ token }) {
        const parsed = SessionToken.safeParse(token);
        if (!parsed.success) return;
        await recordSignOut({
          userId: parsed.data.sub,
          organizationId: parsed.data.organizationId,
          role: parsed.data.role,
          email: parsed.data.email,
          sessionVersion: parsed.data.sessionVersion,
          context: context ?? {},
        });
      },
    },
    logger: {
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : metadata?.error;
        // An ended session is routine (idle, expired, revoked), not an error worth a stack trace.
        if (error instanceof SessionEndedError) return;
        log.error(`next-auth ${code}`, { metadata });
      },
      warn(code) {
        log.warn(`next-auth ${code}`);
      },
      debug() {},
    },
  };
}

/** For `getServerSession(authOptions)` in lib/auth/session.ts. */
export const authOptions: AuthOptions = buildAuthOptions();
