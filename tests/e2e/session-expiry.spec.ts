import { expect, test, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { addToCareTeam, createAccount, findAccount, patientId as idOf } from './support/api';
import {
  DEMO,
  DEMO_PASSWORD,
  newPage,
  signIn,
  signOutElsewhere,
  signedIn,
  signedInOn,
} from './support/session';

// A session that ends while a therapist writes keeps what was typed and offers to sign in again
// in place; session notes autosave; polls do not keep a session alive
// (docs/decisions/015-session-activity.md).
test.describe.configure({ mode: 'serial' });

const SAM = DEMO.sam;
const stamp = Date.now().toString(36);
const alexId = (page: Parameters<typeof idOf>[0]) => idOf(page, 'Alex Morgan');

type NoteText = { data: string; assessment: string; plan: string };

/** Opens a new session note of the patient and types `text` into it. */
async function startNote(page: Page, patientId: string, text: NoteText) {
  await page.goto(`/patients/${patientId}/notes/new`);
  await page.getByLabel('Data').fill(text.data);
  await page.getByLabel('Assessment').fill(text.assessment);
  await page.getByLabel('Plan', { exact: true }).fill(text.plan);
}

/** Once the sign-in dialog closes: the note is a saved draft holding everything typed. */
async function expectDraftSaved(page: Page, dialog: Locator, patientId: string, text: NoteText) {
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/notes\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Only you can see this draft')).toBeVisible();
  await expect(page.getByLabel('Data')).toHaveValue(text.data);
  const noteId = page.url().split('/').at(-1)!;
  const saved = await page.request.get(`/api/v1/patients/${patientId}/session-notes/${noteId}`);
  expect(saved.status()).toBe(200);
  expect((await saved.json()).body).toEqual(text);
}

test('a note typed while the session ended is saved after signing in again in place', async ({
  page,
  browser,
}) => {
  const text = {
    data: `Talked through the week at work (${stamp}).`,
    assessment: 'Mood steadier; sleep still short.',
    plan: 'Keep the wake time; review in a week.',
  };
  await signedInOn(page, SAM);
  const patientId = await alexId(page);
  await startNote(page, patientId, text);

  await signOutElsewhere(browser, SAM);

  // Declining keeps the form as typed and says so, in an alert that is scrolled to and focused.
  await page.getByRole('button', { name: 'Save as draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again to continue' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();
  const alert = page.getByRole('alert').filter({ hasText: 'You were signed out' });
  await expect(alert).toBeFocused();
  await expect(alert).toBeInViewport();
  await expect(page.getByLabel('Data')).toHaveValue(text.data);

  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Password')).toBeFocused();
  await expect(dialog.getByLabel('Email')).toHaveValue(SAM);
  await expectAccessibleAtBothSizes(page, 'dialog[open]');

  // A wrong password keeps the dialog open, with the reason, and the note still waiting.
  await dialog.getByLabel('Password').fill('not-the-password');
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText("don't match an active account");
  await expect(dialog.getByLabel('Password')).toBeFocused();

  await dialog.getByLabel('Password').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();
  await expectDraftSaved(page, dialog, patientId, text);
});

test('a clinician with two-step sign-in gives password then code in the dialog, and the note saves', async ({
  browser,
}) => {
  // Several sign-ins, an enrolment and axe at two sizes.
  test.slow();
  // The demo admin creates a therapist and puts them on Alex's care team.
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const patientId = (await findAccount(admin, DEMO.alex)).patientId!;
  const {
    id: clinicianId,
    email,
    password: initialPassword,
  } = await createAccount(admin, {
    role: 'THERAPIST',
    name: 'Robin Vale',
  });
  await addToCareTeam(admin, patientId, clinicianId);
  await admin.context().close();

  // Signed in with the password, the therapist turns on two-step sign-in (through the API, as
  // the Security page does), then starts a note.
  const page = await signedIn(browser, email, { home: '/caseload', password: initialPassword });
  const started = await page.request.post('/api/v1/me/second-factor/enrolment');
  expect(started.status()).toBe(200);
  const secret = (await started.json()).secret as string;
  const enrolStep = Math.floor(Date.now() / 1000 / 30);
  const confirmed = await page.request.post('/api/v1/me/second-factor/confirm', {
    data: { code: await generate({ secret, epoch: enrolStep * 30 }) },
  });
  expect(confirmed.status()).toBe(201);
  const recoveryCode = ((await confirmed.json()).recoveryCodes as string[])[0]!;

  const text = {
    data: `Two-step sign-in mid-note (${stamp}).`,
    assessment: 'Engaged; tired after night shifts.',
    plan: 'Sleep diary for a week.',
  };
  await startNote(page, patientId, text);

  // Signing out on another device (signed in there with a recovery code) ends this session too.
  const elsewhere = await newPage(browser);
  await signIn(elsewhere, email, initialPassword);
  await elsewhere.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await elsewhere.getByLabel('Recovery code').fill(recoveryCode);
  await elsewhere.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(elsewhere).toHaveURL(/\/caseload$/);
  await elsewhere.getByRole('button', { name: 'Sign out' }).click();
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await elsewhere.context().close();

  await page.getByRole('button', { name: 'Save as draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again to continue' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password').fill(initialPassword);
  await dialog.getByRole('button', { name: 'Sign in and continue' }).click();

  // The right password alone is not enough: the code step, in the dialog, focused.
  const code = dialog.getByLabel('Code from your authenticator app');
  await expect(code).toBeFocused();
  await expect(dialog.getByLabel('Password')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Sign in as someone else' })).toHaveCount(0);
  await expectAccessibleAtBothSizes(page, 'dialog[open]');

  // A wrong code: the reason next to the field, which is marked and focused again, emptied.
  const next = Math.max(Math.floor(Date.now() / 1000 / 30), enrolStep + 1);
  const right = await generate({ secret, epoch: next * 30 });
  await code.fill(right === '000000' ? '111111' : '000000');
  await dialog.getByRole('button', { name: 'Verify and continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText('That code isn');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toBeFocused();
  await expect(code).toHaveValue('');
  await expectAccessibleAtBothSizes(page, 'dialog[open]');

  await code.fill(right);
  await dialog.getByRole('button', { name: 'Verify and continue' }).click();
  await expectDraftSaved(page, dialog, patientId, text);
});

test('a new note autosaves as a draft 30 seconds after it changes, then keeps saving', async ({
  page,
}) => {
  await page.clock.install();
  await signedInOn(page, SAM);
  const patientId = await alexId(page);
  await page.goto(`/patients/${patientId}/notes/new`);
  await page.clock.pauseAt(Date.now() + 60_000);

  const status = page.getByRole('status').filter({ hasText: /Sav|Not saved/ });
  const first = `Autosaved text (${stamp}).`;
  await page.getByLabel('Data').fill(first);
  await page.clock.fastForward(29_000);
  await expect(page).toHaveURL(/\/notes\/new$/);
  await expect(status).toHaveCount(0);

  await page.clock.fastForward(1_000);
  await expect(status).toHaveText(/^Saved at \d\d:\d\d$/);
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(page).toHaveURL(/\/notes\/[0-9a-f-]{36}$/);
  const noteId = page.url().split('/').at(-1)!;
  const note = () =>
    page.request.get(`/api/v1/patients/${patientId}/session-notes/${noteId}`).then((r) => r.json());
  expect((await note()).body.data).toBe(first);
  expect((await note()).status).toBe('DRAFT');

  const second = `${first} And a second thought.`;
  await page.getByLabel('Data').fill(second);
  await page.clock.fastForward(30_000);
  await expect.poll(async () => (await note()).body.data).toBe(second);
  // Still one draft: the later saves went to the same note.
  const list = await (
    await page.request.get(`/api/v1/patients/${patientId}/session-notes?limit=100`)
  ).json();
  expect(
    list.items.filter((n: { body: { data?: string } }) => n.body.data?.startsWith(first)),
  ).toHaveLength(1);
});

test('the message thread polls in the background, and a poll does not renew the session', async ({
  page,
}) => {
  await page.clock.install();
  await signedInOn(page, SAM);
  const patientId = await alexId(page);
  await page.goto(`/patients/${patientId}/messages`);
  const poll = page.waitForResponse(
    (r) =>
      r.url().includes(`/api/v1/patients/${patientId}/messages`) && r.request().method() === 'GET',
  );
  await page.clock.fastForward(31_000);
  const response = await poll;
  expect(response.status()).toBe(200);
  expect(await response.request().headerValue('x-triad-activity')).toBe('background');
  expect(await response.headerValue('set-cookie')).toBeNull();
});
