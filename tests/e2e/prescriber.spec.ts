import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes, expectNoSeriousA11yViolations } from './support/a11y';
import { activeMedication, patientId } from './support/api';
import { DEMO, signedIn } from './support/session';

const REASON = 'Residual low mood after eight weeks; tolerating well.';
const NOTE = 'Up by 50 mg. Sam, please watch sleep and restlessness this fortnight.';
// The new dose is 50 mg above whatever Alex takes now (other specs may have changed it).
const explanation = (dose: number) =>
  `We are raising your sertraline to ${dose} mg each morning to help your mood more.`;

test.describe.configure({ mode: 'serial' });

test('the prescriber increases a dose; the therapist and the patient see it at once', async ({
  browser,
}) => {
  // Three people's journeys, three charts drawn and six axe checks: more than 60 s on a busy
  // two-core machine.
  test.slow();
  const prescriber = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  const { dose: current } = await activeMedication(
    prescriber,
    await patientId(prescriber, 'Alex Morgan'),
    /^Sertraline$/,
  );
  const next = current + 50;
  const EXPLANATION = explanation(next);
  await expectNoSeriousA11yViolations(prescriber);
  await prescriber.getByRole('link', { name: 'Alex Morgan', exact: true }).click();
  await expect(
    prescriber.getByRole('heading', { name: 'Scores and mood over time' }),
  ).toBeVisible();
  // Mood has its own chart; severity bands shade the questionnaires' charts only.
  const phq9 = prescriber.getByRole('figure', { name: 'PHQ-9 (depression)' });
  // The plot is drawn on the server: its band names are text over the drawing.
  await expect(phq9.getByText('Moderately severe', { exact: true })).toBeVisible();
  const gad7 = prescriber.getByRole('figure', { name: 'GAD-7 (anxiety)' });
  await expect(gad7.getByText('Severe', { exact: true })).toBeVisible();
  await expect(gad7.getByText('Moderately severe', { exact: true })).toHaveCount(0);
  const mood = prescriber.getByRole('figure', { name: 'Mood' });
  await expect(mood.locator('svg [data-series="mood"]')).toBeVisible();
  await expect(mood.getByText(/^(Minimal|Mild|Moderate|Severe)$/)).toHaveCount(0);
  await expect(mood.getByText('Show as a table')).toBeVisible();
  await expectNoSeriousA11yViolations(prescriber);

  await prescriber.getByRole('link', { name: 'Medications', exact: true }).first().click();
  await expect(prescriber).toHaveURL(/\/medications$/);
  const regimen = prescriber.getByRole('list', { name: 'Current regimen' });
  await expect(regimen).toContainText(`Sertraline ${current} mg`);

  await prescriber.getByLabel('What are you recording?').selectOption('INCREASE');
  await prescriber.getByLabel('Medication', { exact: true }).selectOption('Sertraline');
  await expect(prescriber.getByText('Current dose:')).toContainText(`${current} mg`);
  await prescriber.getByLabel('New dose').fill(String(next));
  await prescriber.getByLabel('Reason').fill(REASON);
  await prescriber.getByLabel(/What to monitor/).fill('sleep, restlessness');
  await prescriber.getByLabel(/Explanation for the patient/).fill(EXPLANATION);
  await prescriber.getByLabel(/Note for the care team/).fill(NOTE);
  await expectNoSeriousA11yViolations(prescriber);
  await prescriber.getByRole('button', { name: 'Record the change' }).click();

  await expect(prescriber.getByRole('status')).toContainText(`Increased Sertraline to ${next} mg`);
  await expect(regimen).toContainText(`Sertraline ${next} mg`);
  const history = prescriber.getByRole('list', { name: 'Medication change history' });
  await expect(history.getByRole('listitem').first()).toContainText(
    `Increased Sertraline to ${next} mg`,
  );
  await expect(history.getByRole('listitem').first()).toContainText(NOTE);
  await expectNoSeriousA11yViolations(prescriber);

  // The plan names sertraline: the change asks its prescriber to review the plan, whose
  // medication item shows the new dose beside the plan's older words.
  await prescriber
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Inbox' })
    .click();
  await expect(prescriber).toHaveURL(/\/inbox$/);
  const review = prescriber
    .getByRole('link', { name: /Review the treatment plan: it names Sertraline/ })
    .first();
  await expect(review).toBeVisible();
  await expectAccessibleAtBothSizes(prescriber);
  await review.click();
  await expect(prescriber).toHaveURL(/\/patients\/[0-9a-f-]{36}\/plan$/);
  const now = prescriber.getByTestId('plan-medication-now').first();
  await expect(now).toHaveText(new RegExp(`^Sertraline: now ${next} mg`));
  await expect(prescriber.getByText('Sertraline 100 mg maintenance')).toBeVisible();
  await expectAccessibleAtBothSizes(prescriber);
  await prescriber.context().close();

  const therapist = await signedIn(browser, DEMO.sam);
  await therapist.getByRole('link', { name: 'Alex Morgan', exact: true }).click();
  await therapist.getByRole('link', { name: 'Medications', exact: true }).first().click();
  await expect(therapist.getByRole('list', { name: 'Current regimen' })).toContainText(
    `Sertraline ${next} mg`,
  );
  const first = therapist
    .getByRole('list', { name: 'Medication change history' })
    .getByRole('listitem')
    .first();
  await expect(first).toContainText(`Increased Sertraline to ${next} mg`);
  await expect(first).toContainText(NOTE);
  await expect(therapist.getByRole('button', { name: 'Record the change' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(therapist);
  await therapist.context().close();

  const patient = await signedIn(browser, DEMO.alex);
  await expect(patient).toHaveURL(/\/my-care/);
  await expect(patient.getByRole('main')).toContainText(`${next} mg`);
  await expect(patient.getByRole('main')).toContainText(EXPLANATION);
  await expect(patient.getByRole('main')).not.toContainText(NOTE);
  await expect(patient.getByTestId('plan-medication-now').first()).toHaveText(
    new RegExp(`^Sertraline: now ${next} mg`),
  );
  await expectNoSeriousA11yViolations(patient);
  await patient.context().close();
});
