import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { addToCareTeam, createAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

// The inbox and its preferences. The spec makes its own patient and therapist, so their inboxes
// hold only what happens here, whatever other specs do to the demo data.
test.describe.configure({ mode: 'serial' });

/** A patient and a therapist on their care team, made by the admin. */
async function freshTeam(browser: import('@playwright/test').Browser) {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const patient = await createAccount(admin, { role: 'PATIENT', name: uniqueName('Robin Inbox') });
  const therapist = await createAccount(admin, {
    role: 'THERAPIST',
    name: uniqueName('Tess Inbox'),
  });
  await addToCareTeam(admin, patient.patientId!, therapist.id);
  await admin.context().close();
  return { patient, therapist };
}

test('a therapist opens an item from the inbox, lands on its page, and marks everything read', async ({
  browser,
}) => {
  const { patient, therapist } = await freshTeam(browser);
  // The patient answers a PHQ-9 totalling 20 (item 9 at 0): a high safety flag for the team.
  const patientPage = await signedIn(browser, patient.email, {
    home: '/my-care',
    password: patient.password,
  });
  const answered = await patientPage.request.post(
    `/api/v1/patients/${patient.patientId}/assessments`,
    { data: { instrument: 'PHQ9', answers: [3, 3, 3, 3, 3, 3, 2, 0, 0] } },
  );
  expect(answered.status(), await answered.text()).toBe(201);
  await patientPage.context().close();

  const page = await signedIn(browser, therapist.email, { password: therapist.password });
  await page.goto('/caseload');
  await expect(
    page.getByRole('link', { name: `1 new inbox item about ${patient.name}` }),
  ).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ hasText: patient.name });
  await expect(item).toHaveCount(1);
  await expect(item.getByText('New', { exact: true })).toBeVisible();
  await expectAccessibleAtBothSizes(page);

  await item.getByRole('link', { name: /Unread: Safety flag: PHQ-9/ }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.patientId}#flag-[0-9a-f-]{36}$`));

  await page.goto('/inbox');
  const opened = page.getByRole('listitem').filter({ hasText: patient.name });
  await expect(opened.getByText('New', { exact: true })).toHaveCount(0);

  // A second item arrives; "Mark all as read" is confirmed, then says what it did.
  const again = await signedIn(browser, patient.email, { password: patient.password });
  const more = await again.request.post(`/api/v1/patients/${patient.patientId}/assessments`, {
    data: { instrument: 'PHQ9', answers: [3, 3, 3, 3, 3, 3, 3, 0, 0] },
  });
  expect(more.status()).toBe(201);
  await again.context().close();
  await page.goto('/inbox?show=unread');
  await expect(page.getByRole('link', { name: 'Unread', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(page.getByRole('listitem').filter({ hasText: patient.name })).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark everything as read?' });
  await dialog.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /^Marked \d+ items? as read\.$/ }),
  ).toBeVisible();
  await expect(page.getByText('You’re all caught up.')).toBeVisible();
  await page.goto('/caseload');
  await expect(page.getByRole('link', { name: /new inbox item/ })).toHaveCount(0);
  await page.context().close();
});

test('an urgent item waits in its own section until its flag is acknowledged', async ({
  browser,
}) => {
  const { patient, therapist } = await freshTeam(browser);
  // Item 9 answered 1: an urgent safety flag.
  const patientPage = await signedIn(browser, patient.email, {
    home: '/my-care',
    password: patient.password,
  });
  const answered = await patientPage.request.post(
    `/api/v1/patients/${patient.patientId}/assessments`,
    { data: { instrument: 'PHQ9', answers: [1, 1, 1, 1, 0, 0, 0, 0, 1] } },
  );
  expect(answered.status(), await answered.text()).toBe(201);
  await patientPage.context().close();

  const page = await signedIn(browser, therapist.email, { password: therapist.password });
  await page.goto('/inbox');
  const urgent = page.getByRole('region', { name: 'Needs your attention' });
  const item = urgent.getByRole('listitem').filter({ hasText: patient.name });
  await expect(item.getByText('Urgent', { exact: true })).toBeVisible();
  await item.getByRole('link', { name: /Unread: Urgent safety flag: PHQ-9 item 9/ }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${patient.patientId}#flag-[0-9a-f-]{36}$`));

  // Opening it did not mark it read: it stays on top until someone acknowledges the flag.
  await page.goto('/inbox');
  await expect(
    urgent
      .getByRole('listitem')
      .filter({ hasText: patient.name })
      .getByText('New', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await page
    .getByRole('dialog', { name: 'Mark everything as read?' })
    .getByRole('button', { name: 'Mark all as read' })
    .click();
  await expect(
    page.getByRole('status').filter({
      hasText:
        'Nothing to mark: everything was already read. 1 urgent item stays unread until the safety flag is acknowledged.',
    }),
  ).toBeVisible();
  await expect(urgent.getByRole('listitem').filter({ hasText: patient.name })).toHaveCount(1);
  await page.context().close();
});

test('a clinician saves notification settings; a wrong time is refused next to its field', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO.lee, { home: '/caseload' });
  await page.goto('/inbox');
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await expect(page).toHaveURL(/\/account\/notifications$/);
  await expect(page.getByText(/never includes health details/)).toBeVisible();

  const flags = page.getByRole('group', { name: 'A safety flag is raised' });
  await flags.getByLabel('Email at once').check();
  const comments = page.getByRole('group', { name: 'A comment on a treatment plan' });
  await comments.getByLabel('Daily email summary').check();
  await page.getByLabel('Hold emails during quiet hours').check();
  await page.getByLabel('From').fill('22:00');
  await page.getByLabel('Until').fill('22:00');
  await page.getByLabel('Your time zone').selectOption('America/Chicago');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Choose an end time different from the start.')).toBeVisible();
  await expect(page.getByLabel('Until')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Until').fill('07:00');
  await page.getByRole('button', { name: 'Save notification settings' }).click();
  await expect(page.getByText('Your notification settings are saved.')).toBeVisible();
  await expectAccessibleAtBothSizes(page);

  await page.reload();
  await expect(
    page.getByRole('group', { name: 'A safety flag is raised' }).getByLabel('Email at once'),
  ).toBeChecked();
  await expect(
    page
      .getByRole('group', { name: 'A comment on a treatment plan' })
      .getByLabel('Daily email summary'),
  ).toBeChecked();
  await expect(page.getByLabel('From')).toHaveValue('22:00');
  await expect(page.getByLabel('Until')).toHaveValue('07:00');
  await expect(page.getByLabel('Your time zone')).toHaveValue('America/Chicago');
  await page.context().close();
});

test('a patient’s inbox is in plain words, and accessible', async ({ browser }) => {
  const page = await signedIn(browser, DEMO.jordan, { home: '/my-care' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByText('News about your care')).toBeVisible();
  await expectAccessibleAtBothSizes(page);
  await page.context().close();
});
