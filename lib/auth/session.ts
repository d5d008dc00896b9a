import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { authOptions } from '@/lib/auth/options';
import type { RequestContext } from '@/lib/auth/session-policy';
import { requestContextFrom } from '@/lib/http/request-context';
import type { Role, Viewer } from '@/lib/auth/viewer';

// One session check per render: layouts and pages that each ask share it.
const readSession = cache(() => getServerSession(authOptions));

/**
 * The signed-in viewer for Server Components and route handlers, or null when signed out, idle
 * past 30 minutes, past 12 hours, disabled or revoked. Route handlers may pass the request's
 * context; otherwise it is read from the request headers.
 * SECURITY: getServerSession runs the jwt callback (checkSessionToken in lib/auth/options.ts) on
 * the token it reads, on every call: idle and absolute limits, then the account row through
 * lib/data/accounts.ts (not disabled, same sessionVersion), so a revocation takes effect at once.
 */
export async function getViewer(context?: RequestContext): Promise<Viewer | null> {
  const session = await readSession();
  if (!session?.user?.id) return null;
  const { user } = session;
  const caller = context ?? (await currentRequestContext());
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    name: user.name,
    email: user.email,
    ...(user.role === 'PATIENT' && user.patientId ? { patientId: user.patientId } : {}),
    ...(user.mustEnrolSecondFactor ? { mustEnrolSecondFactor: true as const } : {}),
    ip: caller.ip,
    userAgent: caller.userAgent,
    requestId: caller.requestId,
    clientRequestId: caller.clientRequestId,
    ...(caller.background ? { background: true } : {}),
  };
}

async function currentRequestContext(): Promise<RequestContext> {
  const incoming = await headers();
  return requestContextFrom((name) => incoming.get(name));
}

/** Where a clinician or admin sets up a second factor. */
export const SECOND_FACTOR_PAGE = '/account/security';

/**
 * For pages that need a signed-in viewer: redirects to /sign-in when there is none.
 * SECURITY: the one page gate of the second-factor requirement: a viewer who must enrol goes to
 * the enrolment page from every page but that one (`allowEnrolmentPending`).
 */
export async function requireViewer(
  options: { allowEnrolmentPending?: boolean } = {},
): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/sign-in');
  if (viewer.mustEnrolSecondFactor && !options.allowEnrolmentPending) redirect(SECOND_FACTOR_PAGE);
  return viewer;
}

/**
 * For pages of one or more roles: requireViewer, then not-found for any other role, so a page
 * outside the viewer's role answers as if it did not exist.
 */
export async function requireRole(...roles: Role[]): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!roles.includes(viewer.role)) notFound();
  return viewer;
}
