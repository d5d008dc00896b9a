import 'server-only';
import type { NextRequest } from 'next/server';
import { getToken } from 'next-auth/jwt';
import { checkSessionToken, SessionEndedError } from '@/lib/auth/options';
import { decodeSession } from '@/lib/auth/session-jwt';
import { usesSecureCookies, type RequestContext } from '@/lib/auth/session-policy';
import type { Viewer } from '@/lib/auth/viewer';

/**
 * The signed-in viewer of an API request, read from the request's own session cookie (so route
 * handlers run the same outside Next's request scope, as the API tests call them), or null.
 * SECURITY: the same check as getViewer: idle and absolute limits, then the account row.
 */
export async function viewerFromRequest(
  request: NextRequest,
  context: RequestContext,
): Promise<Viewer | null> {
  const raw = await getToken({
    req: request,
    secret: process.env.NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(process.env.NEXTAUTH_URL),
    decode: decodeSession,
  });
  if (!raw) return null;
  try {
    const token = await checkSessionToken(raw, new Date());
    return {
      userId: token.sub,
      organizationId: token.organizationId,
      role: token.role,
      name: token.name,
      email: token.email,
      ...(token.role === 'PATIENT' && token.patientId ? { patientId: token.patientId } : {}),
      ...(token.mustEnrolSecondFactor ? { mustEnrolSecondFactor: true as const } : {}),
      ...context,
    };
  } catch (error) {
    if (error instanceof SessionEndedError) return null;
    throw error;
  }
}
