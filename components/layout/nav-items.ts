import type { Role } from '@/lib/auth/viewer';

export type NavItem = { href: string; label: string };

/** The current item of a navigation: the longest matching link (/my-care/plan is not /my-care). */
export function currentHref(hrefs: readonly string[], pathname: string): string | undefined {
  return hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

/**
 * The patient's navigation on a phone: four tabs at the bottom of the screen, and "More" for the
 * rest of the header's sections and the pages a phone has no other room to link to.
 */
export const PATIENT_TABS: readonly NavItem[] = [
  { href: '/my-care', label: 'My care' },
  { href: '/my-care/plan', label: 'My plan' },
  { href: '/my-care/check-in', label: 'Check in' },
  { href: '/my-care/messages', label: 'Messages' },
];

export const PATIENT_MORE: readonly NavItem[] = [
  { href: '/my-care/appointments', label: 'Appointments' },
  { href: '/my-care/trends', label: 'Trends' },
  { href: '/my-care/notes', label: 'Session notes' },
  { href: '/my-care/safety-plan', label: 'Safety plan' },
  { href: '/my-care/who-viewed', label: 'Who viewed my record' },
  { href: '/my-care/record', label: 'My record' },
  { href: '/my-care/contact', label: 'My contact details' },
  { href: '/my-care/reminders', label: 'Reminders' },
  { href: '/inbox', label: 'Inbox' },
  { href: '/account/notifications', label: 'Email notifications' },
  { href: '/account/security', label: 'Account security' },
];

/** The sections each role may open, in the order the header shows them. */
export function navItemsFor(role: Role): NavItem[] {
  if (role === 'PATIENT') {
    return [
      { href: '/my-care', label: 'My care' },
      { href: '/my-care/plan', label: 'My plan' },
      { href: '/my-care/appointments', label: 'Appointments' },
      { href: '/my-care/check-in', label: 'Check in' },
      { href: '/my-care/trends', label: 'Trends' },
      { href: '/my-care/messages', label: 'Messages' },
      { href: '/my-care/notes', label: 'Session notes' },
      { href: '/my-care/who-viewed', label: 'Who viewed my record' },
      { href: '/inbox', label: 'Inbox' },
    ];
  }
  if (role === 'ADMIN') {
    return [
      { href: '/admin', label: 'Users and care teams' },
      { href: '/admin/audit', label: 'Audit log' },
      { href: '/admin/security', label: 'Security' },
      { href: '/admin/outbox', label: 'Outbox' },
      { href: '/admin/schedule', label: 'Schedule' },
      { href: '/inbox', label: 'Inbox' },
    ];
  }
  return [
    { href: '/caseload', label: 'Caseload' },
    { href: '/today', label: 'Today' },
    { href: '/inbox', label: 'Inbox' },
    { href: '/account/security', label: 'Security' },
    { href: '/account/calendar', label: 'Calendar feed' },
  ];
}
