import type { Role } from '@/lib/auth/viewer';

export type NavItem = { href: string; label: string };

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
