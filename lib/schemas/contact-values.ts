// The plain values of lib/schemas/contact.ts (limits, lists, words), without zod, so that client
// components use them without putting zod on a page's first load (issue 15).

import type { CONTACT_METHODS } from '@/lib/schemas/enums';

/** A `tel:` link's target: the digits and a leading +, nothing else. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** How each way of being reached is said. */
export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = {
  PHONE: 'Phone call',
  TEXT: 'Text message',
  EMAIL: 'Email',
};
