import { expect, test } from '@playwright/test';
import { DEMO, signedInOn } from './support/session';

test('pages carry a nonce-based CSP and the other security headers', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/sign-in');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  // Served over plain HTTP here: no HSTS, which browsers would ignore anyway.
  expect(headers['strict-transport-security']).toBeUndefined();

  // The nonce changes with every request.
  const again = (await page.request.get('/sign-in')).headers()['content-security-policy'];
  expect(again).not.toBe(csp);

  // The page's own scripts run under the policy: the form is interactive and nothing was blocked.
  await page.getByLabel('Email').fill('someone@example.test');
  expect(violations).toEqual([]);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signedInOn(page, DEMO.lee, { home: '/caseload' });
  const session = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});

test('API responses forbid framing and caching', async ({ request }) => {
  const response = await request.get('/api/v1/me');
  expect(response.status()).toBe(401);
  expect(response.headers()['content-security-policy']).toBe(
    "default-src 'none'; frame-ancestors 'none'",
  );
  expect(response.headers()['cache-control']).toBe('no-store');
  expect(response.headers()['content-type']).toContain('application/problem+json');
});
