// Two clinicians edit Alex Morgan's plan at once: the second save meets the first, sees what
// changed and reapplies their edit; then Alex reads the new version and acknowledges it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'care-team-demo';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

async function openAlexsPlan(page: Page) {
  await page.goto('/caseload');
  await page
    .getByRole('main')
    .getByRole('link', { name: /Alex Morgan/ })
    .first()
    .click();
  await page
    .getByRole('navigation', { name: 'Chart sections' })
    .getByRole('link', { name: 'Plan' })
    .click();
  await expect(page.getByRole('heading', { name: 'Treatment plan' })).toBeVisible();
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('two clinicians edit at once; the second reapplies; the patient acknowledges', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, 'dr.rivera@riverbend.test');
  const okafor = await signedIn(browser, 'sam.okafor@riverbend.test');
  await openAlexsPlan(rivera);
  await openAlexsPlan(okafor);
  await expect(rivera.getByRole('main')).toContainText('Version 3, saved by Elena Rivera');
  await expect(rivera.getByRole('main')).toContainText('Minutes walking outside');
  await expectNoSeriousA11yViolations(rivera);

  // Both open the editor on version 3.
  await rivera.getByRole('button', { name: 'Edit plan' }).click();
  await okafor.getByRole('button', { name: 'Edit plan' }).click();
  await expect(
    okafor.getByRole('heading', { name: /Edit the plan \(from version 3\)/ }),
  ).toBeVisible();

  // Dr. Rivera adds a goal, moves it up by keyboard, and saves first: version 4.
  await rivera.getByRole('button', { name: 'Add a goal' }).click();
  const newGoal = rivera.getByRole('group', { name: 'Goal 6' });
  await newGoal.getByLabel('Goal', { exact: true }).fill('Run 5 km once a week.');
  await newGoal.getByRole('button', { name: 'Move goal 6 up' }).focus();
  await rivera.keyboard.press('Enter');
  await expect(
    rivera.getByRole('group', { name: 'Goal 5' }).getByLabel('Goal', { exact: true }),
  ).toHaveValue('Run 5 km once a week.');
  await expectNoSeriousA11yViolations(rivera);
  await rivera.getByRole('button', { name: 'Save new version' }).click();
  await expect(rivera.getByText('Saved version 4.')).toBeVisible();

  // Sam changes how often CBT happens, on top of version 3, and saves: conflict.
  const cbt = okafor.getByRole('group', { name: 'Intervention 2' });
  await cbt.getByLabel('Frequency', { exact: true }).fill('Every two weeks, 50 minutes');
  await okafor.getByRole('button', { name: 'Save new version' }).click();
  const conflict = okafor.getByRole('heading', {
    name: 'Elena Rivera saved version 4 while you were editing',
  });
  await expect(conflict).toBeVisible();
  await expect(conflict).toBeFocused();
  await expect(okafor.getByRole('main')).toContainText('Added goal: Run 5 km once a week.');
  await expectNoSeriousA11yViolations(okafor);

  await okafor.getByRole('button', { name: 'Reapply my changes to version 4' }).click();
  await expect(okafor.getByText(/Your changes are now on top of version 4/)).toBeVisible();
  await expect(
    okafor.getByRole('group', { name: 'Intervention 2' }).getByLabel('Frequency', { exact: true }),
  ).toHaveValue('Every two weeks, 50 minutes');
  await expect(
    okafor.getByRole('group', { name: 'Goal 5' }).getByLabel('Goal', { exact: true }),
  ).toHaveValue('Run 5 km once a week.');
  await okafor.getByRole('button', { name: 'Save new version' }).click();
  await expect(okafor.getByText('Saved version 5.')).toBeVisible();
  const main = okafor.getByRole('main');
  await expect(main).toContainText('Run 5 km once a week.');
  await expect(main).toContainText('Every two weeks, 50 minutes');

  // The history compares versions 4 and 5 side by side.
  await okafor.getByLabel('Compare version').selectOption('4');
  await okafor.getByLabel('with version').selectOption('5');
  await okafor.getByRole('button', { name: 'Compare' }).click();
  await expect(
    okafor.getByRole('heading', { name: 'Version 4 compared with version 5' }),
  ).toBeVisible();
  await expect(main).toContainText('Changed intervention: CBT');
  await expectNoSeriousA11yViolations(okafor);

  // Alex sees version 5 and acknowledges it.
  const alex = await signedIn(browser, 'alex.morgan@riverbend.test');
  await alex.getByRole('navigation').getByRole('link', { name: 'My plan' }).first().click();
  await expect(alex).toHaveURL(/\/my-care\/plan$/);
  await expect(alex.getByRole('heading', { name: 'Version 5 of your plan' })).toBeVisible();
  await expect(alex.getByRole('main')).toContainText('You last confirmed version 2');
  await expect(alex.getByRole('main')).toContainText('Run 5 km once a week.');
  await expectNoSeriousA11yViolations(alex);
  await alex.getByRole('button', { name: 'I’ve read this version' }).click();
  await expect(alex.getByText(/You told your care team you read this version/)).toBeVisible();
  await expect(alex.getByRole('button', { name: 'I’ve read this version' })).toHaveCount(0);

  // And asks for a review, which the care team sees.
  await alex.getByRole('radio', { name: /hard to keep up with/ }).check();
  await alex.getByLabel(/Anything you’d like them to know/).fill('Evenings are busy.');
  await alex.getByRole('button', { name: 'Ask for a plan review' }).click();
  await expect(alex.getByText(/Your care team has been told/)).toBeVisible();
  await expectNoSeriousA11yViolations(alex);

  await rivera.reload();
  await expect(
    rivera.getByRole('heading', { name: 'The patient asked for a plan review' }),
  ).toBeVisible();
  await expect(rivera.getByRole('main')).toContainText('Evenings are busy.');
  await expect(rivera.getByRole('main')).toContainText('The patient acknowledged version 5.');
});
