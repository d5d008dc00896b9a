// Alex Morgan takes his record away from My care: the PDF and the FHIR file download; the page
// is axe-clean at 1280 and 375 px. Dr. Rivera prints Alex's chart summary: in print, navigation is
// hidden and a header names the patient, the date of birth and the print date.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { patientId } from './support/api';
import { DEMO, signedIn } from './support/session';

test.slow();

test('the patient downloads their record as a PDF and as a FHIR Bundle', async ({ browser }) => {
  const alex = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  await alex.getByRole('link', { name: 'Take your record with you' }).click();
  await expect(alex).toHaveURL(/\/my-care\/record$/);
  await expect(
    alex.getByRole('heading', { level: 1, name: 'Take your record with you' }),
  ).toBeVisible();
  await expectAccessibleAtBothSizes(alex);

  const [pdf] = await Promise.all([
    alex.waitForEvent('download'),
    alex.getByRole('link', { name: 'Download your record (PDF)' }).click(),
  ]);
  expect(pdf.suggestedFilename()).toMatch(/^triad-record-alex-morgan-.+\.pdf$/);
  const pdfBytes = await readFile((await pdf.path())!);
  expect(pdfBytes.length).toBeGreaterThan(0);
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const [fhir] = await Promise.all([
    alex.waitForEvent('download'),
    alex.getByRole('link', { name: 'Download your record (FHIR file)' }).click(),
  ]);
  const bundle = JSON.parse(await readFile((await fhir.path())!, 'utf8'));
  expect(bundle.resourceType).toBe('Bundle');
  expect(
    bundle.entry.some(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Patient',
    ),
  ).toBe(true);

  // Both downloads are in "who viewed my record": the patient's own views are left out there,
  // their downloads are not.
  await alex.goto('/my-care/who-viewed');
  const downloads = alex.locator('li p', { hasText: /^You downloaded your record as a PDF/ }).first();
  await expect(downloads).toBeVisible();
  await expect(downloads).toContainText('downloaded your record as a FHIR file');
  await expect(alex.getByText(/^You looked at/)).toHaveCount(0);
});

test('a clinician prints the chart summary: no navigation, the patient named on the page', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, DEMO.rivera);
  const alex = await patientId(rivera, 'Alex Morgan');
  await rivera.goto(`/patients/${alex}`);
  const header = rivera.getByTestId('chart-print-header');
  await expect(rivera.getByRole('button', { name: 'Print summary' })).toBeVisible();
  await expect(header).toBeHidden();

  await rivera.emulateMedia({ media: 'print' });
  await expect(rivera.getByRole('navigation', { name: 'Chart sections' })).toBeHidden();
  await expect(rivera.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(rivera.getByRole('button', { name: 'Print summary' })).toBeHidden();
  await expect(header).toBeVisible();
  await expect(header).toContainText('Alex Morgan');
  await expect(header).toContainText(/born \d{4}-\d{2}-\d{2}/);
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  await expect(header).toContainText(`Printed ${today}`);
  expect(await header.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
});
