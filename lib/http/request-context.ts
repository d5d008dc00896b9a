// The one reader of who is calling, from where, and at which address of the app. The server in
// front of Next (scripts/next-server.ts) resolves these once per request from the socket and
// TRUST_PROXY and hands them over in internal headers, after removing any copy the client sent;
// everything else (the API wrapper, next-auth's route, pages, the proxy) reads them here.
import { isBackgroundRequest, type RequestContext } from '@/lib/auth/session-policy';
import type { ClientView } from '@/lib/http/client-address';

/** The internal headers, set by the server in front of Next and never taken from a client. */
export const INTERNAL_HEADERS = {
  key: 'x-triad-edge-key',
  ip: 'x-triad-client-ip',
  proto: 'x-triad-proto',
  host: 'x-triad-host',
  requestId: 'x-triad-request-id',
} as const;

/** The environment variable through which the server in front of Next shares its per-start key. */
export const EDGE_KEY_ENV = 'TRIAD_EDGE_KEY';

type HeaderReader = (name: string) => string | null | undefined;

/** The internal headers for one request (scripts/next-server.ts, and tests that play its part). */
export function internalHeaders(
  client: ClientView,
  requestId: string,
  key: string,
): Record<string, string> {
  const headers: Record<string, string> = {
    [INTERNAL_HEADERS.key]: key,
    [INTERNAL_HEADERS.proto]: client.proto,
    [INTERNAL_HEADERS.requestId]: requestId,
  };
  if (client.ip) headers[INTERNAL_HEADERS.ip] = client.ip;
  if (client.host) headers[INTERNAL_HEADERS.host] = client.host;
  return headers;
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * SECURITY: the internal headers count only when they carry this process's key, so an app started
 * without the server in front (a bare `next start`) believes no client-sent copy: its callers have
 * no known address rather than a chosen one.
 */
function fromEdge(header: HeaderReader): boolean {
  const key = process.env[EDGE_KEY_ENV];
  const sent = header(INTERNAL_HEADERS.key);
  return !!key && !!sent && sameText(key, sent);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_CLIENT_REQUEST_ID = 128;

/** A client's X-Request-Id, kept for correlation: printable ASCII only, at most 128 characters. */
export function clientRequestIdFrom(value: string | null | undefined): string | undefined {
  const printable = value?.replace(/[^\x20-\x7e]/g, '').trim();
  return printable ? printable.slice(0, MAX_CLIENT_REQUEST_ID) : undefined;
}

/**
 * Who is calling from where, for the audit trail and the per-address sign-in limit: the client
 * address the server in front resolved (undefined when it did not), the user agent, the server's
 * own request id, and the client's X-Request-Id only as `clientRequestId`.
 */
export function requestContextFrom(header: HeaderReader): RequestContext & { requestId: string } {
  const edge = fromEdge(header);
  const ip = edge ? header(INTERNAL_HEADERS.ip) || undefined : undefined;
  const edgeRequestId = edge ? header(INTERNAL_HEADERS.requestId) : undefined;
  const requestId =
    edgeRequestId && UUID.test(edgeRequestId) ? edgeRequestId : globalThis.crypto.randomUUID();
  const userAgent = header('user-agent')?.slice(0, 512) || undefined;
  const clientRequestId = clientRequestIdFrom(header('x-request-id'));
  return {
    ip,
    userAgent,
    requestId,
    ...(clientRequestId ? { clientRequestId } : {}),
    ...(isBackgroundRequest(header) ? { background: true } : {}),
  };
}

/**
 * The origin the client asked for (`https://triad.example`, `http://127.0.0.1:3000`): the scheme
 * and host the server in front resolved (the forwarded ones only from a trusted proxy); without
 * it, the Host header and the scheme of `url`.
 */
export function requestOrigin(header: HeaderReader, url: URL): string {
  const edge = fromEdge(header);
  const proto = edge ? header(INTERNAL_HEADERS.proto) : url.protocol.replace(/:$/, '');
  const host = (edge ? header(INTERNAL_HEADERS.host) : header('host')) || url.host;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return url.origin;
  }
}

/** Whether the client reached the app over HTTPS (directly, or at a trusted proxy). */
export function isHttps(header: HeaderReader, url: URL): boolean {
  return requestOrigin(header, url).startsWith('https://');
}

/**
 * The origins besides the request's own that may send changes: NEXTAUTH_URL and the
 * comma-separated ALLOWED_ORIGINS; `invalid` lists entries that are not URLs (refused at start-up).
 */
export function allowedOrigins(): { origins: Set<string>; invalid: string[] } {
  const origins = new Set<string>();
  const invalid: string[] = [];
  const listed = [process.env.NEXTAUTH_URL, ...(process.env.ALLOWED_ORIGINS ?? '').split(',')];
  for (const entry of listed) {
    const text = entry?.trim();
    if (!text) continue;
    try {
      origins.add(new URL(text).origin);
    } catch {
      invalid.push(text);
    }
  }
  return { origins, invalid };
}
