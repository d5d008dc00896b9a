// Every page of every role, opened cold, logs no console error and throws nothing: no hydration
// mismatch (React #418/#423/#425), no failed request, no uncaught exception. The browser reads
// another time zone and locale than the server, so that a date formatted on both sides by their
// own defaults shows up here and not only on a clinician's laptop abroad. The list of pages is
// checked against app/ itself: a new page that no role here visits fails this spec.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { patientId } from './support/api';
import { DEMO, signedInOn } from './support/session';

test.slow();

/** Far from the server's zone (UTC in CI), and a locale whose dates read day-first. */
const BROWSER = { timezoneId: 'America/Los_Angeles', locale: 'en-GB' } as const;

/** Pages that take no session (their layout needs none); visited signed out. */
const SIGNED_OUT = ['/sign-in', '/set-password'];

/** Routes no role opens here, and why. */
const NOT_VISITED: Record<string, string> = {
  '/': 'redirects to the role’s home, visited after every sign-in',
};

const CHART_SECTIONS = [
  '',
  '/plan',
  '/medications',
  '/check-ins',
  '/timeline',
  '/safety-plan',
  '/notes',
  '/notes/new',
  '/notes/[noteId]',
  '/messages',
  '/conversation',
  '/contact',
].map((s) => `/patients/[patientId]${s}`);

const ACCOUNT = ['/account/security', '/account/notifications', '/account/calendar'];

/** What each role opens: every route its role may reach, as app/ names it. */
const ROUTES = {
  patient: [
    '/my-care',
    '/my-care/plan',
    '/my-care/check-in',
    '/my-care/assessments',
    '/my-care/assessments/[instrument]',
    '/my-care/trends',
    '/my-care/notes',
    '/my-care/safety-plan',
    '/my-care/messages',
    '/my-care/contact',
    '/my-care/appointments',
    '/my-care/reminders',
    '/my-care/record',
    '/my-care/who-viewed',
    '/appointments/[appointmentId]',
    '/inbox',
    // Two-step sign-in is for staff accounts; the calendar feed, for clinicians'.
    '/account/notifications',
  ],
  prescriber: [
    '/today',
    '/today/week',
    '/caseload',
    '/inbox',
    '/appointments/new',
    '/appointments/[appointmentId]',
    ...CHART_SECTIONS,
    ...ACCOUNT,
  ],
  therapist: [
    '/today',
    '/today/week',
    '/caseload',
    '/inbox',
    '/appointments/new',
    '/appointments/[appointmentId]',
    ...CHART_SECTIONS,
    '/patients/[patientId]/notes/psychotherapy',
    ...ACCOUNT,
  ],
  admin: [
    '/admin',
    '/admin/accounts/new',
    '/admin/accounts/[userId]',
    '/admin/patients/[patientId]',
    '/admin/audit',
    '/admin/outbox',
    '/admin/schedule',
    '/admin/security',
    '/appointments/new',
    '/inbox',
    // No calendar feed: an administrator has no visits of their own.
    '/account/security',
    '/account/notifications',
  ],
} as const;

type Role = keyof typeof ROUTES;
const EMAIL: Record<Role, string> = {
  patient: DEMO.alex,
  prescriber: DEMO.rivera,
  therapist: DEMO.sam,
  admin: DEMO.admin,
};

/** Every page route under app/: `(group)` folders dropped, `[param]` kept. */
function appRoutes(dir = path.join(process.cwd(), 'app'), route = ''): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === 'page.tsx') found.push(route || '/');
    if (!entry.isDirectory() || entry.name === 'api' || entry.name.startsWith('_')) continue;
    const segment = /^\(.*\)$/.test(entry.name) ? '' : `/${entry.name}`;
    found.push(...appRoutes(path.join(dir, entry.name), route + segment));
  }
  return found;
}

/** Pages opened at once in a role's context: the server renders one while another hydrates. */
const TABS = 3;

/** A context in the browser's time zone and locale, and the errors of all its pages. */
async function watchedContext(browser: Browser) {
  const context = await browser.newContext(BROWSER);
  const errors: string[] = [];
  const watched = async () => {
    const page = await context.newPage();
    const at = () => new URL(page.url()).pathname;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // A failed request names no URL in its text: its location does.
      const { url } = message.location();
      errors.push(`${at()}: console: ${message.text()}${url ? ` (${url})` : ''}`);
    });
    page.on('pageerror', (error) => errors.push(`${at()}: pageerror: ${error.message}`));
    return page;
  };
  return { context, errors, page: await watched(), watched };
}

/** Opens every one of `urls`, a few tabs at a time. */
async function openAll(watched: () => Promise<Page>, urls: string[]) {
  const queue = [...urls];
  await Promise.all(
    Array.from({ length: TABS }, async () => {
      const page = await watched();
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) await open(page, url);
      await page.close();
    }),
  );
}

/** Opens `url` and waits until the page has hydrated and its first effects have run. */
async function open(page: Page, url: string) {
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response?.status(), `${url} answers`).toBeLessThan(400);
  await expect(page.locator('h1').first()).toBeVisible();
  // Hydration and the effects after it are tasks of their own: wait for the main thread to idle.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestIdleCallback(() => resolve(), { timeout: 5_000 }),
      ),
  );
}

/** The first link on `page` whose href matches `pattern`, as its path. */
async function firstLink(page: Page, url: string, pattern: RegExp): Promise<string> {
  await page.goto(url);
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${url}`).toBeDefined();
  return href!.split(/[?#]/)[0]!;
}

/** The demo ids a role's routes need, read from the pages that link to them. */
async function idsFor(role: Role, page: Page): Promise<Record<string, string>> {
  const uuid = '[0-9a-f-]{36}';
  const segment = (href: string, index: number) => href.split('/')[index]!;
  if (role === 'patient') {
    // The patient reaches a visit's page from its reminder; My care links its calendar file.
    const calendarFile = new RegExp(`^/api/v1/appointments/${uuid}/calendar.ics`);
    const appointment = await firstLink(page, '/my-care', calendarFile);
    return { appointmentId: segment(appointment, 4), instrument: 'phq-9' };
  }
  if (role === 'admin') {
    const user = await firstLink(page, '/admin', new RegExp(`^/admin/accounts/${uuid}`));
    const patient = await firstLink(page, '/admin', new RegExp(`^/admin/patients/${uuid}`));
    return { userId: segment(user, 3), patientId: segment(patient, 3) };
  }
  const id = await patientId(page, 'Alex Morgan');
  const note = await firstLink(page, `/patients/${id}/notes`, new RegExp(`^/patients/${id}/notes/${uuid}$`));
  const appointment = await firstLink(page, '/today/week', new RegExp(`^/appointments/${uuid}`));
  return { patientId: id, noteId: segment(note, 4), appointmentId: segment(appointment, 2) };
}

test('every page route is visited by some role or signed out', () => {
  const visited = new Set<string>([
    ...SIGNED_OUT,
    ...Object.keys(NOT_VISITED),
    ...Object.values(ROUTES).flat(),
  ]);
  expect(appRoutes().filter((route) => !visited.has(route))).toEqual([]);
});

test('signed out: no console error', async ({ browser }) => {
  const { context, errors, watched } = await watchedContext(browser);
  await openAll(watched, SIGNED_OUT);
  expect(errors).toEqual([]);
  await context.close();
});

for (const role of Object.keys(ROUTES) as Role[]) {
  test(`${role}: no console error on any page`, async ({ browser }) => {
    const { context, errors, page, watched } = await watchedContext(browser);
    await signedInOn(page, EMAIL[role]);
    const ids = await idsFor(role, page);
    const urls = ROUTES[role].map((route) =>
      route.replace(/\[(\w+)\]/g, (_, name: string) => {
        expect(ids[name], `${name} for ${route}`).toBeDefined();
        return ids[name]!;
      }),
    );
    await page.close();
    await openAll(watched, urls);
    // Every page's errors at once: one run shows all there is to fix.
    expect(errors).toEqual([]);
    await context.close();
  });
}
