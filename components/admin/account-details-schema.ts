// An account's name and sign-in email, checked by the API's own rules for each; loaded when the
// form checks, so that zod stays off the page's first load (issue 15).
import { z } from 'zod';
import { Email, PersonName } from '@/lib/schemas/common';

export const DetailsInput = z.object({ name: PersonName, email: Email });
export type DetailsInput = z.infer<typeof DetailsInput>;
