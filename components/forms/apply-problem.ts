import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiProblem, problemMessage } from '@/lib/api-client';

/**
 * Puts an API failure where the reader will look for it: each `errors[].path` that names one of
 * the form's fields goes next to that field (setError); everything else (other paths, a 403, a
 * network failure) comes back as messages for the form's alert summary.
 */
export function applyProblem<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string[] {
  if (!(error instanceof ApiProblem)) return [problemMessage(error)];
  const known = new Set<string>(fields);
  const leftover: string[] = [];
  let placed = 0;
  for (const fieldError of error.errors) {
    if (known.has(fieldError.path)) {
      setError(
        fieldError.path as Path<T>,
        { type: 'server', message: fieldError.message },
        { shouldFocus: placed === 0 },
      );
      placed += 1;
    } else {
      leftover.push(fieldError.message);
    }
  }
  if (placed === 0 && leftover.length === 0) return [error.detail];
  if (leftover.length > 0) return [error.detail, ...leftover];
  return [];
}
