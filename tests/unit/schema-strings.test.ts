// Every text field a client can send, found by walking the request schemas (the registry's path,
// query and body schemas, and every *Input, *Query and *Params of lib/schemas): none accepts a
// NUL, another control character (tab and line breaks aside) or a lone surrogate, and every date
// field refuses dates outside 1900-01-01..2100-12-31. A new field that skips the shared
// primitives of lib/schemas/common.ts fails here.
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { apiRoutes } from '@/lib/api/registry';

// The registry holds each route's handler too, and so imports lib/data; this test reads only the
// schemas and never queries, so any database address will do for the configuration to load.
vi.hoisted(() => {
  process.env.DATABASE_URL ??= 'postgresql://unused@127.0.0.1:1/unused';
});
import { IdempotencyKeyValue } from '@/lib/api/idempotency';

type Node = z.core.$ZodType;
type Found = { at: string; schema: Node };

/** The string schemas a parsed input passes through, by path (pipes: their input side only). */
function strings(schema: Node, at: string, ancestors: Node[] = []): Found[] {
  if (ancestors.includes(schema)) return [];
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const walk = (child: unknown, where = at) =>
    strings(child as Node, where, [...ancestors, schema]);
  switch (def.type) {
    case 'string':
      return [{ at, schema }];
    case 'object':
      return Object.entries(def.shape as Record<string, Node>).flatMap(([key, child]) =>
        walk(child, `${at}.${key}`),
      );
    case 'array':
      return walk(def.element, `${at}[]`);
    case 'tuple':
      return (def.items as Node[]).flatMap((item, i) => walk(item, `${at}[${i}]`));
    case 'record':
      return [...walk(def.keyType, `${at}{key}`), ...walk(def.valueType, `${at}{}`)];
    case 'union':
      return (def.options as Node[]).flatMap((option) => walk(option));
    case 'intersection':
      return [...walk(def.left), ...walk(def.right)];
    case 'pipe':
      return walk(def.in);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def.innerType);
    case 'lazy':
      return walk((def.getter as () => Node)());
    default:
      return [];
  }
}

const schemaModules = import.meta.glob<Record<string, unknown>>('/lib/schemas/*.ts', {
  eager: true,
});

function requestSchemas(): [string, Node][] {
  const found: [string, Node][] = [];
  for (const route of apiRoutes) {
    for (const part of ['params', 'query', 'body'] as const) {
      const schema = route[part];
      if (schema) found.push([`${route.method} ${route.path} ${part}`, schema]);
    }
  }
  for (const [file, exports] of Object.entries(schemaModules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (/(Input|Query|Params)$/.test(name) && value && typeof value === 'object') {
        found.push([`${file.replace(/^.*\//, '')} ${name}`, value as Node]);
      }
    }
  }
  found.push(['Idempotency-Key header', IdempotencyKeyValue]);
  return found;
}

const fields = requestSchemas().flatMap(([name, schema]) =>
  strings(schema, '').map(({ at, schema: field }) => [`${name}${at}`, field] as const),
);

const FORBIDDEN = [
  ...Array.from({ length: 32 }, (_, c) => c).filter((c) => c !== 9 && c !== 10 && c !== 13),
  ...Array.from({ length: 33 }, (_, i) => 0x7f + i),
].map((c) => String.fromCharCode(c));

const accepts = (schema: Node, value: string) =>
  (schema as unknown as z.ZodType).safeParse(value).success;

describe('every text field of every request', () => {
  it('finds the fields (the walk reaches into bodies, queries and paths)', () => {
    expect(fields.length).toBeGreaterThan(60);
    const names = fields.map(([name]) => name);
    expect(names).toContain('POST /api/v1/patients/{patientId}/messages body.body');
    expect(names).toContain(
      'PUT /api/v1/patients/{patientId}/treatment-plan body.goals[].targetDate',
    );
    expect(names).toContain('GET /api/v1/patients/{patientId}/brief query.since');
  });

  it.each(fields)('%s refuses NUL, control characters and lone surrogates', (_, schema) => {
    for (const c of FORBIDDEN) {
      const code = `U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      expect(accepts(schema, `ab${c}cd`), code).toBe(false);
      // Alone, it is refused, or trimmed away as white space (a search term's vertical tab).
      const alone = (schema as unknown as z.ZodType).safeParse(c);
      expect(alone.success && String(alone.data).includes(c), `${code} alone`).toBe(false);
    }
    expect(accepts(schema, 'ab\uD800cd')).toBe(false);
  });

  const dates = fields.filter(
    ([, schema]) =>
      (accepts(schema, '2026-03-01') || accepts(schema, '2026-03-01T09:30:00Z')) &&
      !accepts(schema, 'not-a-date-at-all') &&
      !accepts(schema, 'not a date at all') &&
      // A phone number takes "2026-03-01" too (digits and dashes), but also spaces; a date does not.
      !accepts(schema, '2026 03 01'),
  );
  it('finds the date fields', () => {
    expect(dates.length).toBeGreaterThan(8);
  });

  it.each(dates)('%s refuses dates outside 1900-01-01..2100-12-31', (_, schema) => {
    for (const day of ['0000-01-01', '0001-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) {
      expect(accepts(schema, day), day).toBe(false);
      expect(accepts(schema, `${day}T00:00:00Z`), `${day}T00:00:00Z`).toBe(false);
    }
  });
});
