import { expect, test, type Browser } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { addToCareTeam, createAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

// The secure conversation between a patient and their care team. The spec makes its own patient
// and therapist, so the counts it reads are only what happens here, whatever other specs do.
test.describe.configure({ mode: 'serial' });

/** A patient and a therapist on their care team, made by the admin. */
async function freshTeam(browser: Browser) {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const patient = await createAccount(admin, { role: 'PATIENT', name: uniqueName('Robin Talk') });
  const therapist = await createAccount(admin, {
    role: 'THERAPIST',
    name: uniqueName('Tess Talk'),
  });
  await addToCareTeam(admin, patient.patientId!, therapist.id);
  await admin.context().close();
  return { patient, therapist };
}

test('the patient writes to their team, the therapist sees it unread and replies, the patient reads the reply', async ({
  browser,
}) => {
  test.slow();
  const { patient, therapist } = await freshTeam(browser);

  // The patient: an empty conversation, a blank message refused next to the field, then sent.
  const mine = await signedIn(browser, patient.email, {
    home: '/my-care',
    password: patient.password,
  });
  await mine
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Messages' })
    .click();
  await expect(mine).toHaveURL(/\/my-care\/messages$/);
  await expect(mine.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  await expect(mine.getByText('For anything urgent, call 988 or 911')).toBeVisible();
  await expect(mine.getByText('No messages yet')).toBeVisible();
  await expectAccessibleAtBothSizes(mine);

  await mine.getByLabel('Your message').fill('   ');
  await mine.getByRole('button', { name: 'Send message' }).click();
  await expect(mine.getByText('Write a message.')).toBeVisible();
  await expect(mine.getByLabel('Your message')).toHaveAttribute('aria-invalid', 'true');
  const question = 'Is it OK to sleep in an hour on Saturdays?';
  await mine.getByLabel('Your message').fill(question);
  await mine.getByRole('button', { name: 'Send message' }).click();
  const thread = mine.getByRole('list', { name: 'Messages, oldest first' });
  await expect(thread.getByRole('listitem').filter({ hasText: question })).toContainText('You');
  await expect(mine.getByLabel('Your message')).toHaveValue('');

  // The therapist: one new inbox item about the patient, and the chart's tab counts one unread.
  const care = await signedIn(browser, therapist.email, { password: therapist.password });
  await care.goto('/caseload');
  await expect(
    care.getByRole('link', { name: `1 new inbox item about ${patient.name}` }),
  ).toBeVisible();
  await care.goto(`/patients/${patient.patientId}`);
  const tabs = care.getByRole('navigation', { name: 'Chart sections' });
  const tab = tabs.getByRole('link', { name: /^Conversation/ });
  await expect(tab).toHaveText(/^Conversation\s*1 new$/);
  await expect(tabs.getByRole('link', { name: 'Care-team messages' })).toBeVisible();
  await tab.click();
  await expect(care).toHaveURL(new RegExp(`/patients/${patient.patientId}/conversation$`));
  const received = care
    .getByRole('list', { name: 'Messages, oldest first' })
    .getByRole('listitem')
    .filter({ hasText: question });
  await expect(received).toContainText(`${patient.name} (patient)`);
  // Opening it marked it read: the tab's count goes, and so does the inbox item.
  await expect(tab).toHaveText('Conversation');
  await expectAccessibleAtBothSizes(care);

  const reply = 'An hour is fine. Bring your sleep diary on Thursday.';
  await care.getByLabel('Message to the patient').fill(reply);
  await care.getByRole('button', { name: 'Send message' }).click();
  await expect(
    care.getByRole('listitem').filter({ hasText: reply }).getByText('You', { exact: true }),
  ).toBeVisible();
  await care.goto('/caseload');
  await expect(care.getByRole('link', { name: /new inbox item/ })).toHaveCount(0);
  await care.context().close();

  // The patient: My care counts the reply; the conversation shows it, with who wrote it.
  await mine.goto('/my-care');
  await expect(mine.getByText('1 new message from your care team.')).toBeVisible();
  await mine.getByRole('link', { name: 'Read your messages' }).click();
  await expect(mine).toHaveURL(/\/my-care\/messages$/);
  await expect(mine.getByRole('listitem').filter({ hasText: reply })).toContainText(
    `${therapist.name}, your therapist`,
  );
  await expectAccessibleAtBothSizes(mine);
  await mine.goto('/my-care');
  await expect(mine.getByText('No new messages.')).toBeVisible();
  await mine.context().close();
});
