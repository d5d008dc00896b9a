import { ApiProblem, problemMessage } from '@/lib/api-client';

/** Where a form puts an error: the field that shows a path (undefined: the summary), and how. */
export type ProblemTarget = {
  fieldFor: (path: string) => string | undefined;
  setError: (name: string, error: { type: string; message: string }, focus: boolean) => void;
};

/**
 * Puts an API failure where the reader will look for it: each `errors[].path` that a field of the
 * form shows goes next to that field; everything else (other paths, a 403, a network failure)
 * comes back as messages for the form's alert summary.
 */
export function applyProblem(error: unknown, target: ProblemTarget): string[] {
  if (!(error instanceof ApiProblem)) return [problemMessage(error)];
  const leftover: string[] = [];
  let placed = 0;
  for (const fieldError of error.errors) {
    const name = target.fieldFor(fieldError.path);
    if (name) {
      target.setError(name, { type: 'server', message: fieldError.message }, placed === 0);
      placed += 1;
    } else {
      leftover.push(fieldError.message);
    }
  }
  if (placed === 0 && leftover.length === 0) return [error.detail];
  if (leftover.length > 0) return [error.detail, ...leftover];
  return [];
}
