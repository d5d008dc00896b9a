import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'care-team-demo';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signedIn(browser: Browser, email: string, home: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  return page;
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

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

async function patientId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/me');
  return ((await response.json()) as { patientId: string }).patientId;
}

const PHQ9_ANSWERS = [2, 2, 2, 2, 1, 1, 1, 1, 0];
const ANSWER_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

async function answerQuestionnaire(page: Page, answers: number[]) {
  for (const [index, answer] of answers.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) });
    await group.getByText(ANSWER_LABELS[answer]!, { exact: true }).click();
  }
}

test.describe.configure({ mode: 'serial' });

test('Alex checks in by keyboard alone, with a severe side effect', async ({ browser }) => {
  const alex = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
  const call = alex.getByRole('link', { name: 'Check in for today' });
  await expect(call).toBeVisible();
  await call.click();
  await expect(alex).toHaveURL(/\/my-care\/check-in$/);
  await expect(alex.getByRole('group', { name: 'How is your mood today?' })).toBeVisible();

  const started = Date.now();
  await tabTo(alex, (f) => f.name === 'mood', 'the mood question');
  await press(alex, 'ArrowRight', 4);
  await tabTo(alex, (f) => f.name === 'sleepQuality', 'sleep quality');
  await press(alex, 'ArrowRight', 2);
  await tabTo(alex, (f) => f.name === 'energy', 'energy');
  await press(alex, 'ArrowRight', 1);
  await tabTo(alex, (f) => f.name === 'focus', 'focus');
  await alex.keyboard.press('Space');
  await tabTo(alex, (f) => f.name === 'appetite', 'appetite');
  await press(alex, 'ArrowRight', 2);
  await tabTo(alex, (f) => f.type === 'checkbox' && f.label === 'Nausea', 'the Nausea checkbox');
  await alex.keyboard.press('Space');
  await tabTo(alex, (f) => f.name === 'sideEffects.0.severity', 'the severity of Nausea');
  await press(alex, 'ArrowRight', 2);
  await tabTo(alex, (f) => f.tag === 'button' && f.label === 'Save check-in', 'Save check-in');
  await alex.keyboard.press('Enter');
  await expect(
    alex.getByRole('status').filter({ hasText: 'check-in for today is saved' }),
  ).toBeVisible();
  const seconds = (Date.now() - started) / 1000;
  console.log(`Keyboard-only check-in (Tab, arrow keys, Space, Enter): ${seconds.toFixed(2)} s`);
  expect(seconds).toBeLessThan(60);

  const id = await patientId(alex);
  const saved = await alex.request.get(`/api/v1/patients/${id}/check-ins`);
  const [today] = ((await saved.json()) as { items: Record<string, unknown>[] }).items;
  expect(today).toMatchObject({
    mood: 4,
    sleepQuality: 3,
    energy: 2,
    focus: 1,
    appetite: 3,
    sideEffects: [{ name: 'Nausea', severity: 'SEVERE' }],
  });

  await alex.goto('/my-care');
  await expect(alex.getByRole('link', { name: 'You checked in today — update it' })).toBeVisible();
});

test('Alex completes a PHQ-9 and sees the score at once', async ({ browser }) => {
  const alex = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
  await alex.getByRole('link', { name: /PHQ-9/ }).first().click();
  await expect(alex).toHaveURL(/\/my-care\/assessments\/phq-9$/);
  await expect(alex.getByText(/^Over the last 2 weeks, how often/)).toBeVisible();
  await expect(alex.getByRole('group')).toHaveCount(9);

  await alex.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  await expect(
    alex.getByRole('alert').filter({ hasText: 'Please answer every question.' }),
  ).toBeVisible();

  await answerQuestionnaire(alex, PHQ9_ANSWERS);
  await alex.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  const result = alex.getByRole('region', { name: 'Thank you. Your PHQ-9 is saved.' });
  await expect(result).toBeVisible();
  await expect(result).toContainText('Your score is 12 (moderate)');
  await expect(result).toBeFocused();
  await expect(alex.getByText('Help is available right now')).toHaveCount(0);
  await expectNoSeriousA11yViolations(alex);
});

test('Dr. Rivera sees the side effect and the score on the caseload and in the chart', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, 'dr.rivera@riverbend.test', '/caseload');
  const row = rivera
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: 'Alex Morgan' })
    .first();
  await expect(row).toContainText('12');
  await expect(row).toContainText('moderate');
  await expect(row).toContainText('Severe side effect');
  await expect(row).toContainText('Nausea');

  const href = await row.getByRole('link', { name: 'Alex Morgan' }).getAttribute('href');
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
  const alex = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
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
  const alex = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
  const pages = [
    '/my-care',
    '/my-care/check-in',
    '/my-care/assessments',
    '/my-care/assessments/gad-7',
    '/my-care/trends',
  ];
  for (const size of [
    { width: 1280, height: 900 },
    { width: 375, height: 812 },
  ]) {
    await alex.setViewportSize(size);
    for (const path of pages) {
      await alex.goto(path);
      await expect(alex.getByRole('heading', { level: 1 })).toBeVisible();
      await alex.waitForLoadState('networkidle');
      await expectNoSeriousA11yViolations(alex);
    }
  }
});

test('a PHQ-9 item 9 answer shows crisis resources at once and raises a safety flag', async ({
  browser,
}) => {
  const jordan = await signedIn(browser, 'jordan.lee@riverbend.test', '/my-care');
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
  await jordan.setViewportSize({ width: 375, height: 812 });
  await expectNoSeriousA11yViolations(jordan);

  const rivera = await signedIn(browser, 'dr.rivera@riverbend.test', '/caseload');
  const row = rivera
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: 'Jordan Lee' })
    .first();
  await expect(row).toContainText('Safety flag');
});
