import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { addToCareTeam, createAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

// The safety loop on one patient of the spec's own: a PHQ-9 item 9 answer raises a flag, the
// therapist reads the answers on the chart and acknowledges it, the patient's page says so, the
// therapist resolves it, and the caseload clears while the flag history keeps it.

const ANSWER_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

async function answerQuestionnaire(page: Page, answers: number[]) {
  for (const [index, answer] of answers.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) });
    await group.getByText(ANSWER_LABELS[answer]!, { exact: true }).click();
  }
}

test('a flag from PHQ-9 item 9 is seen, acknowledged and resolved, and the patient is told honestly', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const patient = await createAccount(admin, { role: 'PATIENT', name: uniqueName('Quinn Harte') });
  const therapist = await createAccount(admin, {
    role: 'THERAPIST',
    name: uniqueName('Noor Vance'),
  });
  await addToCareTeam(admin, patient.patientId!, therapist.id);
  await admin.context().close();

  // The patient answers item 9 with "Several days".
  const quinn = await signedIn(browser, patient.email, {
    home: '/my-care',
    password: patient.password,
  });
  await quinn.goto('/my-care/assessments/phq-9');
  await answerQuestionnaire(quinn, [1, 1, 0, 1, 0, 0, 0, 0, 1]);
  await quinn.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  await expect(quinn.getByRole('region', { name: /Help is available right now/ })).toContainText(
    'Your care team will be told',
  );
  await expect(quinn.getByRole('region', { name: /Your PHQ-9 is saved/ })).toContainText(
    'We have let your care team know',
  );
  await quinn.goto('/my-care');
  const told = quinn.getByRole('region', { name: 'About your recent answers' });
  await expect(told).toContainText('Your care team has been told and will see it soon.');
  await expect(told).toContainText('If you are in danger now, call or text 988 or call 911.');

  // The therapist finds the flag on the caseload and opens the chart.
  const noor = await signedIn(browser, therapist.email, {
    home: '/caseload',
    password: therapist.password,
  });
  const row = noor
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: patient.name })
    .first();
  await expect(row.getByRole('list', { name: 'Flags' })).toContainText(
    /Safety flag · \d+ min · not yet acknowledged/,
  );
  await noor.goto(`/patients/${patient.patientId}`);
  const open = noor.getByRole('list', { name: 'Open safety flags' }).getByRole('listitem').first();
  await expect(open).toContainText('PHQ-9 item 9 (thoughts of self-harm) answered 1 of 3');
  await expect(open).toContainText('Not yet acknowledged');
  await expect(open).toContainText(/raised \d+ min ago/);
  await expect(open.getByText('the self-harm item')).toBeVisible();
  await expect(open).toContainText('Several days (1)');
  const anchor = await open.getAttribute('id');
  expect(anchor).toMatch(/^flag-[0-9a-f-]{36}$/);
  await expectAccessibleAtBothSizes(noor);

  await open.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(open).toContainText(`acknowledged by ${therapist.name}`);

  // The patient's page now says the team has seen it.
  await quinn.reload();
  await expect(told).toHaveText('Your care team has seen your answer.');
  await expectAccessibleAtBothSizes(quinn);

  // Resolving needs a note; then a confirmation.
  const resolve = noor.getByRole('form', { name: 'Resolve this flag' });
  await resolve.getByLabel('Outcome').selectOption({ label: 'Contacted the patient' });
  await resolve.getByRole('button', { name: 'Resolve flag' }).click();
  await expect(resolve.getByText('Write a note about what was done.').first()).toBeVisible();
  const note = 'Called Quinn; safe at home, safety plan reviewed, session moved to Thursday.';
  await resolve.getByLabel('Note').fill(note);
  await resolve.getByRole('button', { name: 'Resolve flag' }).click();
  const dialog = noor.getByRole('dialog', { name: 'Resolve this safety flag?' });
  await dialog.getByRole('button', { name: 'Resolve flag' }).click();
  await expect(noor.getByRole('list', { name: 'Open safety flags' })).toHaveCount(0);
  const history = noor.getByRole('region', { name: 'Flag history' });
  await expect(history).toContainText('Contacted the patient');
  await expect(history).toContainText(note);
  await expect(history).toContainText(`Resolved by ${therapist.name}`);
  await expectAccessibleAtBothSizes(noor);

  await noor.goto('/caseload');
  const cleared = noor
    .getByRole('main')
    .getByRole('listitem')
    .filter({ hasText: patient.name })
    .first();
  await expect(cleared).toBeVisible();
  await expect(cleared).not.toContainText('Safety flag');
});
