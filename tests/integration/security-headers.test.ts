import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '@/lib/auth/session-policy';
import { EDGE_KEY_ENV, internalHeaders } from '@/lib/http/request-context';
import { proxy } from '@/proxy';

describe('the proxy’s security headers', () => {
  it('sends HSTS only when the app is reached over HTTPS', async () => {
    const plain = await proxy(new NextRequest('http://localhost/sign-in'));
    expect(plain.headers.get('strict-transport-security')).toBeNull();

    // HTTPS at a trusted proxy, as the server in front of Next reports it.
    process.env[EDGE_KEY_ENV] = 'edge-key-for-the-hsts-test';
    try {
      const headers = internalHeaders(
        { ip: '192.0.2.1', proto: 'https', host: 'triad.example' },
        'id',
        'edge-key-for-the-hsts-test',
      );
      const behindTls = await proxy(new NextRequest('http://localhost/sign-in', { headers }));
      expect(behindTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      delete process.env[EDGE_KEY_ENV];
    }
    const direct = await proxy(new NextRequest('https://triad.example/sign-in'));
    expect(direct.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('believes no X-Forwarded-Proto a client sends', async () => {
    const spoofed = await proxy(
      new NextRequest('http://localhost/sign-in', { headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });

  it('gives each page request its own nonce and never allows inline script', async () => {
    const first = (await proxy(new NextRequest('http://localhost/sign-in'))).headers.get(
      'content-security-policy',
    )!;
    const second = (await proxy(new NextRequest('http://localhost/sign-in'))).headers.get(
      'content-security-policy',
    )!;
    expect(first).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(first).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(first).toContain("frame-ancestors 'none'");
    expect(first).not.toBe(second);
  });

  it('sends a signed-out page request to sign-in, keeping where it was going', async () => {
    const response = await proxy(new NextRequest('http://localhost/caseload?sort=flags'));
    expect(response.status).toBe(307);
    const target = new URL(response.headers.get('location')!);
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('callbackUrl')).toBe('/caseload?sort=flags');
  });
});

describe('the proxy’s session gate', () => {
  async function cookieFor(times: { authTime: number; lastActivity: number }) {
    const token = { sub: 'someone', role: 'THERAPIST', ...times };
    const value = await encode({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge: 60 * 60 });
    return `${sessionCookieName(false)}=${value}`;
  }
  const now = () => Math.floor(Date.now() / 1000);

  it('ends a session idle for more than 30 minutes: to sign-in, marked expired, cookie cleared', async () => {
    const t = now();
    const response = await proxy(
      new NextRequest('http://localhost/caseload', {
        headers: { cookie: await cookieFor({ authTime: t - 3600, lastActivity: t - 31 * 60 }) },
      }),
    );
    const target = new URL(response.headers.get('location')!);
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('expired')).toBe('1');
    expect(response.headers.get('set-cookie')).toMatch(
      /next-auth\.session-token=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i,
    );
  });

  it('ends a session 12 hours after sign-in however active it was', async () => {
    const t = now();
    const response = await proxy(
      new NextRequest('http://localhost/caseload', {
        headers: { cookie: await cookieFor({ authTime: t - 12 * 3600 - 1, lastActivity: t - 60 }) },
      }),
    );
    expect(new URL(response.headers.get('location')!).pathname).toBe('/sign-in');
  });

  it('slides an active session: the page goes through and the cookie is renewed', async () => {
    const t = now();
    const response = await proxy(
      new NextRequest('http://localhost/caseload', {
        headers: { cookie: await cookieFor({ authTime: t - 3600, lastActivity: t - 10 * 60 }) },
      }),
    );
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toMatch(/next-auth\.session-token=[^;]+;/);
  });
});
