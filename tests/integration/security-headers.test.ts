import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

describe('the proxy’s security headers', () => {
  it('sends HSTS only when the app is reached over HTTPS', async () => {
    const plain = await proxy(new NextRequest('http://localhost/sign-in'));
    expect(plain.headers.get('strict-transport-security')).toBeNull();

    const behindTls = await proxy(
      new NextRequest('http://localhost/sign-in', { headers: { 'x-forwarded-proto': 'https' } }),
    );
    expect(behindTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    const direct = await proxy(new NextRequest('https://triad.example/sign-in'));
    expect(direct.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
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
