// The vocabulary of the page-read matrix: the readers, their outcomes, one row per page-only read.
import type { Viewer } from '@/lib/auth/viewer';
import { SUBJECTS, type Subject, type World } from '@/tests/integration/matrix';

/** A page read runs as a signed-in viewer: a signed-out visitor never reaches lib/data. */
export type Reader = Exclude<Subject, 'signedOut'>;
export const READERS = SUBJECTS.filter((s): s is Reader => s !== 'signedOut');

/** What a read does for one reader: answers, or refuses with NotFoundError or ForbiddenError. */
export type Outcome = 'allowed' | 'notFound' | 'forbidden';

/** Each reader's outcome: those named allowed or forbidden, everyone else NotFoundError. */
export function outcomes(allowed: Reader[], forbidden: Reader[]): Record<Reader, Outcome> {
  const of = (r: Reader): Outcome =>
    allowed.includes(r) ? 'allowed' : forbidden.includes(r) ? 'forbidden' : 'notFound';
  return Object.fromEntries(READERS.map((r) => [r, of(r)])) as Record<Reader, Outcome>;
}

export type PageRead = {
  /** The lib/data function, as pages import it. */
  name: string;
  /** The pages that call it (under app/(app)). */
  pages: string[];
  /** Calls the real function as `viewer`, on the world's team patient where it takes one. */
  read: (viewer: Viewer, w: World) => Promise<unknown>;
  expect: Record<Reader, Outcome>;
  /** For an allowed read: what it must (not) show this reader (scope of a list, own record). */
  shows?: (result: unknown, w: World, reader: Reader) => void;
  /**
   * Audit events the reader's account adds per call (1 unless said otherwise); a function of the
   * result when the number of events depends on what the read found.
   */
  audits?: number | ((result: unknown) => number);
};
