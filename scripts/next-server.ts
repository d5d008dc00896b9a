// The HTTP server in front of Next (started by scripts/serve.ts): it decides once per request who
// the client is, from the TCP socket and TRUST_PROXY, and tells the app in internal headers that no
// client can forge (docs/decisions/011-trusted-proxies.md). Next itself cannot see the socket.
// It also sees every request end: it writes the one log line per request and records the request
// metrics, labelled with the route pattern, and it drains on SIGTERM
// (docs/decisions/030-health-logs-metrics.md).
//
//   node --import tsx/esm scripts/next-server.ts dev|start --port N
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';
import { parseTrustProxy, resolveClient, type TrustProxy } from '../lib/http/client-address';
import {
  allowedOrigins,
  EDGE_KEY_ENV,
  INTERNAL_HEADERS,
  internalHeaders,
} from '../lib/http/request-context';
import { startDraining } from '../lib/http/draining';
import { appPatterns, routeLabeller } from '../lib/http/route-pattern';
import { log } from '../lib/log';
import { recordRequest } from '../lib/metrics';

// SECURITY: what a client may claim about where it comes from. Removed from every request; the
// trusted values replace them, so Next and the libraries it runs see only those.
const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  ...Object.values(INTERNAL_HEADERS),
];

/** Rewrites a request's headers to what the server knows; returns the request id it gave it. */
export function prepareRequest(request: IncomingMessage, trust: TrustProxy, key: string): string {
  const client = resolveClient(
    {
      socketAddress: request.socket.remoteAddress,
      encrypted: (request.socket as TLSSocket).encrypted === true,
      headers: request.headers,
    },
    trust,
  );
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
  const requestId = randomUUID();
  Object.assign(request.headers, internalHeaders(client, requestId, key));
  if (client.ip) request.headers['x-forwarded-for'] = client.ip;
  request.headers['x-forwarded-proto'] = client.proto;
  if (client.host) {
    request.headers['x-forwarded-host'] = client.host;
    request.headers.host = client.host;
  }
  return requestId;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export type FrontOptions = {
  trust: TrustProxy;
  key: string;
  /** The route pattern of a request URL (lib/http/route-pattern.ts). */
  labelRoute: (url: string) => string;
};

export type FrontServer = {
  server: Server;
  /** Stops taking requests, lets those in flight finish for up to `graceMs`, then closes all. */
  drain: (graceMs: number) => Promise<void>;
};

const isEventStream = (response: ServerResponse) =>
  String(response.getHeader('content-type') ?? '').startsWith('text/event-stream');

/** Logs and measures one request once its response has ended (or its client went away). */
function onEnd(
  request: IncomingMessage,
  response: ServerResponse,
  route: string,
  requestId: string,
) {
  const started = process.hrtime.bigint();
  return () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = response.statusCode;
    recordRequest({ method: request.method, route, status, seconds });
    // SECURITY: the pattern, never the raw URL: no ids, no query string (search terms are names).
    log.info('request', {
      requestId,
      method: request.method,
      route,
      status,
      ms: Math.round(seconds * 10_000) / 10,
      ...(response.writableFinished ? {} : { aborted: true }),
    });
  };
}

/** The HTTP server in front of `handle`, and the way to drain it (exported for the drain test). */
export function createFrontServer(handle: Handler, options: FrontOptions): FrontServer {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let settled: (() => void) | undefined;

  const listener: RequestListener = (request, response) => {
    // Before Next sees the request: it may rewrite request.url.
    const route = options.labelRoute(request.url ?? '/');
    const requestId = prepareRequest(request, options.trust, options.key);
    response.setHeader('X-Request-Id', requestId);
    // A kept-alive connection would carry the client's next request to a server on its way out.
    if (draining) response.setHeader('Connection', 'close');
    inFlight.add(response);
    const logEnd = onEnd(request, response, route, requestId);
    response.once('close', () => {
      inFlight.delete(response);
      logEnd();
      if (draining && inFlight.size === 0) settled?.();
    });
    handle(request, response).catch((error: unknown) => {
      log.error('the request could not be served', { requestId, error });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
  const server = createServer(listener);

  /** Resolves once no request is in flight, or after `ms`. */
  const settledWithin = async (ms: number) => {
    if (inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const allDone = new Promise<void>((resolve) => (settled = resolve));
    await Promise.race([allDone, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
    clearTimeout(timer);
  };

  const drain = async (graceMs: number) => {
    draining = true;
    startDraining(); // /api/ready answers 503 from now on
    server.close(); // no new connections
    server.closeIdleConnections();
    log.info('draining: taking no new connections', { inFlight: inFlight.size, graceMs });
    // Event streams never end by themselves: cut them now; their clients reconnect elsewhere.
    for (const response of inFlight) if (isEventStream(response)) response.destroy();
    await settledWithin(graceMs);
    if (inFlight.size > 0) {
      log.warn('shutting down with requests still in flight', { requests: inFlight.size, graceMs });
    }
    server.closeAllConnections();
    await settledWithin(250); // the cut requests' own log lines
  };
  return { server, drain };
}

/** TRUST_PROXY and ALLOWED_ORIGINS, or the process ends with the reason. */
function checkedConfiguration(): TrustProxy {
  let trust: TrustProxy;
  try {
    trust = parseTrustProxy(process.env.TRUST_PROXY);
  } catch (error) {
    console.error(`triad: ${(error as Error).message}`);
    process.exit(1);
  }
  const { invalid } = allowedOrigins();
  if (invalid.length > 0) {
    console.error(`triad: ALLOWED_ORIGINS holds entries that are not URLs: ${invalid.join(', ')}`);
    process.exit(1);
  }
  return trust;
}

/**
 * On SIGTERM (or SIGINT): drain, close Next, exit 0. Once only: Ctrl-C reaches this process both
 * from the terminal and through scripts/serve.ts, and Playwright signals the whole process group.
 */
export function exitOnSignal(front: FrontServer, graceMs: number, close: () => Promise<void>) {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    void front
      .drain(graceMs)
      .then(close)
      .catch((error: unknown) => log.error('the server did not close cleanly', { error }))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' } },
  });
  const dev = positionals[0] === 'dev';
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const trust = checkedConfiguration();
  // Loaded here, not at the top: the drain test imports this module without a database.
  const { env } = await import('../lib/env');

  // The internal headers count only with this key, made anew at each start (lib/http/request-context.ts).
  const key = randomBytes(32).toString('base64url');
  process.env[EDGE_KEY_ENV] = key;

  const app = next({ dev, port, hostname: 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();

  const labelRoute = routeLabeller(appPatterns(path.resolve('app')));
  const front = createFrontServer(handle, { trust, key, labelRoute });
  front.server.listen(port, () => {
    log.info(`ready on port ${port}`, { trustProxy: process.env.TRUST_PROXY || 'none' });
  });
  exitOnSignal(front, env.SHUTDOWN_GRACE_MS, () => app.close());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
