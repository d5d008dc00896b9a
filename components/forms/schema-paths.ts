import type { z } from 'zod';

// The field paths a zod schema describes, read from the schema itself so that no form keeps a
// second list of them. An array's items are `*`: `goals.*.description` describes `goals.3.description`.

type Def = { type: string } & Record<string, unknown>;

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

function collect(schema: unknown, prefix: string, into: Set<string>, depth: number): void {
  const def = defOf(schema);
  if (!def || depth > 12) return;
  const at = (segment: string) => (prefix ? `${prefix}.${segment}` : segment);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        into.add(at(key));
        collect(child, at(key), into, depth + 1);
      }
      return;
    case 'array':
      into.add(at('*'));
      collect(def.element, at('*'), into, depth + 1);
      return;
    case 'record':
      into.add(at('*'));
      collect(def.valueType, at('*'), into, depth + 1);
      return;
    case 'union':
      for (const option of def.options as unknown[]) collect(option, prefix, into, depth + 1);
      return;
    case 'intersection':
      collect(def.left, prefix, into, depth + 1);
      collect(def.right, prefix, into, depth + 1);
      return;
    case 'pipe':
      collect(def.in, prefix, into, depth + 1);
      collect(def.out, prefix, into, depth + 1);
      return;
    default:
      if (def.innerType) collect(def.innerType, prefix, into, depth + 1);
  }
}

/** Every path the schema describes, array indices as `*`. */
export function schemaPaths(schema: z.ZodType): ReadonlySet<string> {
  const paths = new Set<string>();
  collect(schema, '', paths, 0);
  return paths;
}

/** Whether `path` (dotted, e.g. `goals.3.description`) is one the schema describes. */
export function describes(paths: ReadonlySet<string>, path: string): boolean {
  if (!path) return false;
  const pattern = path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? '*' : segment))
    .join('.');
  return paths.has(pattern) || paths.has(path);
}

function isLeaf(value: unknown): boolean {
  return value !== undefined && (value === null || typeof value !== 'object');
}

/**
 * The form field that shows an error at `path`: the path itself or the nearest enclosing field the
 * form holds as one value (a comma-separated `monitorFor` input shows the error of `monitorFor.2`).
 * Undefined when the schema does not describe the path or no field of the form holds it; the error
 * then belongs to the form's summary.
 */
export function fieldAt(
  paths: ReadonlySet<string>,
  values: unknown,
  path: string,
): string | undefined {
  if (!describes(paths, path)) return undefined;
  let value: unknown = values;
  const segments = path.split('.');
  for (let i = 0; i < segments.length; i += 1) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segments[i]!];
    if (isLeaf(value)) return segments.slice(0, i + 1).join('.');
  }
  return undefined;
}
