import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { buildAuthOptions } from '@/lib/auth/options';
import { requestContextFrom, requestOrigin } from '@/lib/http/request-context';

// next-auth's standard endpoints: /api/auth/csrf, /api/auth/callback/credentials,
// /api/auth/session, /api/auth/signout. Options are built per request so that sign-in and
// sign-out audit events carry the caller's IP, user agent and request id, and redirects stay at
// the address the browser used.
async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  // SECURITY: next-auth's client-log endpoint writes whatever anyone posts into the server log;
  // its browser client only reports its own errors there and ignores the answer.
  if ((await context.params).nextauth[0] === '_log') {
    return new Response(null, { status: 404 });
  }
  const header = (name: string) => request.headers.get(name);
  const options = buildAuthOptions(
    requestContextFrom(header),
    requestOrigin(header, request.nextUrl),
  );
  return NextAuth(request, context, options) as Promise<Response>;
}

export { handler as GET, handler as POST };
