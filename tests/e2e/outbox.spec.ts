import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { DEMO, signedIn } from './support/session';

// The demo patients and their medications: none may appear in any email.
const PHI = ['Alex Morgan', 'Jordan Lee', 'Casey Nguyen', 'Riley Fox', 'sertraline', 'lithium'];

test('an admin reads the outbox, without patient information, and retries a failed email', async ({
  browser,
}) => {
  test.slow(); // a cold production server
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await admin.getByRole('link', { name: 'Outbox' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();

  // Dr. Chen has other emails too (Casey's urgent flag, its escalation): the demo's bounced one
  // is his daily summary.
  const bounced = admin
    .getByRole('listitem')
    .filter({ hasText: DEMO.chen })
    .filter({ hasText: 'Your Triad summary' });
  await expect(bounced).toContainText('Failed');
  await expect(bounced).toContainText('452 4.2.2 Mailbox full');
  await bounced.getByText('Show the text').click();
  await expect(bounced).toContainText('You have 3 new items in your Triad inbox.');
  // Each email names its recipient (a patient's appointment reminder goes to the patient); what
  // the emails say never names a patient or a medication.
  const main = (await admin.getByRole('main').innerText())
    .replace(/^to .* · \S+@\S+$/gim, '')
    .toLowerCase();
  for (const words of PHI) expect(main).not.toContain(words.toLowerCase());
  await expectAccessibleAtBothSizes(admin);

  await admin.getByRole('link', { name: 'Failed' }).click();
  await expect(admin).toHaveURL(/status=dead/);
  await admin.getByRole('button', { name: `Retry the email to ${DEMO.chen}` }).click();
  const dialog = admin.getByRole('dialog', { name: `Send the email to ${DEMO.chen} again?` });
  await expect(dialog).toBeVisible();
  await expectAccessibleAtBothSizes(admin, 'dialog[open]');
  await dialog.getByRole('button', { name: 'Send again' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByRole('main')).toContainText('No emails here');

  await admin.getByRole('link', { name: 'Waiting' }).click();
  const waiting = admin
    .getByRole('listitem')
    .filter({ hasText: DEMO.chen })
    .filter({ hasText: 'Your Triad summary' });
  await expect(waiting).toContainText('Waiting');
  await expect(waiting).toContainText('Attempts0');
});
