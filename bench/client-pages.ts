// The pages bench:client visits: every page route under app/, each as a demo account allowed to
// see it, with the demo's ids found the way a person finds them (by following the app's links).
import type { Browser, Page } from '@playwright/test';
import { DEMO, signIn } from '@/tests/e2e/support/session';

export type Account = keyof typeof DEMO | 'signedOut';

export type BenchPage = { path: string; as: Account };

type Ids = {
  patient: string;
  note: string;
  appointment: string;
  user: string;
  adminPatient: string;
  instrument: string;
};

/** A page in a fresh context signed in as `account` (a signed-out one for 'signedOut'). */
export async function pageAs(
  browser: Browser,
  account: Account,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  if (account === 'signedOut') return page;
  await signIn(page, DEMO[account]);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 60_000 });
  return page;
}

/** The first link on `path` whose address matches `pattern` (and whose text has `text`). */
async function linkOn(page: Page, path: string, pattern: RegExp, text?: string): Promise<string> {
  await page.goto(path);
  const hrefs = await page
    .locator('a[href]')
    .filter(text ? { hasText: text } : {})
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.map((href) => href.split(/[?#]/)[0]!).find((href) => pattern.test(href));
  if (!found) throw new Error(`no link matching ${pattern} on ${path}`);
  return found;
}

const lastSegment = (href: string) => href.split('/').at(-1)!;

/** Alex Morgan (the richest history) as seen by Dr. Rivera, the admin and Alex. */
async function findIds(browser: Browser, baseURL: string): Promise<Ids> {
  const rivera = await pageAs(browser, 'rivera', { baseURL });
  const patientPath = await linkOn(rivera, '/caseload', /^\/patients\/[^/]+$/, 'Alex Morgan');
  const note = await linkOn(
    rivera,
    `${patientPath}/notes`,
    /\/notes\/(?!new$|psychotherapy$)[^/]+$/,
  );
  const appointment = await linkOn(rivera, '/today/week', /^\/appointments\/(?!new$)[^/]+$/);
  await rivera.context().close();
  const admin = await pageAs(browser, 'admin', { baseURL });
  const user = await linkOn(admin, '/admin', /^\/admin\/accounts\/(?!new$)[^/]+$/);
  const adminPatient = await linkOn(admin, '/admin', /^\/admin\/patients\/[^/]+$/, 'Alex Morgan');
  await admin.context().close();
  const alex = await pageAs(browser, 'alex', { baseURL });
  const instrument = await linkOn(alex, '/my-care/assessments', /^\/my-care\/assessments\/[^/]+$/);
  await alex.context().close();
  return {
    patient: lastSegment(patientPath),
    note: lastSegment(note),
    appointment: lastSegment(appointment),
    user: lastSegment(user),
    adminPatient: lastSegment(adminPatient),
    instrument: lastSegment(instrument),
  };
}

const PATIENT_ROUTES = [
  '/my-care',
  '/my-care/appointments',
  '/my-care/assessments',
  '/my-care/assessments/:instrument',
  '/my-care/check-in',
  '/my-care/contact',
  '/my-care/messages',
  '/my-care/notes',
  '/my-care/plan',
  '/my-care/reminders',
  '/my-care/safety-plan',
  '/my-care/trends',
  '/my-care/who-viewed',
  '/account/calendar',
  '/account/notifications',
  '/account/security',
];

const CHART = ['', '/check-ins', '/contact', '/conversation', '/medications', '/messages'].concat([
  '/notes',
  '/notes/:note',
  '/notes/new',
  '/plan',
  '/safety-plan',
  '/timeline',
]);

const PRESCRIBER_ROUTES = ['/caseload', '/today', '/today/week', '/inbox', '/appointments/new']
  .concat(['/appointments/:appointment'])
  .concat(CHART.map((tail) => `/patients/:patient${tail}`));

const ADMIN_ROUTES = [
  '/admin',
  '/admin/accounts/:user',
  '/admin/accounts/new',
  '/admin/audit',
].concat(['/admin/outbox', '/admin/patients/:adminPatient', '/admin/schedule', '/admin/security']);

function fill(route: string, ids: Ids): string {
  return route.replace(/:(\w+)/g, (_, key: keyof Ids) => ids[key]);
}

/** Every page route with the demo's ids filled in, grouped by the account that opens it. */
export async function benchPages(browser: Browser, baseURL: string): Promise<BenchPage[]> {
  const ids = await findIds(browser, baseURL);
  const as = (account: Account) => (route: string) => ({ path: fill(route, ids), as: account });
  return [
    ...['/sign-in', '/set-password'].map(as('signedOut')),
    ...PATIENT_ROUTES.map(as('alex')),
    ...PRESCRIBER_ROUTES.map(as('rivera')),
    as('sam')(`/patients/:patient/notes/psychotherapy`),
    ...ADMIN_ROUTES.map(as('admin')),
  ];
}
