import { notFound } from 'next/navigation';
import { ForbiddenError, NotFoundError } from '@/lib/errors';

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
