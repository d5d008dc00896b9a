// The server in front of Next, with a stand-in handler instead of Next, in a process of its own:
// the graceful-drain test (tests/unit/graceful-drain.test.ts) signals it mid-request. It prints
// {"port":N} once listening and {"started":path} as each request reaches the handler; the server's
// own log lines (pino JSON) go to the same standard output.
//
//   DRAIN_GRACE_MS=1500 node --import tsx tests/support/drain-child.ts
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseTrustProxy } from '@/lib/http/client-address';
import { routeLabeller } from '@/lib/http/route-pattern';
import { createFrontServer, exitOnSignal } from '@/scripts/next-server';

const say = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0]!;
  say({ started: path });
  if (path === '/slow') {
    await new Promise((resolve) => setTimeout(resolve, 800));
    response.end('done');
  } else if (path === '/stream') {
    response.writeHead(200, { 'Content-Type': 'text/event-stream' });
    response.write('data: {}\n\n'); // and never ends, as a live-notification stream
  } else if (path === '/hang') {
    // Never answers: the grace period ends it.
  } else {
    response.end('ok');
  }
}

const front = createFrontServer(handle, {
  trust: parseTrustProxy(undefined),
  key: 'drain-test-key',
  labelRoute: routeLabeller(['/slow', '/stream', '/hang', '/fast']),
});
exitOnSignal(front, Number(process.env.DRAIN_GRACE_MS), async () => {});
front.server.listen(0, '127.0.0.1', () => {
  const address = front.server.address();
  say({ port: typeof address === 'object' && address ? address.port : 0 });
});
