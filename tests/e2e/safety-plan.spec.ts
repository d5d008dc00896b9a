// Sam Okafor writes Casey Nguyen's safety plan on her chart, her phone one tap away in its
// header; Casey opens the plan from My care in one tap, finds 988 on it, and updates how to reach
// her. axe finds nothing serious at 1280 and 375 px.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { patientId } from './support/api';
import { DEMO, signedIn } from './support/session';

/** A warning sign no other run wrote, to find on the patient's page. */
const SIGN = `Not answering texts for a whole day (${Date.now().toString(36)})`;

async function writePlan(sam: Page) {
  const step = (n: number) => sam.getByRole('group', { name: new RegExp(`^Step ${n}:`) });
  await sam.getByRole('button', { name: /^(Write|Edit) the safety plan$/ }).click();
  await step(1).getByRole('button', { name: 'Add a warning sign' }).click();
  await step(1)
    .getByLabel(/^Warning sign \d+$/)
    .last()
    .fill(SIGN);
  await step(4).getByRole('button', { name: 'Add a person' }).click();
  await step(4)
    .getByLabel(/^Person \d+: name$/)
    .last()
    .fill('Daniel Reyes');
  await step(4).getByLabel('Phone').last().fill('later');
  await step(7).getByRole('button', { name: 'Add a reason' }).click();
  await step(7)
    .getByLabel(/^Reason \d+$/)
    .last()
    .fill('Teaching my daughter to swim');
  // Step 5 always holds the crisis line, in the editor too.
  await expect(step(5).getByText('988 Suicide & Crisis Lifeline')).toBeVisible();
  await expectAccessibleAtBothSizes(sam);

  await sam.getByRole('button', { name: 'Save the safety plan' }).click();
  await expect(step(4).getByText('Enter a phone number of at least 7 digits.')).toBeVisible();
  await step(4).getByLabel('Phone').last().fill('(312) 555-0164');
  await sam.getByLabel('What changed').fill('Wrote the plan together after Tuesday’s answers.');
  await sam.getByRole('button', { name: 'Save the safety plan' }).click();
  await expect(sam.getByText(/^Saved\. This is now version \d+/)).toBeVisible();
}

// Four pages, each checked by axe at two sizes: more than the default minute on a busy machine.
test.slow();

test('the therapist writes the safety plan; the patient opens it from My care and updates how to reach her', async ({
  browser,
}) => {
  const sam = await signedIn(browser, DEMO.sam);
  const casey = await patientId(sam, 'Casey Nguyen');
  await sam.goto(`/patients/${casey}/safety-plan`);

  // The header puts Casey's phone one tap from dialling (beside her safety flag while it is open).
  await expect(sam.getByRole('link', { name: /^Call Casey Nguyen/ })).toHaveAttribute(
    'href',
    /^tel:\+?\d{7,}$/,
  );
  await expect(sam.getByRole('heading', { name: 'If you need help right now' })).toBeVisible();
  await writePlan(sam);
  await expect(sam.getByText(SIGN)).toBeVisible();
  await expect(sam.getByRole('heading', { name: 'History' })).toBeVisible();
  await expectAccessibleAtBothSizes(sam);

  const me = await signedIn(browser, DEMO.casey, { home: '/my-care' });
  await me.getByRole('link', { name: 'Open my safety plan' }).click();
  await expect(me).toHaveURL(/\/my-care\/safety-plan$/);
  await expect(me.getByRole('heading', { name: 'My safety plan', level: 1 })).toBeVisible();
  await expect(me.getByText(SIGN)).toBeVisible();
  await expect(me.getByRole('link', { name: '988' }).first()).toHaveAttribute('href', 'tel:988');
  await expect(me.getByRole('link', { name: '911' }).first()).toHaveAttribute('href', 'tel:911');
  await expect(me.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(me.getByRole('button', { name: 'Edit the safety plan' })).toBeVisible();
  await expectAccessibleAtBothSizes(me);

  await me.getByRole('link', { name: 'Update how to reach you' }).click();
  await expect(me).toHaveURL(/\/my-care\/contact$/);
  await me.getByLabel('How would you like your care team to reach you?').selectOption('TEXT');
  await me.getByLabel('Their phone number').fill('call me maybe');
  await me.getByRole('button', { name: 'Save contact details' }).click();
  await expect(me.getByText('Use digits, spaces, +, - and parentheses only.')).toBeVisible();
  await expectAccessibleAtBothSizes(me);
  await me.getByLabel('Their phone number').fill('(312) 555-0164');
  await me.getByRole('button', { name: 'Save contact details' }).click();
  await expect(me.getByText('Contact details saved.')).toBeVisible();

  await sam.reload();
  await expect(sam.getByText('(prefers text message)')).toBeVisible();
});
