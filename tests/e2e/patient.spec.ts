import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  DESKTOP,
  expectNoSeriousA11yViolations,
  expectNoSidewaysScroll,
  PHONE,
} from './support/a11y';
import { addToCareTeam, createAccount, findAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

type Focused = { tag: string; name: string | null; type: string | null; label: string };

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name: el?.getAttribute('name') ?? null,
      type: el?.getAttribute('type') ?? null,
      label: (el?.closest('label')?.textContent ?? el?.textContent ?? '').trim(),
    };
  });
}

/** Presses Tab (and only Tab) until the focused element fits, or fails after 80 presses. */
async function tabTo(page: Page, fits: (f: Focused) => boolean, what: string) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (fits(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

async function press(page: Page, key: string, times: number) {
  for (let i = 0; i < times; i += 1) await page.keyboard.press(key);
}

/** The check-in's scales in tab order, with the arrow presses that answer them. */
const SCALE_ANSWERS = [
  ['mood', 4],
  ['sleepQuality', 2],
  ['energy', 1],
  ['focus', 0],
  ['appetite', 2],
] as const;

const PHQ9_ANSWERS = [2, 2, 2, 2, 1, 1, 1, 1, 0];
const ANSWER_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

async function answerQuestionnaire(page: Page, answers: number[]) {
  for (const [index, answer] of answers.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) });
    await group.getByText(ANSWER_LABELS[answer]!, { exact: true }).click();
  }
}

test.describe.configure({ mode: 'serial' });

// The first three tests follow one patient of their own, Skyler (no check-in today, a sertraline
// start whose side effects to watch for include nausea, Dr. Rivera on the team), so they do not
// depend on what other specs did to the demo patients.
const skyler = { name: uniqueName('Skyler Marsh'), email: '', password: '', patientId: '' };

/**
 * A new patient on Dr. Rivera's caseload whose sertraline start (recorded by her through the API)
 * asks them to watch for `monitorFor`; returns the account and Dr. Rivera's page, still open.
 */
async function patientOnSertraline(
  browser: Browser,
  name: string,
  start: { dose: number; reason: string; monitorFor: string[] },
) {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const account = await createAccount(admin, { role: 'PATIENT', name });
  await addToCareTeam(admin, account.patientId!, (await findAccount(admin, DEMO.rivera)).id);
  await admin.context().close();

  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  const started = await rivera.request.post(
    `/api/v1/patients/${account.patientId}/medication-changes`,
    {
      data: {
        action: 'START',
        medication: 'Sertraline',
        unit: 'mg',
        frequency: 'once daily in the morning',
        effectiveDate: new Date().toISOString().slice(0, 10),
        ...start,
      },
    },
  );
  expect(started.status(), await started.text()).toBe(201);
  return { account, rivera };
}

test.beforeAll(async ({ browser }) => {
  const { account, rivera } = await patientOnSertraline(browser, skyler.name, {
    dose: 50,
    reason: 'Moderate depression; no prior antidepressant.',
    monitorFor: ['Nausea', 'Headache'],
  });
  Object.assign(skyler, { email: account.email, password: account.password });
  skyler.patientId = account.patientId!;
  await rivera.context().close();
});

const signedInSkyler = (browser: Browser) =>
  signedIn(browser, skyler.email, { home: '/my-care', password: skyler.password });

test('Skyler checks in by keyboard alone, with a severe side effect', async ({ browser }) => {
  const skylerPage = await signedInSkyler(browser);
  const call = skylerPage.getByRole('link', { name: 'Check in for today' });
  await expect(call).toBeVisible();
  await call.click();
  await expect(skylerPage).toHaveURL(/\/my-care\/check-in$/);
  await expect(skylerPage.getByRole('group', { name: 'How is your mood today?' })).toBeVisible();

  const started = Date.now();
  // Each question reached by Tab and answered by arrow keys (Space takes the first answer).
  for (const [name, arrows] of SCALE_ANSWERS) {
    await tabTo(skylerPage, (f) => f.name === name, name);
    if (arrows === 0) await skylerPage.keyboard.press('Space');
    else await press(skylerPage, 'ArrowRight', arrows);
  }
  await tabTo(
    skylerPage,
    (f) => f.type === 'checkbox' && f.label === 'Nausea',
    'the Nausea checkbox',
  );
  await skylerPage.keyboard.press('Space');
  await tabTo(skylerPage, (f) => f.name === 'sideEffects.0.severity', 'the severity of Nausea');
  await press(skylerPage, 'ArrowRight', 2);
  await tabTo(
    skylerPage,
    (f) => f.tag === 'button' && f.label === 'Save check-in',
    'Save check-in',
  );
  await skylerPage.keyboard.press('Enter');
  await expect(
    skylerPage.getByRole('status').filter({ hasText: 'check-in for today is saved' }),
  ).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  console.log(`Keyboard-only check-in (Tab, arrow keys, Space, Enter): ${seconds.toFixed(2)} s`);
  expect(seconds).toBeLessThan(60);

  const saved = await skylerPage.request.get(`/api/v1/patients/${skyler.patientId}/check-ins`);
  const [today] = ((await saved.json()) as { items: Record<string, unknown>[] }).items;
  expect(today).toMatchObject({
    mood: 4,
    sleepQuality: 3,
    energy: 2,
    focus: 1,
    appetite: 3,
    sideEffects: [{ name: 'Nausea', severity: 'SEVERE' }],
  });

  await skylerPage.goto('/my-care');
  await expect(
    skylerPage.getByRole('link', { name: 'You checked in today — update it' }),
  ).toBeVisible();
});

test('Skyler completes a PHQ-9 and sees the score at once', async ({ browser }) => {
  const skylerPage = await signedInSkyler(browser);
  await skylerPage.getByRole('link', { name: /PHQ-9/ }).first().click();
  await expect(skylerPage).toHaveURL(/\/my-care\/assessments\/phq-9$/);
  await expect(skylerPage.getByText(/^Over the last 2 weeks, how often/)).toBeVisible();
  await expect(skylerPage.getByRole('group')).toHaveCount(9);

  await skylerPage.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  await expect(
    skylerPage.getByRole('alert').filter({ hasText: 'Please answer every question.' }),
  ).toBeVisible();

  await answerQuestionnaire(skylerPage, PHQ9_ANSWERS);
  await skylerPage.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  const result = skylerPage.getByRole('region', { name: 'Thank you. Your PHQ-9 is saved.' });
  await expect(result).toBeVisible();
  await expect(result).toContainText('Your score is 12 (moderate)');
  await expect(result).toBeFocused();
  await expect(skylerPage.getByText('Help is available right now')).toHaveCount(0);
  await expectNoSeriousA11yViolations(skylerPage);
});

test('Dr. Rivera sees Skyler’s side effect and score on the caseload and in the chart', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  const row = rivera
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: skyler.name })
    .first();
  await expect(row).toContainText('12');
  await expect(row).toContainText('moderate');
  await expect(row).toContainText('Severe side effect');
  await expect(row).toContainText('Nausea');

  const href = await row.getByRole('link', { name: skyler.name, exact: true }).getAttribute('href');
  await rivera.goto(`${href}/check-ins`);
  const main = rivera.getByRole('main');
  await expect(main.getByRole('list', { name: 'Flags' })).toContainText('Severe side effect');
  const questionnaires = main.getByRole('region', { name: 'Questionnaires' });
  await expect(questionnaires).toContainText('Latest 12 (moderate)');
  const recent = main.getByRole('region', { name: 'Recent check-ins' });
  await expect(recent.getByRole('listitem').first()).toContainText('Mood 4/10');
  await expect(recent.getByRole('list', { name: 'Side effects' }).first()).toContainText(
    'Nausea: severe',
  );
  await expect(main.getByRole('heading', { name: 'Mood' })).toBeVisible();
  await expect(main.getByRole('heading', { name: 'PHQ-9 (depression)' })).toBeVisible();
  await expectNoSeriousA11yViolations(rivera);
});

test('Alex’s trends: charts with medication changes marked and a table for each', async ({
  browser,
}) => {
  const alex = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  await alex
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Trends' })
    .click();
  await expect(alex).toHaveURL(/\/my-care\/trends$/);
  const mood = alex.getByRole('figure', { name: 'Mood' });
  await mood.getByText('Show as a table').click();
  await expect(mood.getByRole('table')).toContainText('Sertraline 50 → 100 mg');
  await alex.getByRole('link', { name: 'Last 30 days' }).click();
  await expect(alex).toHaveURL(/days=30$/);
  await expect(alex.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute(
    'aria-current',
    'page',
  );
});

test('the patient’s pages have no serious accessibility problems, on a phone too', async ({
  browser,
}) => {
  const alex = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  const pages = [
    '/my-care',
    '/my-care/check-in',
    '/my-care/assessments',
    '/my-care/assessments/gad-7',
    '/my-care/trends',
  ];
  for (const size of [DESKTOP, PHONE]) {
    await alex.setViewportSize(size);
    for (const path of pages) {
      await alex.goto(path);
      await expect(alex.getByRole('heading', { level: 1 })).toBeVisible();
      // Hydrated, its client queries answered ('networkidle' never comes: the header's live
      // stream of inbox counts stays open).
      await expect(alex.getByRole('banner').getByRole('link', { name: /^Inbox, / })).toBeVisible();
      await expectNoSeriousA11yViolations(alex);
    }
  }
});

test('a PHQ-9 item 9 answer shows crisis resources at once and raises a safety flag', async ({
  browser,
}) => {
  const jordan = await signedIn(browser, DEMO.jordan, { home: '/my-care' });
  await jordan.goto('/my-care/assessments/phq-9');
  await answerQuestionnaire(jordan, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  await expect(jordan.getByRole('link', { name: 'Call 988' })).toBeVisible();
  await jordan.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  const crisis = jordan.getByRole('region', { name: /Help is available right now/ });
  await expect(crisis).toBeFocused();
  await expect(crisis).toContainText('Call or text 988');
  await expect(crisis).toContainText('call 911');
  await expect(crisis).toContainText('may not see it right away');
  await expect(crisis.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  await expect(jordan.getByRole('region', { name: /Your PHQ-9 is saved/ })).toContainText(
    'Your score is 9 (mild)',
  );
  await jordan.setViewportSize(PHONE);
  await expectNoSeriousA11yViolations(jordan);

  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  const row = rivera
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: 'Jordan Lee' })
    .first();
  await expect(row).toContainText('Safety flag');
});

test('ticking thoughts of self-harm on the check-in shows crisis resources at once and tells the care team', async ({
  browser,
}) => {
  // A patient of this test's own, whose prescriber asked them to watch for suicidal ideation.
  const { account: sam, rivera } = await patientOnSertraline(browser, uniqueName('Sam Okafor'), {
    dose: 25,
    reason: 'Moderate depression; age 22, so watching for emergent suicidality.',
    monitorFor: ['Nausea', 'Suicidal ideation'],
  });

  const page = await signedIn(browser, sam.email, { home: '/my-care', password: sam.password });
  await page.setViewportSize(PHONE);
  await page.goto('/my-care/check-in');
  await page
    .getByRole('group', { name: 'How is your mood today?' })
    .getByText('3', { exact: true })
    .click();
  const crisis = page.getByRole('region', { name: /Help is available right now/ });
  await expect(crisis).toHaveCount(0);
  // Ticked, at the default severity (mild): the help is there at once, before saving.
  await page
    .getByRole('checkbox', {
      name: 'Thoughts that life isn’t worth living, or of harming yourself',
    })
    .check();
  await expect(crisis).toBeVisible();
  await expect(crisis.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  await expect(crisis.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  await expect(crisis).toContainText('call 911');
  await expect(
    page.getByRole('group', { name: /^How bad is it\?/ }).getByRole('radio', { name: 'Mild' }),
  ).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);

  await page.getByRole('button', { name: 'Save check-in' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'check-in for today is saved' });
  await expect(saved).toBeFocused();
  await expect(saved).toContainText('We have let your care team know');
  // The crisis resources, once: now first in the saved notice, no longer repeated above.
  await expect(crisis).toHaveCount(1);
  await expect(saved.getByRole('region', { name: /Help is available right now/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await expectNoSidewaysScroll(page);

  // The care team: an urgent flag, in their words, on the chart.
  const flags = await rivera.request.get(`/api/v1/patients/${sam.patientId}/safety-flags`);
  expect((await flags.json()).items).toEqual([
    expect.objectContaining({
      source: 'SUICIDALITY_SIDE_EFFECT',
      urgency: 'URGENT',
      status: 'OPEN',
      reason:
        'Thoughts of suicide or self-harm reported on the check-in: “Thoughts that life isn’t worth living, or of harming yourself” (mild).',
    }),
  ]);
  await rivera.goto(`/patients/${sam.patientId}`);
  await expect(rivera.getByText(/Suicidal thoughts on a check-in · raised/)).toBeVisible();
  await expect(rivera.getByText('· thoughts of suicide or self-harm')).toBeVisible();
});
