import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type ApiRoute = {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/patients/{patientId}`. */
  path: `/api/v1/${string}`;
  summary: string;
  /** Who may call it (PRODUCT.md's access table), shown in the document. */
  who: string;
  tag: string;
  /**
   * Creates something, so honours an Idempotency-Key (lib/data/idempotency.ts): the OpenAPI
   * document gets the header, the replay header and 409. Every POST answering 201 must say so;
   * tests/integration/idempotency.test.ts checks each such route replays and refuses as promised.
   */
  idempotent?: true;
  /** No session needed (no 401). */
  public?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success answer; `schema` absent for 204. */
  success: { status: 200 | 201 | 204; description: string; schema?: z.ZodType };
  /** Problem answers besides 401 (added unless public), 403 for a foreign Origin on mutations, and 500. */
  problems: number[];
};
