import { notFound } from 'next/navigation';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@/lib/errors';

/**
 * For pages: a record out of the viewer's scope, or a role-level denial, renders the not-found
 * page, exactly as a record that does not exist (the API answers 404 and 403 instead).
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}

function isCursorError(error: unknown): boolean {
  return (
    error instanceof InvalidInputError &&
    (error.fieldErrors ?? []).some((e) => e.path === 'cursor' || e.path.startsWith('cursor.'))
  );
}

/**
 * For pages paged by a `?cursor=` of their URL: the page it names, or the first page when the
 * cursor is malformed, forged or names nothing any more (an old bookmark), never an error page.
 * `cursor` is the one used (undefined for the first page). Out of scope: the not-found page.
 */
export async function pageAt<T>(
  given: string | string[] | undefined,
  read: (cursor: string | undefined) => Promise<T>,
): Promise<{ page: T; cursor: string | undefined }> {
  const cursor = typeof given === 'string' && given !== '' ? given : undefined;
  if (cursor) {
    try {
      return { page: await orNotFound(read(cursor)), cursor };
    } catch (error) {
      if (!isCursorError(error)) throw error;
    }
  }
  return { page: await orNotFound(read(undefined)), cursor: undefined };
}
