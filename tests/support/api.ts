// Calling the v1 route handlers in tests: real handlers, a real database, a real session cookie.
import { readdirSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import type { User } from '@/prisma/generated/client';
import type { HttpMethod } from '@/lib/api/registry';
import type { SessionToken } from '@/lib/auth/options';
import { epochSeconds, sessionCookieName } from '@/lib/auth/session-policy';
import type { PatientWithAccount } from '@/tests/factories';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const V1_DIR = path.resolve(import.meta.dirname, '../../app/api/v1');
const BASE = 'http://localhost:3000';

/** The `Cookie` header of a live session for a user or patient, as next-auth would mint it. */
export async function sessionCookie(
  subject: User | PatientWithAccount,
  overrides: Partial<SessionToken> = {},
): Promise<string> {
  const account = 'account' in subject ? subject.account : subject;
  const now = epochSeconds(new Date());
  const token: SessionToken = {
    sub: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    organizationId: account.organizationId,
    patientId: 'account' in subject ? subject.id : null,
    sessionVersion: account.sessionVersion,
    authTime: now,
    lastActivity: now,
    ...overrides,
  };
  const secret = process.env.NEXTAUTH_SECRET!;
  const jwt = await encode({ token, secret, maxAge: 30 * 60 });
  return `${sessionCookieName(false)}=${jwt}`;
}

/** A route file of app/api/v1, with its path in OpenAPI form (`/api/v1/patients/{patientId}`). */
export type RouteFile = { path: string; file: string };

/** Every route.ts under app/api/v1. */
export function routeFiles(dir = V1_DIR): RouteFile[] {
  const found: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...routeFiles(full));
    else if (/^route\.(ts|tsx|js)$/.test(entry.name)) {
      const relative = path.relative(V1_DIR, dir).split(path.sep).filter(Boolean);
      const segments = relative.map((s) => s.replace(/^\[(.+)\]$/, '{$1}'));
      found.push({ path: ['/api/v1', ...segments].join('/'), file: full });
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

type RouteModule = Record<string, unknown>;
type RouteHandler = (
  request: NextRequest,
  context: { params: Promise<object> },
) => Promise<Response>;
const modules = new Map<string, Promise<RouteModule>>();

/** The module of the route file serving an OpenAPI-form path. */
export function loadRoute(routePath: string): Promise<RouteModule> {
  const route = routeFiles().find((r) => r.path === routePath);
  if (!route) throw new Error(`No route file under app/api/v1 serves ${routePath}`);
  let loaded = modules.get(route.file);
  if (!loaded) {
    loaded = import(route.file) as Promise<RouteModule>;
    modules.set(route.file, loaded);
  }
  return loaded;
}

/** The HTTP methods a route module exports. */
export function exportedMethods(module: RouteModule): string[] {
  return HTTP_METHODS.filter((m) => typeof module[m] === 'function');
}

export type ApiCall = {
  method: HttpMethod;
  /** OpenAPI form; `{name}` is filled from `params`. */
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** A query string sent as is (after `?`), for bytes URLSearchParams would normalize. */
  rawQuery?: string;
  /** Sent as JSON unless `rawBody` is given. */
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  headers?: Record<string, string>;
};

export type ApiResult = {
  status: number;
  headers: Headers;
  // The tests read whatever came back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
};

/** Calls the real route handler for `call.path` with a NextRequest, as Next would. */
export async function callApi(call: ApiCall): Promise<ApiResult> {
  const params = call.params ?? {};
  const concrete = call.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${call.path}`);
    // A lone surrogate cannot travel in a URL; the handler still gets it, as the worst case.
    return encodeURIComponent(
      value.replace(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      ),
    );
  });
  const url = new URL(concrete, BASE);
  if (call.rawQuery !== undefined) url.search = call.rawQuery;
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(call.headers);
  if (call.cookie) headers.set('cookie', call.cookie);
  let body: string | undefined = call.rawBody;
  if (body === undefined && call.body !== undefined) body = JSON.stringify(call.body);
  if (body !== undefined && !headers.has('content-type')) {
    headers.set('content-type', 'application/json');
  }
  const request = new NextRequest(url, { method: call.method, headers, body });
  const routeModule = await loadRoute(call.path);
  const handler = routeModule[call.method] as RouteHandler | undefined;
  if (!handler) throw new Error(`${call.path} exports no ${call.method}`);
  // As Next does: the handler gets the parameters its path names, and no others.
  const named = Object.fromEntries(
    [...call.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, params[name!]!]),
  );
  const response = await handler(request, { params: Promise.resolve(named) });
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    return { status: response.status, headers: response.headers, ...(await firstEvent(response)) };
  }
  if (response.headers.get('content-type') === 'application/pdf') {
    // A PDF's text is compressed in its bytes: the extracted text is what a reader sees, so it is
    // what the walks (the psychotherapy marker, the matrix's schema) look at.
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    return { status: response.status, headers: response.headers, body: text, text };
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/**
 * An event stream never ends by itself: its answer, for a test, is its first event with data (the
 * body is that data, parsed), read and then the stream cancelled, as a client going away would.
 */
async function firstEvent(response: Response): Promise<{ body: unknown; text: string }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
      const event = text.split('\n\n').find((block) => /^data:/m.test(block));
      if (event) {
        const data = event.split('\n').filter((line) => line.startsWith('data:'));
        return { body: JSON.parse(data.map((line) => line.slice(5).trim()).join('\n')), text };
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { body: null, text };
}

/** The text of every page of a PDF, in order (pdf-parse, on pdf.js). */
export async function pdfText(data: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
