import { expect, test } from '@playwright/test';
import { uniqueEmail } from './support/api';
import { DEMO, DEMO_PASSWORD } from './support/session';

// The browser tests' NEXTAUTH_URL is http://localhost:<port>; here the app is opened at
// 127.0.0.1 instead, as on a LAN or from another name: sign-in, a save and sign-out all work and
// the browser never leaves the address it used (docs/decisions/011-trusted-proxies.md).
test('at 127.0.0.1, an admin signs in, saves, and signs out without leaving that address', async ({
  page,
  baseURL,
}) => {
  const origin = baseURL!.replace('localhost', '127.0.0.1');
  const seenHosts = new Set<string>();
  page.on('request', (request) => seenHosts.add(new URL(request.url()).host));

  await page.goto(`${origin}/admin`);
  await expect(page).toHaveURL(`${origin}/sign-in?callbackUrl=%2Fadmin`);
  await page.getByLabel('Email').fill(DEMO.admin);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${origin}/admin`);

  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('radio', { name: 'Therapist', exact: true }).check();
  await page.getByLabel('Full name').fill('Quinn Address');
  await page.getByLabel('Email').fill(uniqueEmail('quinn.address'));
  await page.getByRole('radio', { name: 'Set an initial password' }).check();
  await page.getByLabel('Initial password', { exact: true }).fill('a-long-initial-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Account created' })).toBeFocused();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${origin.replace(/\./g, '\\.')}/sign-in`));
  expect([...seenHosts]).toEqual([new URL(origin).host]);
});
