// The real server (scripts/serve.ts → scripts/next-server.ts → Next) on a loopback port, without
// TRUST_PROXY: forged forwarding headers change neither the audit trail's address nor the per-address
// sign-in limit, saves work at every address of the machine, and /api/auth/_log is off.
// `dev` mode, so no production build is needed; the server in front is the same in both modes.
import { spawn, type ChildProcess } from 'node:child_process';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ACCOUNT_ADDRESS_LIMIT, ADDRESS_LIMIT } from '@/lib/data/sign-in-limits';
import { freePort } from '@/scripts/database';

const STARTUP_MS = 10 * 60_000;
const SPOOFED = {
  'x-forwarded-for': '203.0.113.77, 198.51.100.9',
  'x-real-ip': '203.0.113.78',
  forwarded: 'for=203.0.113.79',
};

let server: ChildProcess | undefined;
let output = '';
let port = 0;

async function waitUntilServing(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (server?.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
    try {
      if ((await fetch(`${base}/sign-in`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`The server did not start in time:\n${output}`);
}

/** A cookie jar of one: the cookies a browser would keep for one address. */
class Browser {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const response = await fetch(`${this.base}${path}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }

  /** Posts the credentials form as the sign-in page's script would; returns next-auth's answer. */
  async signIn(
    email: string,
    password: string,
    headers: Record<string, string> = {},
    json = false,
  ) {
    const { csrfToken } = (await (await this.fetch('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    return this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ csrfToken, email, password, ...(json ? { json: 'true' } : {}) }),
    });
  }
}

function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

describe.skipIf(inject('embeddedDatabase'))('the real server without TRUST_PROXY', () => {
  beforeAll(async () => {
    port = await freePort();
    server = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/serve.ts',
        'dev',
        '--fresh-database',
        '--seed',
        '--port',
        `${port}`,
      ],
      {
        env: {
          ...process.env,
          NEXTAUTH_URL: `http://localhost:${port}`,
          TRUST_PROXY: '',
          ALLOWED_ORIGINS: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilServing(`http://127.0.0.1:${port}`, Date.now() + STARTUP_MS);
  }, STARTUP_MS + 10_000);

  afterAll(async () => {
    if (!server || server.exitCode !== null) return;
    const stopped = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
  }, 30_000);

  it('records the socket’s address and its own request id, whatever the client claims', async () => {
    const browser = new Browser(`http://127.0.0.1:${port}`);
    const signedIn = await browser.signIn('admin@riverbend.test', 'care-team-demo', {
      ...SPOOFED,
      'x-request-id': 'client-chosen-id',
    });
    expect(signedIn.status).toBe(302);
    const serverRequestId = signedIn.headers.get('x-request-id');
    expect(serverRequestId).toMatch(/^[0-9a-f-]{36}$/);

    const me = await (await browser.fetch('/api/v1/me')).json();
    const events = await (
      await browser.fetch(`/api/v1/audit-events?actorId=${me.id}&limit=5`)
    ).json();
    const signIn = events.items.find((e: { action: string }) => e.action === 'sign-in');
    expect(signIn).toMatchObject({
      ip: '127.0.0.1',
      requestId: serverRequestId,
      clientRequestId: 'client-chosen-id',
    });
  }, 180_000);

  it('keeps next-auth’s sign-in and sign-out answers at the address the browser used', async () => {
    const base = `http://127.0.0.1:${port}`;
    const browser = new Browser(base);
    // As next-auth's browser client asks (json=true): it parses the answer with `new URL`.
    const signedIn = await browser.signIn('dr.rivera@riverbend.test', 'care-team-demo', {}, true);
    expect(signedIn.status).toBe(200);
    const { url } = (await signedIn.json()) as { url: string };
    expect(new URL(url).origin).toBe(base);
    expect((await browser.fetch('/api/v1/me')).status).toBe(200);

    const { csrfToken } = (await (await browser.fetch('/api/auth/csrf')).json()) as {
      csrfToken: string;
    };
    const signedOut = await browser.fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, callbackUrl: '/sign-in', json: 'true' }),
    });
    expect(((await signedOut.json()) as { url: string }).url).toBe(`${base}/sign-in`);
    expect((await browser.fetch('/api/v1/me')).status).toBe(401);
  }, 180_000);

  it('saves at 127.0.0.1 and at the machine’s LAN address, and refuses another site', async () => {
    const addresses = [`127.0.0.1:${port}`, `localhost:${port}`];
    const lan = lanAddress();
    if (lan) addresses.push(`${lan}:${port}`);
    for (const address of addresses) {
      const browser = new Browser(`http://${address}`);
      expect((await browser.signIn('admin@riverbend.test', 'care-team-demo')).status).toBe(302);
      const create = (origin: string, n: number) =>
        browser.fetch('/api/v1/users', {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json' },
          body: JSON.stringify({
            role: 'THERAPIST',
            name: `Edge Test ${n}`,
            email: `edge-${port}-${address.replace(/\W/g, '-')}-${n}@riverbend.test`,
          }),
        });
      expect((await create(`http://${address}`, 1)).status, address).toBe(201);
      const refused = await create('https://evil.example', 2);
      expect(refused.status).toBe(403);
      expect((await refused.json()).detail).toContain('ALLOWED_ORIGINS');
    }
  }, 180_000);

  it('keeps /api/auth/_log off: 404, and nothing forged reaches the server log', async () => {
    const browser = new Browser(`http://127.0.0.1:${port}`);
    const response = await browser.fetch('/api/auth/_log', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ level: 'error', code: 'FORGED-LINE\n\u001b[32mall is well' }),
    });
    expect(response.status).toBe(404);
    expect(output).not.toContain('FORGED-LINE');
  }, 60_000);

  // Last: it uses up this address's sign-in allowance.
  it('refuses sign-in from one address past its limits, however many addresses it claims', async () => {
    const browser = new Browser(`http://127.0.0.1:${port}`);
    let n = 0;
    const attempt = async (email: string) => {
      n += 1;
      const answer = await browser.signIn(email, 'wrong password', {
        'x-forwarded-for': `198.51.${n % 250}.${n % 200}`,
        'x-real-ip': `203.0.113.${n % 250}`,
      });
      const location = new URL(answer.headers.get('location')!, browser.base);
      return location.searchParams.get('error') ?? 'none';
    };

    // Guesses at one account from one address, each claiming another address.
    const oneAccount: string[] = [];
    for (let i = 0; i <= ACCOUNT_ADDRESS_LIMIT.points; i++) {
      oneAccount.push(await attempt('lee.park@riverbend.test'));
    }
    expect(oneAccount.slice(0, ACCOUNT_ADDRESS_LIMIT.points)).toEqual(
      Array(ACCOUNT_ADDRESS_LIMIT.points).fill('CredentialsSignin'),
    );
    expect(oneAccount.at(-1)).toMatch(/^TooManyAttempts-/);

    // Failures across accounts (the attack of the issue: random emails, random claimed addresses).
    let accepted = ACCOUNT_ADDRESS_LIMIT.points;
    let refused = false;
    while (!refused && n <= ADDRESS_LIMIT.points + ACCOUNT_ADDRESS_LIMIT.points + 2) {
      const outcome = await attempt(`nobody-${n}-${port}@example.test`);
      if (outcome === 'CredentialsSignin') accepted += 1;
      refused = outcome.startsWith('TooManyAttempts-');
    }
    expect(refused).toBe(true);
    expect(accepted).toBeLessThanOrEqual(ADDRESS_LIMIT.points);
  }, 600_000);
});
