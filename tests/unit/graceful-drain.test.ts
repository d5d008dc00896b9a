// SIGTERM on the server in front of Next (scripts/next-server.ts, docs/decisions/030): it stops
// taking connections, lets a request in flight finish, cuts an event stream at once and a request
// that outlives the grace period at its end, logs each request by its pattern, and exits 0.
import { spawn } from 'node:child_process';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const GRACE_MS = 1500;

type Answer = {
  status?: number;
  headers?: IncomingMessage['headers'];
  body: string;
  error?: string;
};

/** A GET that resolves when its response ends or its connection fails, whichever comes. */
function get(port: number, path: string, onData?: () => void): Promise<Answer> {
  return new Promise((resolve) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
        onData?.();
      });
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body }),
      );
      response.on('error', (e) => resolve({ status: response.statusCode, body, error: e.message }));
    });
    sent.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ body: '', error: error.code ?? error.message }),
    );
    sent.end();
  });
}

function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/drain-child.ts'], {
    env: { ...process.env, DRAIN_GRACE_MS: String(GRACE_MS), TRIAD_LOG_FILE: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters: { test: (line: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    lines.push(line);
    for (const waiter of waiters.filter((w) => w.test(line))) waiter.resolve();
  });
  const until = (test: (line: Record<string, unknown>) => boolean) =>
    lines.find(test)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ test, resolve }));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, lines, until, exited };
}

describe('the server draining on SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, and exits 0', async () => {
    const { child, lines, until, exited } = startChild();
    await until((line) => typeof line.port === 'number');
    const port = lines.find((line) => line.port)!.port as number;

    let streamed!: () => void;
    const streamOpen = new Promise<void>((resolve) => (streamed = resolve));
    const stream = get(port, '/stream', () => streamed());
    const hang = get(port, '/hang');
    const slow = get(port, '/slow?search=Jane%20Doe');
    await Promise.all([
      streamOpen,
      until((line) => line.started === '/slow'),
      until((line) => line.started === '/hang'),
    ]);

    const signalled = Date.now();
    child.kill('SIGTERM');
    await until((line) => line.msg === 'draining: taking no new connections');
    expect((await get(port, '/fast')).error).toBe('ECONNREFUSED');

    // The event stream is cut at once; the slow request completes whole.
    await stream;
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS);
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: 'done' });
    expect(answer.headers?.connection).toBe('close');
    // The hanging one is cut when the grace period ends, and the process exits cleanly.
    expect((await hang).error).toBeDefined();
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(GRACE_MS - 50);

    // One log line per request: its pattern, status and latency, never its query string.
    const logged = lines.filter((line) => line.msg === 'request');
    expect(logged.find((line) => line.route === '/slow')).toMatchObject({
      method: 'GET',
      status: 200,
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(logged.find((line) => line.route === '/slow')!.ms).toBeGreaterThanOrEqual(700);
    expect(logged.find((line) => line.route === '/hang')).toMatchObject({ aborted: true });
    expect(JSON.stringify(lines)).not.toContain('Jane');
  }, 20_000);
});
