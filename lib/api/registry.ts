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
