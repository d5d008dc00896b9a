// Signing in as the demo organization's people (prisma/seed.ts) or as someone a spec made itself.
import { expect, type Browser, type Page } from '@playwright/test';

/** Every demo account's password. */
export const DEMO_PASSWORD = 'care-team-demo';

/** The demo accounts the specs sign in as. */
export const DEMO = {
  admin: 'admin@riverbend.test',
  rivera: 'dr.rivera@riverbend.test',
  chen: 'dr.chen@riverbend.test',
  sam: 'sam.okafor@riverbend.test',
  lee: 'lee.park@riverbend.test',
  alex: 'alex.morgan@riverbend.test',
  jordan: 'jordan.lee@riverbend.test',
  casey: 'casey.nguyen@riverbend.test',
  otherOrganization: 'dr.hale@northside.test',
} as const;

/** Fills in and sends the sign-in form; the caller says where it should lead. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/**
 * Signs in on `page` and waits for the landing: `home` when given, else any page but sign-in (the
 * first page of a cold server may take a while on a slow machine).
 */
export async function signedInOn(
  page: Page,
  email: string,
  { home, password }: { home?: string; password?: string } = {},
): Promise<Page> {
  await signIn(page, email, password);
  if (home) await expect(page).toHaveURL(new RegExp(`${home}$`), { timeout: 30_000 });
  else await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
  return page;
}

/** A page in a browser context of its own, signed in as `email` (see signedInOn). */
export async function signedIn(
  browser: Browser,
  email: string,
  options: { home?: string; password?: string } = {},
): Promise<Page> {
  return signedInOn(await newPage(browser), email, options);
}

/** A signed-out page in a browser context of its own. */
export async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Signing out anywhere ends every session of the account (its session version moves on). */
export async function signOutElsewhere(browser: Browser, email: string, password?: string) {
  const page = await signedIn(browser, email, { password });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.context().close();
}
