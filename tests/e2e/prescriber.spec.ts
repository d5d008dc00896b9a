import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'care-team-demo';
const REASON = 'Residual low mood at 100 mg after eight weeks; tolerating well.';
const NOTE = 'Up to 150 mg. Sam, please watch sleep and restlessness this fortnight.';
const EXPLANATION = 'We are raising your sertraline to 150 mg each morning to help your mood more.';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test('the prescriber increases a dose; the therapist and the patient see it at once', async ({
  browser,
}) => {
  const prescriberContext = await browser.newContext();
  const prescriber = await prescriberContext.newPage();
  await signIn(prescriber, 'dr.rivera@riverbend.test');
  await expect(prescriber).toHaveURL(/\/caseload/);
  await expectNoSeriousA11yViolations(prescriber);
  await prescriber.getByRole('link', { name: 'Alex Morgan' }).click();
  await expect(
    prescriber.getByRole('heading', { name: 'Scores and mood over time' }),
  ).toBeVisible();
  await expect(prescriber.getByText('Show as a table')).toBeVisible();
  await expectNoSeriousA11yViolations(prescriber);

  await prescriber.getByRole('link', { name: 'Medications', exact: true }).first().click();
  await expect(prescriber).toHaveURL(/\/medications$/);
  const regimen = prescriber.getByRole('list', { name: 'Current regimen' });
  await expect(regimen).toContainText('Sertraline 100 mg');

  await prescriber.getByLabel('What are you recording?').selectOption('INCREASE');
  await prescriber.getByLabel('Medication', { exact: true }).selectOption('Sertraline');
  await expect(prescriber.getByText('Current dose:')).toContainText('100 mg');
  await prescriber.getByLabel('New dose').fill('150');
  await prescriber.getByLabel('Reason').fill(REASON);
  await prescriber.getByLabel(/What to monitor/).fill('sleep, restlessness');
  await prescriber.getByLabel(/Explanation for the patient/).fill(EXPLANATION);
  await prescriber.getByLabel(/Note for the care team/).fill(NOTE);
  await expectNoSeriousA11yViolations(prescriber);
  await prescriber.getByRole('button', { name: 'Record the change' }).click();

  await expect(prescriber.getByRole('status')).toContainText('Increased Sertraline to 150 mg');
  await expect(regimen).toContainText('Sertraline 150 mg');
  const history = prescriber.getByRole('list', { name: 'Medication change history' });
  await expect(history.getByRole('listitem').first()).toContainText(
    'Increased Sertraline to 150 mg',
  );
  await expect(history.getByRole('listitem').first()).toContainText(NOTE);
  await expectNoSeriousA11yViolations(prescriber);
  await prescriberContext.close();

  const therapistContext = await browser.newContext();
  const therapist = await therapistContext.newPage();
  await signIn(therapist, 'sam.okafor@riverbend.test');
  await therapist.getByRole('link', { name: 'Alex Morgan' }).click();
  await therapist.getByRole('link', { name: 'Medications', exact: true }).first().click();
  await expect(therapist.getByRole('list', { name: 'Current regimen' })).toContainText(
    'Sertraline 150 mg',
  );
  const first = therapist
    .getByRole('list', { name: 'Medication change history' })
    .getByRole('listitem')
    .first();
  await expect(first).toContainText('Increased Sertraline to 150 mg');
  await expect(first).toContainText(NOTE);
  await expect(therapist.getByRole('button', { name: 'Record the change' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(therapist);
  await therapistContext.close();

  const patientContext = await browser.newContext();
  const patient = await patientContext.newPage();
  await signIn(patient, 'alex.morgan@riverbend.test');
  await expect(patient).toHaveURL(/\/my-care/);
  await expect(patient.getByRole('main')).toContainText('150 mg');
  await expect(patient.getByRole('main')).toContainText(EXPLANATION);
  await expect(patient.getByRole('main')).not.toContainText(NOTE);
  await expectNoSeriousA11yViolations(patient);
  await patientContext.close();
});
