// Who is on the other end of a request, decided once per request by the server in front of Next
// (scripts/next-server.ts) from the TCP socket and TRUST_PROXY (docs/decisions/011-trusted-proxies.md).
import proxyAddr from 'proxy-addr';

/** Whether the hop at `address`, `index` hops from the server, is a proxy we trust. */
export type TrustProxy = (address: string, index: number) => boolean;

const TRUST_NONE: TrustProxy = () => false;

/**
 * SECURITY: reads TRUST_PROXY. Unset or empty: no proxy is trusted, the client is the socket's
 * peer. A whole number N: the N hops nearest the server are proxies. Otherwise a comma-separated
 * list of addresses and CIDR ranges (or proxy-addr's `loopback`, `linklocal`, `uniquelocal`).
 * Throws, with one line saying what is wrong, on anything else.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '') return TRUST_NONE;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops === 0 ? TRUST_NONE : (_address, index) => index < hops;
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    return proxyAddr.compile(entries);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must be a number of proxy hops or a comma-separated list of addresses and CIDR ranges: ${(error as Error).message}.`,
    );
  }
}

/** What the server knows of an incoming request before deciding whom to believe. */
export type IncomingView = {
  /** The TCP peer's address. */
  socketAddress: string | undefined;
  /** Whether the connection itself is TLS. */
  encrypted: boolean;
  headers: Record<string, string | string[] | undefined>;
};

/** The request as the client made it: its address, and the scheme and host it asked for. */
export type ClientView = {
  ip: string | undefined;
  proto: 'http' | 'https';
  host: string | undefined;
};

function firstValue(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text?.split(',')[0]?.trim() || undefined;
}

// `::ffff:127.0.0.1` and `127.0.0.1` are one client, for the per-address limit as for the audit.
function plainAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, '$1').slice(0, 64);
}

/**
 * SECURITY: the client's address is the nearest hop that is not a trusted proxy, walking
 * X-Forwarded-For from the socket outwards (proxy-addr, as Express does). The scheme and host come
 * from X-Forwarded-Proto / X-Forwarded-Host only when the socket's peer is a trusted proxy, else
 * from the connection and the Host header. X-Real-IP and Forwarded are never read.
 */
export function resolveClient(request: IncomingView, trust: TrustProxy): ClientView {
  const socketAddress = request.socketAddress ?? '';
  const forwardedFor = joinedHeader(request.headers['x-forwarded-for']);
  const view = {
    socket: { remoteAddress: socketAddress },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  } as unknown as Parameters<typeof proxyAddr>[0];
  const ip = socketAddress ? plainAddress(proxyAddr(view, trust)) : undefined;

  const peerTrusted = socketAddress !== '' && trust(socketAddress, 0);
  const forwardedProto = peerTrusted ? firstValue(request.headers['x-forwarded-proto']) : undefined;
  const proto =
    forwardedProto === 'https' || forwardedProto === 'http'
      ? forwardedProto
      : request.encrypted
        ? 'https'
        : 'http';
  const host =
    (peerTrusted ? firstValue(request.headers['x-forwarded-host']) : undefined) ??
    firstValue(request.headers.host);
  return { ip, proto, host: host?.slice(0, 255) };
}

// Several X-Forwarded-For headers are one list, in order (RFC 9110, 5.3).
function joinedHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
