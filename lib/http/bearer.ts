// SECURITY: a bearer token compared in constant time (GET /api/metrics). Both sides are hashed
// first, so the comparison takes as long whatever the length of what the caller sent.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether an Authorization header carries exactly `Bearer <expected>`. */
export function bearerMatches(authorization: string | null, expected: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  const sent = match?.[1] ?? '';
  // Compared even when nothing usable was sent, so a missing token takes as long as a wrong one.
  const equal = timingSafeEqual(digest(sent), digest(expected));
  return equal && sent.length > 0;
}
