// Every email Triad sends, worded from its purpose and a link alone. SECURITY (no PHI in any
// email): a template takes no patient name, medication, score, note or message text, because
// it is given none; the email says there is something new in Triad and links to it (sign-in
// required), with a link to the notification preferences. Pure, so tests can read every wording.
import type { EmailPurpose } from '@/lib/schemas/enums';

export type EmailContent = { subject: string; text: string; html: string };

const WORDS: Record<EmailPurpose, { subject: string; lead: string; action: string }> = {
  NOTIFICATION: {
    subject: 'Something new in Triad',
    lead: 'There is something new for you in Triad.',
    action: 'Open Triad',
  },
  DIGEST: {
    subject: 'Your Triad summary',
    lead: 'You have new items in your Triad inbox.',
    action: 'Open your inbox',
  },
  ESCALATION: {
    subject: 'A safety item in Triad needs attention',
    lead: 'An urgent safety item in Triad has not been acknowledged yet. Please sign in and look at it now.',
    action: 'Open Triad',
  },
  CHECK_IN_REMINDER: {
    subject: 'A reminder to check in',
    lead: 'This is your reminder to check in today. It takes a minute.',
    action: 'Check in',
  },
  QUESTIONNAIRE_REMINDER: {
    subject: 'A questionnaire is ready for you',
    lead: 'A short questionnaire from your care team is ready for you.',
    action: 'Open Triad',
  },
  PLAN_REMINDER: {
    subject: 'Your plan has something new to read',
    lead: 'Your care team has updated something for you to read in Triad.',
    action: 'Open Triad',
  },
  APPOINTMENT_REMINDER: {
    subject: 'A reminder of your upcoming appointment',
    lead: 'You have an appointment coming up. Sign in to Triad to see when and how to join.',
    action: 'See your appointments',
  },
};

const listOf = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The email for `purpose`, linking to `link` (an app path) on `origin`, and to the preferences.
 * `count` (the digest) says how many items wait, a number and nothing else. `clinicians` (an
 * admin's escalation) names the clinicians whose patient it is, never the patient.
 */
export function emailFor(
  purpose: EmailPurpose,
  origin: string,
  link: string,
  count?: number,
  clinicians?: readonly string[],
): EmailContent {
  const words = WORDS[purpose];
  const url = new URL(link, origin).toString();
  const preferences = new URL('/account/notifications', origin).toString();
  const lead =
    purpose === 'DIGEST' && count !== undefined
      ? `You have ${count} new ${count === 1 ? 'item' : 'items'} in your Triad inbox.`
      : purpose === 'ESCALATION' && clinicians?.length
        ? `An urgent safety item on a patient of ${listOf(clinicians)} has not been acknowledged yet. Please make sure one of them sees it now.`
        : words.lead;
  const text = [
    lead,
    '',
    `${words.action}: ${url}`,
    '',
    'For your privacy, this email never says what the item is. You will be asked to sign in.',
    `Choose which emails you get: ${preferences}`,
  ].join('\n');
  const html = [
    `<p>${escape(lead)}</p>`,
    `<p><a href="${escape(url)}">${escape(words.action)}</a></p>`,
    '<p>For your privacy, this email never says what the item is. You will be asked to sign in.</p>',
    `<p><a href="${escape(preferences)}">Choose which emails you get</a></p>`,
  ].join('\n');
  return { subject: words.subject, text, html };
}
