// Two clinicians edit Alex Morgan's plan at once: the second save meets the first, sees what
// changed and reapplies their edit; then Alex reads the new version and acknowledges it.
import { expect, test, type Page } from '@playwright/test';
import { PHONE, expectNoSeriousA11yViolations, expectNoSidewaysScroll } from './support/a11y';
import { patientId } from './support/api';
import { DEMO, signedIn } from './support/session';

type PlanView = {
  version: number;
  plan: {
    author: { name: string };
    goals: unknown[];
    interventions: { kind: string }[];
  } | null;
  acknowledged: { version: number } | null;
};

/**
 * Alex's plan as it stands when the test starts: the versions, goal and intervention numbers the
 * test expects count on from it, whatever other specs saved before.
 */
async function currentPlan(clinician: Page) {
  const id = await patientId(clinician, 'Alex Morgan');
  const response = await clinician.request.get(`/api/v1/patients/${id}/treatment-plan`);
  expect(response.status()).toBe(200);
  const view = (await response.json()) as PlanView;
  expect(view.plan).not.toBeNull();
  const cbt = view.plan!.interventions.findIndex((i) => i.kind === 'CBT');
  expect(cbt).toBeGreaterThanOrEqual(0);
  return {
    version: view.version,
    author: view.plan!.author.name,
    goals: view.plan!.goals.length,
    cbt: cbt + 1,
    acknowledged: view.acknowledged?.version ?? null,
  };
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
    .getByRole('link', { name: 'Plan', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: 'Treatment plan' })).toBeVisible();
}

test('two clinicians edit at once; the second reapplies; the patient acknowledges', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, DEMO.rivera);
  const okafor = await signedIn(browser, DEMO.sam);
  const before = await currentPlan(rivera);
  const v = before.version;
  const newGoal = before.goals + 1;
  await openAlexsPlan(rivera);
  await openAlexsPlan(okafor);
  await expect(rivera.getByRole('main')).toContainText(`Version ${v}, saved by ${before.author}`);
  await expect(rivera.getByRole('main')).toContainText('Minutes walking outside');
  await expectNoSeriousA11yViolations(rivera);

  // Both open the editor on the current version.
  await rivera.getByRole('button', { name: 'Edit plan' }).click();
  await okafor.getByRole('button', { name: 'Edit plan' }).click();
  await expect(
    okafor.getByRole('heading', { name: `Edit the plan (from version ${v})` }),
  ).toBeVisible();

  // Dr. Rivera adds a goal, moves it up by keyboard, and saves first: version v + 1.
  await rivera.getByRole('button', { name: 'Add a goal' }).click();
  const added = rivera.getByRole('group', { name: `Goal ${newGoal}` });
  await added.getByLabel('Goal', { exact: true }).fill('Run 5 km once a week.');
  await added.getByRole('button', { name: `Move goal ${newGoal} up` }).focus();
  await rivera.keyboard.press('Enter');
  await expect(
    rivera.getByRole('group', { name: `Goal ${newGoal - 1}` }).getByLabel('Goal', { exact: true }),
  ).toHaveValue('Run 5 km once a week.');
  await expectNoSeriousA11yViolations(rivera);
  await rivera.getByRole('button', { name: 'Save new version' }).click();
  await expect(rivera.getByText(`Saved version ${v + 1}.`)).toBeVisible();

  // Sam changes how often CBT happens, on top of version v, and saves: conflict.
  const cbt = okafor.getByRole('group', { name: `Intervention ${before.cbt}` });
  await cbt.getByLabel('Frequency', { exact: true }).fill('Every two weeks, 50 minutes');
  await okafor.getByRole('button', { name: 'Save new version' }).click();
  const conflict = okafor.getByRole('heading', {
    name: `Elena Rivera saved version ${v + 1} while you were editing`,
  });
  await expect(conflict).toBeVisible();
  await expect(conflict).toBeFocused();
  await expect(okafor.getByRole('main')).toContainText('Added goal: Run 5 km once a week.');
  await expectNoSeriousA11yViolations(okafor);

  await okafor.getByRole('button', { name: `Reapply my changes to version ${v + 1}` }).click();
  await expect(
    okafor.getByText(`Your changes are now on top of version ${v + 1}`, { exact: false }),
  ).toBeVisible();
  await expect(
    okafor
      .getByRole('group', { name: `Intervention ${before.cbt}` })
      .getByLabel('Frequency', { exact: true }),
  ).toHaveValue('Every two weeks, 50 minutes');
  await expect(
    okafor.getByRole('group', { name: `Goal ${newGoal - 1}` }).getByLabel('Goal', { exact: true }),
  ).toHaveValue('Run 5 km once a week.');
  await okafor.getByRole('button', { name: 'Save new version' }).click();
  await expect(okafor.getByText(`Saved version ${v + 2}.`)).toBeVisible();
  const main = okafor.getByRole('main');
  await expect(main).toContainText('Run 5 km once a week.');
  await expect(main).toContainText('Every two weeks, 50 minutes');

  // The history compares the two new versions side by side.
  await okafor.getByLabel('Compare version').selectOption(String(v + 1));
  await okafor.getByLabel('with version').selectOption(String(v + 2));
  await okafor.getByRole('button', { name: 'Compare' }).click();
  await expect(
    okafor.getByRole('heading', { name: `Version ${v + 1} compared with version ${v + 2}` }),
  ).toBeVisible();
  await expect(main).toContainText('Changed intervention: CBT');
  await expectNoSeriousA11yViolations(okafor);

  // Alex sees the newest version and acknowledges it.
  const alex = await signedIn(browser, DEMO.alex);
  await alex.getByRole('navigation').getByRole('link', { name: 'My plan' }).first().click();
  await expect(alex).toHaveURL(/\/my-care\/plan$/);
  await expect(alex.getByRole('heading', { name: `Version ${v + 2} of your plan` })).toBeVisible();
  if (before.acknowledged !== null) {
    await expect(alex.getByRole('main')).toContainText(
      `You last confirmed version ${before.acknowledged}`,
    );
  }
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
  await expect(rivera.getByRole('main')).toContainText(
    `The patient acknowledged version ${v + 2}.`,
  );
});

test('the plan speaks to the patient in words written for them, on a phone', async ({
  browser,
}) => {
  const summary = 'We added a goal about walking with a friend. Nothing else changes for now.';
  const wording = 'Feel low only now and then.';
  const rivera = await signedIn(browser, DEMO.rivera);
  const before = await currentPlan(rivera);
  await openAlexsPlan(rivera);
  await rivera.getByRole('button', { name: 'Edit plan' }).click();
  const editor = rivera.getByRole('main');
  await expect(editor.getByText('Only your care team sees this.').first()).toBeVisible();
  await rivera
    .getByRole('group', { name: 'Goal 1' })
    .getByLabel(/Goal in words for the patient/)
    .fill(wording);
  await rivera.getByLabel(/What changed, in words for the patient/).fill(summary);
  await expectNoSeriousA11yViolations(rivera);
  await rivera.getByRole('button', { name: 'Save new version' }).click();
  await expect(rivera.getByText(`Saved version ${before.version + 1}.`)).toBeVisible();
  await expect(editor).toContainText(`The patient reads: ${summary}`);
  await expect(editor).toContainText(`The patient reads: ${wording}`);

  // Alex, on a phone, reads the words written for them and not the clinical summary.
  const alex = await signedIn(browser, DEMO.alex);
  await alex.setViewportSize(PHONE);
  await alex.goto('/my-care/plan');
  await expect(
    alex.getByRole('heading', { name: `Version ${before.version + 1} of your plan` }),
  ).toBeVisible();
  const main = alex.getByRole('main');
  await expect(main).toContainText(`What changed: ${summary}`);
  await expect(main).toContainText(wording);
  await expect(main).not.toContainText('Changed the wording for the patient');
  await expectNoSeriousA11yViolations(alex);
  await expectNoSidewaysScroll(alex);
  await alex.goto('/my-care');
  await expect(alex.getByRole('main')).toContainText(wording);
  await expectNoSeriousA11yViolations(alex);
});
