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
 * Calls the v1 API from the browser: JSON in and out, the session cookie sent, and any non-2xx
 * answer thrown as an ApiProblem. 204 resolves to undefined.
 */
export async function apiFetch<T = JsonValue>(
  path: `/api/v1/${string}`,
  init: {
    method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    body?: unknown;
    signal?: AbortSignal;
    headers?: Record<string, string>;
    /** For a POST that creates: see useCreateMutation in lib/use-create-mutation.ts. */
    idempotencyKey?: string;
  } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  // SECURITY: same-origin only (a relative path); fetch sends this app's Origin, which the API's
  // foreign-origin check of mutations requires.
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (!response.ok) throw await toProblem(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
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
