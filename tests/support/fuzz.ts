// Hostile requests for every operation of the /api/v1 registry, generated with
// fast-check from a fixed seed. Each one is a valid request of the authorization matrix with one
// part made hostile: a path id, a query value, a body field, the whole body, or a header. Run by
// tests/integration/api-fuzz.test.ts: a sample in the suite, 300+ per operation with `npm run fuzz`.
import { isDeepStrictEqual } from 'node:util';
import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { db } from '@/lib/db';
import { answerSchema } from '@/lib/api/openapi';
import { apiRoutes, type ApiRoute } from '@/lib/api/registry';
import { EARLIEST_DATE, LATEST_DATE } from '@/lib/schemas/common';
import { matrix } from '@/tests/integration/matrix';
import { callApi, sessionCookie, type ApiCall } from '@/tests/support/api';
import { SUBJECTS, type Row, type Subject, type World } from '@/tests/support/matrix';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'date' | 'datetime' | 'id' | 'cursor' | 'number' | 'string' | 'other';

/** The one hostile part of a request. */
export type Mutation =
  | { where: 'path'; name: string; value: string }
  | { where: 'query'; name: string; value: string; kind: Kind }
  | { where: 'rawQuery'; value: string }
  | { where: 'body'; at: (string | number)[]; value: unknown; kind: Kind }
  | { where: 'bodyKey'; key: string; value: unknown }
  | { where: 'rawBody'; value: string; contentType: string }
  | { where: 'header'; name: string; value: string };

export type HostileInput = { subject: Subject; mutation: Mutation };

// ----------------------------------------------------------------------------------------------
// Hostile values

/** Dates at and beyond the edges; `out` marks those every date field must refuse. */
const DATE_EDGES: { value: string; out: boolean }[] = [
  { value: '0000-01-01', out: true },
  { value: '0001-01-01', out: true },
  { value: '1899-12-31', out: true },
  { value: EARLIEST_DATE, out: false },
  { value: LATEST_DATE, out: false },
  { value: '2101-01-01', out: true },
  { value: '9999-12-31', out: true },
  { value: '+275760-09-13', out: true },
  { value: '-000001-01-01', out: true },
  { value: '2024-02-30', out: true },
  { value: '2024-13-01', out: true },
  { value: '0000-01-01T00:00:00Z', out: true },
  { value: '0001-01-01T00:00:00.000Z', out: true },
  { value: '1899-12-31T23:59:59Z', out: true },
  { value: '1900-01-01T00:00:00+14:00', out: false },
  { value: '2100-12-31T23:59:59-12:00', out: false },
  { value: '2101-01-01T00:00:00Z', out: true },
  { value: '9999-12-31T23:59:59.999Z', out: true },
  { value: '+275760-09-13T00:00:00.000Z', out: true },
  { value: '2026-01-01T25:00:00Z', out: true },
  { value: '2026-01-01T00:00:00+99:99', out: true },
  { value: '2026-01-01 00:00:00', out: true },
];
const OUT_OF_RANGE = new Set(DATE_EDGES.filter((d) => d.out).map((d) => d.value));

const EPOCHS = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31,
  2 ** 32,
  2 ** 53 + 1,
  8.64e15,
  8.64e15 + 1,
  -8.64e15,
  -8.64e15 - 1,
  253402300800000,
  -62167219200000,
  -62135596800000,
  4133980799999,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e21,
  -1e21,
  1e308,
  -1e308,
  5e-324,
];

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\u000c',
  '\r',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
];

const short = fc.string({ maxLength: 12 });
const nulText = fc.tuple(short, short).map(([a, b]) => `${a}\u0000${b}`);
const controlText = fc
  .tuple(short, fc.constantFrom(...CONTROL), short)
  .map(([a, c, b]) => `${a}${c}${b}`);
const oddUnicode = fc.constantFrom(
  '\uD800',
  'a\uDFFFb',
  '\uFEFF',
  '\u200B\u200D',
  'e\u0301',
  '\u202Egnp.exe',
  '\u2028\u2029',
  '\uFFFF',
  '𝕏'.repeat(5000),
  'İı ß ﬁ',
  '👩🏽‍⚕️',
  '\u0300'.repeat(1000),
);
const anyUnicode = fc.string({ unit: 'binary', maxLength: 40 });
const injection = fc.constantFrom(
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  '%00',
  '../../etc/passwd',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-0',
  'null',
  'undefined',
  '__proto__',
  'constructor',
);
const longText = fc.constantFrom('x'.repeat(256), 'x'.repeat(5001), 'x'.repeat(20_001));
const dateEdge = fc.constantFrom(...DATE_EDGES.map((d) => d.value));
const anyDate = fc
  .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().slice(0, 10)));
const epoch = fc.constantFrom(...EPOCHS);
const numeric = fc.oneof(
  epoch,
  fc.integer(),
  fc.double(),
  fc.constantFrom('1', '0', '-1', '1e3', '0x10', '١٢٣', '1.0', ' 1', '+1', '9'.repeat(400)),
);
const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(
  null,
  true,
  false,
  0,
  '',
  ' ',
  [],
  {},
  [null],
  [1, 2, 3],
  { a: 1 },
  { $gt: '' },
  '[]',
  '{}',
);
const deep = fc.integer({ min: 2, max: 3000 }).map((depth) => {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

const text = fc.oneof(
  { arbitrary: nulText, weight: 3 },
  { arbitrary: controlText, weight: 3 },
  { arbitrary: oddUnicode, weight: 2 },
  { arbitrary: anyUnicode, weight: 1 },
  { arbitrary: injection, weight: 1 },
  { arbitrary: longText, weight: 1 },
);
const anything: fc.Arbitrary<unknown> = fc.oneof(text, dateEdge, numeric, wrongType, deep);

function base64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString(
    'base64url',
  );
}

/** Ids of the world that name something real elsewhere (another patient, another tenant). */
function idsOf(world: World) {
  const elsewhere = [world.users.otherPatient, world.users.otherOrgClinician].map((u) =>
    'account' in u ? u.id : u.organizationId,
  );
  return fc.oneof(
    fc.uuid(),
    fc.constantFrom(
      ...elsewhere,
      '00000000-0000-0000-0000-000000000000',
      'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
      '{00000000-0000-0000-0000-000000000000}',
      '00000000000000000000000000000000',
      '00000000-0000-0000-0000-0000000000000',
      'not-a-uuid',
      '1',
      '-1',
      ' ',
      '..',
      '%00',
      'null',
    ),
    fc.uuid().map((id) => `${id}\u0000`),
    fc.uuid().map((id) => `${id} `),
    nulText,
    controlText,
    oddUnicode,
    injection,
  );
}

const CURSOR_EDGES = [
  ...DATE_EDGES.map((d) => base64url([d.value, 0, randomUUID()])),
  base64url(['2026-01-01T00:00:00.000Z', 99, randomUUID()]),
  base64url(['2026-01-01T00:00:00.000Z', -1, randomUUID()]),
  base64url(['2026-01-01T00:00:00.000Z', 0.5, randomUUID()]),
  base64url(['2026-01-01T00:00:00.000Z', 0, 'x\u0000']),
  base64url([null, null, null]),
  base64url([8.64e15, 0, randomUUID()]),
  base64url({ at: '2026-01-01T00:00:00.000Z' }),
  base64url('['),
  base64url('null'),
  base64url('\u0000'),
  'x',
  '!!!',
  '====',
  'null',
  '-1',
  '0',
  '1e3',
  '999999',
  '1000000',
  '9'.repeat(400),
  'A'.repeat(201),
];
const cursor = fc.oneof(
  { arbitrary: fc.constantFrom(...CURSOR_EDGES), weight: 4 },
  { arbitrary: fc.uuid(), weight: 2 },
  { arbitrary: fc.base64String({ maxLength: 80 }), weight: 1 },
  { arbitrary: text, weight: 1 },
);

function valuesFor(kind: Kind, world: World): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'date':
    case 'datetime':
      return fc.oneof(
        { arbitrary: dateEdge, weight: 6 },
        { arbitrary: anyDate, weight: 2 },
        { arbitrary: epoch, weight: 1 },
        { arbitrary: text, weight: 1 },
        { arbitrary: wrongType, weight: 1 },
      );
    case 'id':
      return fc.oneof({ arbitrary: idsOf(world), weight: 4 }, { arbitrary: wrongType, weight: 1 });
    case 'cursor':
      return cursor;
    case 'number':
      return fc.oneof({ arbitrary: numeric, weight: 4 }, { arbitrary: wrongType, weight: 1 });
    case 'string':
      return fc.oneof(
        { arbitrary: text, weight: 6 },
        { arbitrary: dateEdge, weight: 1 },
        { arbitrary: wrongType, weight: 1 },
        { arbitrary: numeric, weight: 1 },
      );
    default:
      return anything;
  }
}

/** Query values are text: what fast-check makes, as the string a URL would carry. */
const asQueryText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

// ----------------------------------------------------------------------------------------------
// Where the hostile part goes

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function kindOfValue(value: unknown): Kind {
  if (typeof value === 'number') return 'number';
  if (typeof value !== 'string') return 'other';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return 'datetime';
  if (UUID.test(value)) return 'id';
  return 'string';
}

/** Every node of a JSON value but the root, with its path. */
function nodesOf(value: unknown, at: (string | number)[] = []): [(string | number)[], unknown][] {
  const found: [(string | number)[], unknown][] = at.length ? [[at, value]] : [];
  if (Array.isArray(value)) value.forEach((v, i) => found.push(...nodesOf(v, [...at, i])));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) found.push(...nodesOf(v, [...at, key]));
  }
  return found;
}

/** The query keys of a route and each one's kind, from its zod schema. */
function queryKeysOf(route: ApiRoute): [string, Kind][] {
  if (!route.query) return [];
  const json = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const text = JSON.stringify(schema);
    if (name === 'cursor') return [name, 'cursor'];
    if (text.includes('"format":"date"')) return [name, 'date'];
    if (text.includes('"format":"date-time"')) return [name, 'datetime'];
    if (/Id$/.test(name)) return [name, 'id'];
    if (text.includes('"integer"') || text.includes('"number"')) return [name, 'number'];
    return [name, 'string'];
  });
}

const pathNames = (route: ApiRoute) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

const HEADER_SAFE = /^[\t\x20-\x7E\x80-\xFF]*$/;
const headerValue = fc
  .oneof(
    fc.constantFrom('', ' ', 'x'.repeat(201), 'x'.repeat(8000), 'ü', 'a b', '\t', '*', 'null'),
    fc.constantFrom('"-1"', '"0"', '"99999999999"', 'W/"1"', '"1", "2"', '"1e3"', '"0x1"', '1'),
    fc.string({ maxLength: 60 }),
    fc.uuid(),
  )
  .filter((v) => HEADER_SAFE.test(v));

const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"x"',
  '42',
  '\u0000',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
  `{"a":"${'x'.repeat(70_000)}"}`,
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];
const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'x\u0000',
  '',
  'isAdmin',
];

/** One hostile part for a route, given a valid request of it (the matrix row's). */
function mutations(route: ApiRoute, base: Partial<ApiCall>, world: World): fc.Arbitrary<Mutation> {
  const options: { arbitrary: fc.Arbitrary<Mutation>; weight: number }[] = [];
  const names = pathNames(route);
  if (names.length) {
    options.push({
      weight: 2,
      arbitrary: fc
        .constantFrom(...names)
        .chain((name) =>
          fc
            .oneof(idsOf(world), numeric.map(String))
            .map((value): Mutation => ({ where: 'path', name, value })),
        ),
    });
  }
  const keys: [string, Kind][] = [
    ...queryKeysOf(route),
    ...POLLUTING_KEYS.map((k): [string, Kind] => [k, 'other']),
  ];
  options.push({
    weight: route.query ? 3 : 1,
    arbitrary: fc.constantFrom(...keys).chain(([name, kind]) =>
      valuesFor(kind, world).map((value): Mutation => ({
        where: 'query',
        name,
        value: asQueryText(value),
        kind,
      })),
    ),
  });
  options.push({
    weight: 1,
    arbitrary: fc
      .constantFrom('%', '%zz', 'cursor=%ED%A0%80', 'cursor=%00', '&&&', '=x', 'limit=1&limit=2')
      .map((value): Mutation => ({ where: 'rawQuery', value })),
  });
  if (route.method !== 'GET') {
    const body = base.body ?? {};
    const nodes = nodesOf(body);
    if (nodes.length) {
      options.push({
        weight: 6,
        arbitrary: fc.constantFrom(...nodes).chain(([at, value]) => {
          const kind = kindOfValue(value);
          return fc
            .oneof(
              { arbitrary: valuesFor(kind, world), weight: 5 },
              { arbitrary: anything, weight: 1 },
            )
            .map((hostile): Mutation => ({ where: 'body', at, value: hostile, kind }));
        }),
      });
    }
    options.push({
      weight: 1,
      arbitrary: anything.map((value): Mutation => ({
        where: 'body',
        at: [],
        value,
        kind: 'other',
      })),
    });
    options.push({
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...POLLUTING_KEYS),
          fc.oneof(fc.constant({ polluted: true }), anything),
        )
        .map(([key, value]): Mutation => ({ where: 'bodyKey', key, value })),
    });
    options.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...RAW_BODIES), fc.constantFrom(...CONTENT_TYPES))
        .map(([value, contentType]): Mutation => ({ where: 'rawBody', value, contentType })),
    });
  }
  const headers = ['If-Match', 'Idempotency-Key', 'Content-Type', 'Accept'];
  options.push({
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...headers), headerValue)
      .map(([name, value]): Mutation => ({ where: 'header', name, value })),
  });
  return fc.oneof(...options);
}

/** The mutations every run makes whatever the sample: NUL bytes and dates at the edges everywhere. */
function sweep(route: ApiRoute, base: Partial<ApiCall>): Mutation[] {
  const found: Mutation[] = [];
  for (const name of pathNames(route)) {
    for (const value of ['\u0000', 'a\u0000b', `${randomUUID()}\u0000`, 'not-a-uuid', '%00']) {
      found.push({ where: 'path', name, value });
    }
  }
  for (const [name, kind] of queryKeysOf(route)) {
    const values =
      kind === 'date' || kind === 'datetime'
        ? DATE_EDGES.map((d) => d.value)
        : kind === 'cursor'
          ? CURSOR_EDGES
          : [];
    for (const value of [...values, 'a\u0000b', 'a\u0007b']) {
      found.push({ where: 'query', name, value, kind });
    }
  }
  if (route.method !== 'GET') {
    for (const [at, value] of nodesOf(base.body ?? {})) {
      const kind = kindOfValue(value);
      const values =
        kind === 'date' || kind === 'datetime'
          ? DATE_EDGES.map((d) => d.value)
          : typeof value === 'string'
            ? ['a\u0000b', 'a\u0007b']
            : [];
      for (const hostile of values) found.push({ where: 'body', at, value: hostile, kind });
    }
    found.push({ where: 'bodyKey', key: '__proto__', value: { polluted: true } });
  }
  return found;
}

// ----------------------------------------------------------------------------------------------
// Requests

function withMutation(
  route: ApiRoute,
  base: Partial<ApiCall>,
  mutation: Mutation,
): Partial<ApiCall> {
  // Without a prototype, so that a key named `__proto__` is a key like any other.
  const bare = <T extends object>(from: T | undefined): T =>
    Object.assign(Object.create(null) as T, from);
  const call: Partial<ApiCall> = {
    ...base,
    params: bare(base.params),
    query: bare(base.query),
    headers: bare(base.headers),
  };
  switch (mutation.where) {
    case 'path':
      call.params![mutation.name] = mutation.value;
      break;
    case 'query':
      call.query![mutation.name] = mutation.value;
      break;
    case 'rawQuery':
      call.query = {};
      call.rawQuery = mutation.value;
      break;
    case 'body': {
      if (mutation.at.length === 0) {
        call.body = mutation.value;
        break;
      }
      const body = JSON.parse(JSON.stringify(base.body ?? {})) as Record<string | number, unknown>;
      let node = body;
      for (const step of mutation.at.slice(0, -1)) node = node[step] as typeof node;
      node[mutation.at.at(-1)!] = mutation.value;
      call.body = body;
      break;
    }
    case 'bodyKey': {
      // Written by hand so that `__proto__` stays an own key, as a hostile client would send it.
      const rest = JSON.stringify(base.body ?? {});
      const pair = `${JSON.stringify(mutation.key)}:${JSON.stringify(mutation.value) ?? 'null'}`;
      call.rawBody = rest === '{}' ? `{${pair}}` : `{${pair},${rest.slice(1)}`;
      break;
    }
    case 'rawBody':
      call.rawBody = mutation.value;
      call.headers!['content-type'] = mutation.contentType;
      break;
    case 'header':
      call.headers![mutation.name] = mutation.value;
      break;
  }
  if (route.method === 'GET') {
    delete call.body;
    delete call.rawBody;
  }
  return call;
}

function seedOf(seed: number, route: ApiRoute): number {
  return createHash('sha256')
    .update(`${seed}:${route.method} ${route.path}`)
    .digest()
    .readInt32LE(0);
}

function rowOf(route: ApiRoute): Row {
  const row = matrix.find((r) => r.method === route.method && r.path === route.path);
  if (!row) throw new Error(`No matrix row for ${route.method} ${route.path}`);
  return row;
}

/** The callers who may do what the row does (2xx), then everyone else. */
function subjectsOf(row: Row): fc.Arbitrary<Subject> {
  const allowed = SUBJECTS.filter((s) => row.expect[s] < 300 && s !== 'signedOut');
  const others = SUBJECTS.filter((s) => !allowed.includes(s) && s !== 'signedOut');
  return fc.oneof(
    ...(allowed.length ? [{ arbitrary: fc.constantFrom(...allowed), weight: 6 }] : []),
    ...(others.length ? [{ arbitrary: fc.constantFrom(...others), weight: 3 }] : []),
    { arbitrary: fc.constant('signedOut' as Subject), weight: 1 },
  );
}

/** `count` hostile inputs for one route: half from the sweep (at most), the rest sampled. */
export async function hostileInputs(
  route: ApiRoute,
  world: World,
  count: number,
  seed: number,
): Promise<HostileInput[]> {
  const row = rowOf(route);
  const base = row.call ? await row.call(world) : {};
  const own = seedOf(seed, route);
  const subjects = fc.sample(subjectsOf(row), { seed: own, numRuns: count });
  const fixed = fc.sample(fc.shuffledSubarray(sweep(route, base)), { seed: own, numRuns: 1 })[0]!;
  const chosen = fixed.slice(0, Math.ceil(count / 2));
  const sampled = fc.sample(mutations(route, base, world), {
    seed: own + 1,
    numRuns: count - chosen.length,
  });
  return [...chosen, ...sampled].map((mutation, i) => ({ subject: subjects[i]!, mutation }));
}

export type FuzzResult = {
  route: ApiRoute;
  input: HostileInput;
  status: number;
  contentType: string | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
};

/** Sends one hostile input to the real handler, on a fresh valid request of the matrix row. */
export async function send(
  route: ApiRoute,
  world: World,
  input: HostileInput,
): Promise<FuzzResult> {
  const row = rowOf(route);
  const base = row.call ? await row.call(world) : {};
  const call = withMutation(route, base, input.mutation);
  const result = await callApi({
    ...call,
    method: route.method,
    path: route.path,
    cookie: world.cookies[input.subject],
    params: { patientId: world.team.patient.id, ...call.params },
  });
  return {
    route,
    input,
    status: result.status,
    contentType: result.headers.get('content-type'),
    body: result.body,
  };
}

/** Fresh session cookies (a long run outlasts the 30-minute idle window of the first ones). */
export async function refreshCookies(world: World): Promise<void> {
  for (const [subject, user] of Object.entries(world.users)) {
    world.cookies[subject as Subject] = await sessionCookie(user);
  }
}

// ----------------------------------------------------------------------------------------------
// What must hold

const hasNul = (value: unknown): boolean => JSON.stringify(value)?.includes('\\u0000') ?? false;

/** What an answer says that its route's definition does not publish (status, members). */
function unpublished(route: ApiRoute, status: number, body: unknown): string[] {
  if (status === 204) return [];
  const schema = answerSchema(route, status);
  if (!schema) return [`answered ${status}, which the document does not list`];
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return [`a ${status} that does not fit its schema: ${JSON.stringify(parsed.error.issues)}`];
  const extra = !isDeepStrictEqual(parsed.data, body);
  return extra ? [`a ${status} with members its schema does not name`] : [];
}

/** The broken promises in one answer (empty when it is as it should be). */
export function problemsWith(result: FuzzResult): string[] {
  const { route, input, status } = result;
  const { mutation } = input;
  const found: string[] = [];
  if (status >= 500) found.push(`answered ${status}`);
  if (status >= 400) {
    if (result.contentType !== 'application/problem+json') {
      found.push(`a ${status} that is not problem+json (${result.contentType})`);
    } else if (result.body?.status !== status) {
      found.push(`a ${status} whose problem says status ${result.body?.status}`);
    }
  }
  if (status !== 499) found.push(...unpublished(route, status, result.body));
  if (input.subject === 'signedOut' && !route.public) {
    if (status !== 401) found.push(`answered ${status} without a session`);
    return found;
  }
  // NUL reaches nothing: never accepted where the route reads it.
  const reads =
    mutation.where === 'path' ||
    (route.query !== undefined && mutation.where === 'query') ||
    (route.body !== undefined && (mutation.where === 'body' || mutation.where === 'bodyKey'));
  if (reads && status < 300 && hasNul('value' in mutation ? mutation.value : null)) {
    found.push(`accepted a NUL (${status})`);
  }
  if (route.body && mutation.where === 'bodyKey' && hasNul(mutation.key) && status < 300) {
    found.push(`accepted a NUL in a key (${status})`);
  }
  // A date out of bounds in a date field: 400 naming the field.
  const isDateField =
    (mutation.where === 'query' || (mutation.where === 'body' && route.body !== undefined)) &&
    (mutation.kind === 'date' || mutation.kind === 'datetime');
  if (isDateField && typeof mutation.value === 'string' && OUT_OF_RANGE.has(mutation.value)) {
    const field = mutation.where === 'query' ? mutation.name : mutation.at.join('.');
    const paths: string[] = (result.body?.errors ?? []).map((e: { path: string }) => e.path);
    if (status !== 400 || !paths.includes(field)) {
      found.push(`a date out of bounds in ${field} answered ${status} (${paths.join(', ')})`);
    }
  }
  return found;
}

/** Whether the answer is a refusal that the audit trail must hold (a patient-scoped route). */
export function mustBeAudited(result: FuzzResult): boolean {
  return (
    result.route.path.startsWith('/api/v1/patients/{patientId}') &&
    result.input.subject !== 'signedOut' &&
    result.status >= 400 &&
    result.status !== 401
  );
}

/** Audit events per request id, for the refusals among the results. */
export async function auditedRefusals(results: FuzzResult[]): Promise<Map<string, number>> {
  const ids = results.filter(mustBeAudited).map((r) => String(r.body?.requestId));
  const counts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 1000) {
    const groups = await db.auditEvent.groupBy({
      by: ['requestId'],
      where: { requestId: { in: ids.slice(i, i + 1000) } },
      _count: true,
    });
    for (const g of groups) counts.set(g.requestId!, g._count);
  }
  return counts;
}

/** Requests and status counts per operation and in total, as a plain-text table. */
export function statusTable(results: FuzzResult[]): string {
  const statuses = [...new Set(results.map((r) => r.status))].sort((a, b) => a - b);
  const rows = new Map<string, Map<number, number>>();
  for (const r of results) {
    const key = `${r.route.method} ${r.route.path}`;
    const counts = rows.get(key) ?? new Map<number, number>();
    counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    rows.set(key, counts);
  }
  const total = new Map<number, number>();
  for (const r of results) total.set(r.status, (total.get(r.status) ?? 0) + 1);
  const width = Math.max(...[...rows.keys()].map((k) => k.length), 9);
  const line = (name: string, counts: Map<number, number>) =>
    [
      name.padEnd(width),
      String([...counts.values()].reduce((a, b) => a + b, 0)).padStart(8),
      ...statuses.map((s) => String(counts.get(s) ?? 0).padStart(6)),
    ].join(' ');
  return [
    [
      'operation'.padEnd(width),
      'requests'.padStart(8),
      ...statuses.map((s) => String(s).padStart(6)),
    ].join(' '),
    ...[...rows].map(([name, counts]) => line(name, counts)),
    line('total', total),
  ].join('\n');
}

export { apiRoutes };
