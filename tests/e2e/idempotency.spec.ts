import { expect, test } from '@playwright/test';
import { patientId } from './support/api';
import { DEMO, signedInOn } from './support/session';

// A save whose answer is lost on the way back (a network blip) and is sent again by the person
// must create one record: the UI sends one Idempotency-Key per submission and reuses it.

test('a message whose answer was lost, sent again, appears once', async ({ page }) => {
  await signedInOn(page, DEMO.sam);
  const alexId = await patientId(page, 'Alex Morgan');
  const text = `Checking in after the blip (${Date.now().toString(36)}).`;

  // The first POST reaches the server and is saved, but its answer never reaches the browser.
  const keys: string[] = [];
  await page.route(`**/api/v1/patients/${alexId}/messages`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (keys.length === 1) {
      const saved = await route.fetch();
      expect(saved.status()).toBe(201);
      return route.abort('connectionreset');
    }
    return route.fallback();
  });

  await page.goto(`/patients/${alexId}/messages`);
  await page.getByLabel('Message to the care team').fill(text);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText('We could not reach Triad.')).toBeVisible();
  // What was typed is still there; sending again is the same submission.
  await expect(page.getByLabel('Message to the care team')).toHaveValue(text);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByLabel('Message to the care team')).toHaveValue('');

  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(keys[1]).toBe(keys[0]);
  const thread = page.getByRole('list', { name: 'Messages, oldest first' });
  await expect(thread.getByText(text)).toHaveCount(1);
  const stored = await page.request.get(`/api/v1/patients/${alexId}/messages?limit=100`);
  const { items: messages } = (await stored.json()) as { items: { body: string }[] };
  expect(messages.filter((m) => m.body === text)).toHaveLength(1);

  // A new message afterwards is a new intent, with a new key.
  await page.getByLabel('Message to the care team').fill(`${text} And one more.`);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByLabel('Message to the care team')).toHaveValue('');
  expect(keys).toHaveLength(3);
  expect(keys[2]).not.toBe(keys[0]);
});
