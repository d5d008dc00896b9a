// The HTTP server in front of Next (started by scripts/serve.ts): it decides once per request who
// the client is, from the TCP socket and TRUST_PROXY, and tells the app in internal headers that no
// client can forge (docs/decisions/011-trusted-proxies.md). Next itself cannot see the socket.
//
//   node --import tsx/esm scripts/next-server.ts dev|start --port N
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
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
import { log } from '../lib/log';

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

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' } },
  });
  const dev = positionals[0] === 'dev';
  const port = Number(values.port ?? process.env.PORT ?? 3000);

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

  // The internal headers count only with this key, made anew at each start (lib/http/request-context.ts).
  const key = randomBytes(32).toString('base64url');
  process.env[EDGE_KEY_ENV] = key;

  const app = next({ dev, port, hostname: 'localhost' });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request, response) => {
    const requestId = prepareRequest(request, trust, key);
    response.setHeader('X-Request-Id', requestId);
    handle(request, response).catch((error: unknown) => {
      log.error('the request could not be served', { requestId, error });
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.listen(port, () => {
    log.info(`ready on port ${port}`, { trustProxy: process.env.TRUST_PROXY || 'none' });
  });

  const stop = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
