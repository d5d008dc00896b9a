// Reading a request's parts with the schemas its route definition names (lib/api/define-route.ts):
// the path parameters, the If-Match version, the query string and the JSON body.
import 'server-only';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { NotFoundError, parseInput, PreconditionError, UnreadableRequestError } from '@/lib/errors';

/** Request bodies above this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The noun of a path parameter in a 404: `membershipId` is a "membership". */
function nounOf(name: string): string {
  return name.replace(/Id$/, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

/**
 * SECURITY: a path parameter that does not fit its schema (`{patientId}` that is not an id, a
 * `{version}` that is not a number) names nothing: 404 before any read, exactly as a record out
 * of reach.
 */
export function readParams<S extends z.ZodType>(schema: S, raw: object): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const name = result.error.issues[0]?.path[0];
  throw new NotFoundError(nounOf(typeof name === 'string' ? name : 'resource'));
}

/** The version an `If-Match: "<version>"` names; 428 when absent, 412 when it names no version. */
export function readIfMatch(request: NextRequest): number {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '') {
    throw new PreconditionError(
      428,
      'Send If-Match with the version you edited (the ETag of GET), e.g. If-Match: "3"; "0" before a plan’s first version.',
    );
  }
  const match = /^\s*"(0|[1-9][0-9]{0,8})"\s*$/.exec(header);
  if (!match)
    throw new PreconditionError(412, 'If-Match must name one version, e.g. If-Match: "3".');
  return Number(match[1]);
}

/** Reads a JSON body no larger than MAX_BODY_BYTES and parses it with a (strict) zod schema. */
export async function readBody<S extends z.ZodType>(
  request: NextRequest,
  schema: S,
): Promise<z.output<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new UnreadableRequestError(
      'Send the body as JSON (Content-Type: application/json).',
      415,
    );
  }
  const tooLarge = () =>
    new UnreadableRequestError(`The body is over ${MAX_BODY_BYTES} bytes.`, 413);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new UnreadableRequestError('The body is not valid JSON.');
  }
  return parseInput(schema, body);
}

/**
 * Parses the query string with a zod schema (400 with field paths when it does not fit). An empty
 * parameter (`?q=`, as an empty form field sends) counts as absent.
 */
export function readQuery<S extends z.ZodType>(request: NextRequest, schema: S): z.output<S> {
  const entries = [...request.nextUrl.searchParams].filter(([, value]) => value !== '');
  return parseInput(schema, Object.fromEntries(entries));
}
