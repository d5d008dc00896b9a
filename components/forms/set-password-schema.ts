// Loaded when the set-password form checks, so that zod stays off the page's first load (issue 15).
import { z } from 'zod';
import { SetPasswordInput } from '@/lib/schemas/admin';

// The API's schema, and the one thing only a form needs: the same password typed twice.
export const SetPasswordFormSchema = SetPasswordInput.extend({
  confirmPassword: z.string(),
}).refine((values) => values.password === values.confirmPassword, {
  path: ['confirmPassword'],
  message: 'The two passwords do not match.',
});
