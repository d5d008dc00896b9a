import 'server-only';
import { z } from 'zod';
import { db, type Tx } from '@/lib/db';
import { recordAccess, writeAuditEvent, type AuditEntry } from '@/lib/data/audit';
import type { Role, Viewer } from '@/lib/auth/viewer';
import type { RequestContext } from '@/lib/auth/session-policy';
import { mayUseSecondFactor } from '@/lib/auth/second-factor';

// Any 8-4-4-4-12 hex id: seeded ids need not carry a UUID version.
const Uuid = z.guid();

/** Emails are stored lower-cased and trimmed; anyone storing or looking one up normalizes first. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An account as the sign-in check sees it (with its hash): lib/auth/options.ts only. */
export type SignInAccount = {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  disabledAt: Date | null;
  sessionVersion: number;
  patientId: string | null;
};

/**
 * For the credentials sign-in only (lib/auth/options.ts): the account with this email, disabled or
 * not, with its password hash; null when there is none. Never return it to a client.
 */
export async function findSignInAccount(email: string): Promise<SignInAccount | null> {
  const user = await db.user.findUnique({
    where: { email: normalizeEmail(email) },
    select: {
      id: true,
      organizationId: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      disabledAt: true,
      sessionVersion: true,
      patient: { select: { id: true } },
    },
  });
  if (!user) return null;
  const { patient, ...account } = user;
  return { ...account, patientId: patient?.id ?? null };
}

/** The current facts of a signed-in account, for the session check. */
export type SessionAccount = {
  id: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
  /** Its organization requires a second factor for its role and it has none yet. */
  mustEnrolSecondFactor: boolean;
};

/**
 * For the session check on every request (lib/auth only): the account behind a session token, or
 * null when it is disabled, its sessions were revoked (sessionVersion bumped), or its role or
 * organization changed since sign-in.
 * SECURITY: one primary-key lookup; every condition is in the `where`.
 */
export async function findSessionAccount(token: {
  userId: string;
  sessionVersion: number;
  role: Role;
  organizationId: string;
}): Promise<SessionAccount | null> {
  if (!Uuid.safeParse(token.userId).success || !Uuid.safeParse(token.organizationId).success) {
    return null;
  }
  const account = await db.user.findFirst({
    where: {
      id: token.userId,
      sessionVersion: token.sessionVersion,
      disabledAt: null,
      role: token.role,
      organizationId: token.organizationId,
    },
    select: {
      id: true,
      organizationId: true,
      role: true,
      name: true,
      email: true,
      organization: { select: { requireSecondFactor: true } },
      secondFactor: { select: { enabledAt: true } },
    },
  });
  if (!account) return null;
  const { organization, secondFactor, ...rest } = account;
  return {
    ...rest,
    // SECURITY: the organization's rule is read on every request, so turning it on applies at once.
    mustEnrolSecondFactor:
      organization.requireSecondFactor &&
      mayUseSecondFactor(account.role) &&
      !secondFactor?.enabledAt,
  };
}

/** Audit outcome of a sign-in attempt. */
export type SignInOutcome = 'ALLOWED' | 'FAILED' | 'DENIED';

/**
 * Records one sign-in attempt in the audit trail (lib/auth/options.ts only). `account` is the
 * account the email named, if any; FAILED for a wrong or unusable credential, DENIED when
 * rate-limited. A failure or refusal is counted on the account; a success turns that count into
 * the owner's notice (getSignInNotice) and starts it again.
 */
export async function recordSignInAttempt(attempt: {
  email: string;
  account: Pick<SignInAccount, 'id' | 'organizationId' | 'role'> | null;
  outcome: SignInOutcome;
  reason?: string;
  context: RequestContext;
}): Promise<void> {
  const { account, outcome, context } = attempt;
  const entry: AuditEntry = {
    organizationId: account?.organizationId ?? null,
    // Only a verified sign-in has an actor; a failure merely names the account it tried.
    actorId: outcome === 'ALLOWED' ? (account?.id ?? null) : null,
    actorRole: outcome === 'ALLOWED' ? (account?.role ?? null) : null,
    actorEmail: normalizeEmail(attempt.email).slice(0, 320) || null,
    action: 'sign-in',
    resourceType: 'session',
    resourceId: account?.id ?? null,
    outcome,
    ip: context.ip ?? null,
    userAgent: context.userAgent ?? null,
    requestId: context.requestId ?? null,
    clientRequestId: context.clientRequestId ?? null,
    detail: attempt.reason ?? null,
  };
  await db.$transaction(async (tx) => {
    await writeAuditEvent(tx, entry);
    if (!account) return;
    if (outcome === 'ALLOWED') {
      // One statement, so a failure counted meanwhile is neither lost nor counted twice.
      await tx.$executeRaw`UPDATE "User" SET "failedSignInsNotice" = "failedSignIns", "failedSignIns" = 0 WHERE "id" = ${account.id}::uuid`;
    } else {
      await countFailedSignIn(tx, account.id);
    }
  });
}

/**
 * Counts one failed or refused sign-in on the account, for its owner's notice (getSignInNotice):
 * a wrong password here, a wrong second-factor code in lib/data/second-factor.ts. Inside the
 * transaction that audits the attempt.
 */
export async function countFailedSignIn(tx: Tx, userId: string): Promise<void> {
  await tx.user.updateMany({ where: { id: userId }, data: { failedSignIns: { increment: 1 } } });
}

/**
 * The signed-in account holder, about their own account: how many sign-in attempts failed (or
 * were refused) between their previous sign-in and their latest one, until they dismiss it; 0 when
 * there is nothing to say.
 */
export async function getSignInNotice(viewer: Viewer): Promise<{ failedAttempts: number }> {
  const user = await db.user.findFirst({
    where: { id: viewer.userId, organizationId: viewer.organizationId },
    select: { failedSignInsNotice: true },
  });
  return { failedAttempts: user?.failedSignInsNotice ?? 0 };
}

/** The signed-in account holder: hides the failed-attempts notice until their next sign-in. Audited. */
export async function dismissSignInNotice(viewer: Viewer): Promise<void> {
  await db.$transaction(async (tx) => {
    const dismissed = await tx.user.updateMany({
      where: { id: viewer.userId, organizationId: viewer.organizationId },
      data: { failedSignInsNotice: 0 },
    });
    await recordAccess(tx, viewer, 'update', 'user', {
      resourceId: viewer.userId,
      outcome: dismissed.count === 1 ? 'ALLOWED' : 'FAILED',
      detail: 'failed sign-in notice dismissed',
    });
  });
}

/**
 * Ends a session at sign-out (next-auth's signOut event, lib/auth/options.ts only): bumps the
 * account's sessionVersion and records the sign-out in the audit trail.
 * SECURITY: the session token is a signed cookie, and a request still in flight when the user
 * signs out may set a refreshed copy of it again; bumping the version makes every copy worthless.
 * This signs the account out on its other devices too.
 */
export async function recordSignOut(session: {
  userId: string;
  organizationId: string;
  role: Role;
  email: string;
  sessionVersion: number;
  context: RequestContext;
}): Promise<void> {
  const { context } = session;
  await db.$transaction(async (tx) => {
    await tx.user.updateMany({
      where: { id: session.userId, sessionVersion: session.sessionVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    await writeAuditEvent(tx, {
      organizationId: session.organizationId,
      actorId: session.userId,
      actorRole: session.role,
      actorEmail: session.email,
      action: 'sign-out',
      resourceType: 'session',
      resourceId: session.userId,
      outcome: 'ALLOWED',
      ip: context.ip ?? null,
      userAgent: context.userAgent ?? null,
      requestId: context.requestId ?? null,
      clientRequestId: context.clientRequestId ?? null,
    });
  });
}
