import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { ACTIVITY_HEADER, BACKGROUND_ACTIVITY } from '@/lib/auth/session-policy';

/** One field's complaint in a problem answer: `path` is dotted, e.g. `email` or `answers.3`. */
export type ProblemFieldError = { path: string; message: string };

/** A failed /api/v1 call: the problem+json body, or what could be said when there was none. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    title?: string;
    detail?: string;
    errors?: ProblemFieldError[];
    requestId?: string;
  }) {
    const detail = init.detail || 'Something went wrong. Please try again.';
    super(detail);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title ?? 'Error';
    this.detail = detail;
    this.errors = init.errors ?? [];
    this.requestId = init.requestId;
  }
}

/** The message for an error thrown by apiFetch or by fetch itself (offline, aborted). */
export function problemMessage(error: unknown): string {
  if (error instanceof ApiProblem) return error.detail;
  return 'We could not reach Triad. Check your connection and try again.';
}

type JsonValue = unknown;

function isFieldErrorList(value: unknown): value is ProblemFieldError[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as ProblemFieldError).path === 'string' &&
        typeof (e as ProblemFieldError).message === 'string',
    )
  );
}

async function toProblem(response: Response): Promise<ApiProblem> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status alone is all there is.
  }
  return new ApiProblem({
    status: response.status,
    title: typeof body.title === 'string' ? body.title : undefined,
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: isFieldErrorList(body.errors) ? body.errors : undefined,
    requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
  });
}

/**
 * Asks the person to sign in again after their session ended (components/auth/session-recovery.tsx
 * registers it): resolves true once they have, false when they decline.
 */
export type SessionRecovery = () => Promise<boolean>;

let sessionRecovery: SessionRecovery | null = null;

/** Registers (or, with null, removes) the in-place sign-in that apiFetch calls on a 401. */
export function setSessionRecovery(recovery: SessionRecovery | null): void {
  sessionRecovery = recovery;
}

/** What a person reads when their session ended and they did not sign in again. */
export const SESSION_ENDED_MESSAGE =
  'You were signed out. What you typed is still here: try again to sign in and send it.';

/** What a page that refreshes by itself says once the session has ended. */
export const SIGNED_OUT_MESSAGE =
  'You were signed out, so this is not being updated. Reload the page to sign in again.';

export type ApiFetchInit = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** For a POST that creates: see useCreateMutation in lib/use-create-mutation.ts. */
  idempotencyKey?: string;
  /**
   * A request no person asked for (a poll, a refetch): sent with the background mark, so it does
   * not keep the session alive, and a 401 fails quietly instead of asking to sign in.
   */
  background?: boolean;
  /** false: a 401 fails at once, without asking to sign in (autosave, which must not interrupt). */
  recoverSession?: boolean;
};

/**
 * Calls the v1 API from the browser: JSON in and out, the session cookie sent, and any non-2xx
 * answer thrown as an ApiProblem. 204 resolves to undefined. When a person's request meets an
 * ended session (401), it asks them to sign in again in place and then sends the request once
 * more, so whatever form sent it keeps what was typed and completes; if they decline, it throws.
 */
export async function apiFetch<T = JsonValue>(
  path: `/api/v1/${string}`,
  init: ApiFetchInit = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  // SECURITY: same-origin only (a relative path); fetch sends this app's Origin, which the API's
  // foreign-origin check of mutations requires.
  const send = () =>
    fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
        ...(init.background ? { [ACTIVITY_HEADER]: BACKGROUND_ACTIVITY } : {}),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  let response = await send();
  if (response.status === 401 && !init.background && init.recoverSession !== false) {
    // The API refused before doing anything, so sending the same request again is safe (and an
    // Idempotency-Key goes with it).
    if (sessionRecovery && (await sessionRecovery())) response = await send();
  }
  if (response.status === 401) {
    // The API's words are for API clients; a person reads what happened and what to do.
    const problem = await toProblem(response);
    throw new ApiProblem({
      ...problem,
      detail: init.background ? SIGNED_OUT_MESSAGE : SESSION_ENDED_MESSAGE,
    });
  }
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * Whether a query's fetch is one no person asked for: a refetch of data already shown (on an
 * interval, on focus or reconnect, after an invalidation), as opposed to the first load or a
 * "show more" of an infinite list. Queries pass it to apiFetch as `background`.
 */
export function isBackgroundFetch(context: { client: QueryClient; queryKey: QueryKey }): boolean {
  const query = context.client.getQueryCache().find({ queryKey: context.queryKey, exact: true });
  if (!query || query.state.data === undefined) return false;
  const meta = query.state.fetchMeta as { fetchMore?: unknown } | null;
  return !meta?.fetchMore;
}

/** A query string from the defined, non-empty values only: `?cursor=…&limit=25`, or ''. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The queryFn of a TanStack query that GETs `path`: aborted with the query, and a refetch no person
 * asked for goes as background (isBackgroundFetch), so it neither keeps a session alive nor asks
 * to sign in.
 */
export function apiQuery<T>(path: `/api/v1/${string}`) {
  return ({
    signal,
    ...context
  }: {
    signal: AbortSignal;
    client: QueryClient;
    queryKey: QueryKey;
  }) => apiFetch<T>(path, { signal, background: isBackgroundFetch(context) });
}
