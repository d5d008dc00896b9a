// The route of a request as its pattern (`/api/v1/patients/{patientId}/notes`), never its raw path:
// the per-request log line and the request metrics are labelled with it (docs/decisions/030).
// SECURITY: a raw path holds patient ids, calendar-feed secrets and, in a query string, search
// terms (patient names); a pattern holds none. A path no route serves gets one fixed label.
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The label of a path no page or route of the app serves (404s, probes, scanners). */
export const UNMATCHED = '{unmatched}';

type Segment = { kind: 'static'; text: string } | { kind: 'param' | 'rest' | 'optional-rest' };
type Pattern = { label: string; segments: Segment[] };

const RANK = { static: 0, param: 1, rest: 2, 'optional-rest': 3 } as const;

/** A folder name of app/ as a pattern segment; null for one that adds nothing to the URL. */
function segmentOf(folder: string): string | null {
  if (/^\(.*\)$/.test(folder) || folder.startsWith('@')) return null; // route group, parallel slot
  const optionalRest = /^\[\[\.\.\.(.+)\]\]$/.exec(folder);
  if (optionalRest) return `{...${optionalRest[1]}?}`;
  const rest = /^\[\.\.\.(.+)\]$/.exec(folder);
  if (rest) return `{...${rest[1]}}`;
  const param = /^\[(.+)\]$/.exec(folder);
  return param ? `{${param[1]}}` : folder;
}

/** Every URL pattern the app directory serves (its pages and route handlers), sorted. */
export function appPatterns(appDir: string): string[] {
  const found = new Set<string>();
  const visit = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_')) continue; // private folders
        const segment = segmentOf(entry.name);
        visit(path.join(dir, entry.name), segment ? [...segments, segment] : segments);
      } else if (/^(page|route)\.(ts|tsx|js|jsx)$/.test(entry.name)) {
        found.add(`/${segments.join('/')}`);
      }
    }
  };
  visit(appDir, []);
  return [...found].sort();
}

function parse(label: string): Pattern {
  const segments = label
    .split('/')
    .filter(Boolean)
    .map((part): Segment => {
      if (/^\{\.\.\..+\?\}$/.test(part)) return { kind: 'optional-rest' };
      if (/^\{\.\.\..+\}$/.test(part)) return { kind: 'rest' };
      if (/^\{.+\}$/.test(part)) return { kind: 'param' };
      return { kind: 'static', text: part };
    });
  return { label, segments };
}

function matches(pattern: Segment[], parts: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i]!;
    if (segment.kind === 'optional-rest') return true;
    if (segment.kind === 'rest') return parts.length > i;
    if (i >= parts.length) return false;
    if (segment.kind === 'static' && segment.text !== parts[i]) return false;
  }
  return pattern.length === parts.length;
}

/** Static segments win over parameters, parameters over catch-alls, segment by segment (as Next). */
function moreSpecific(a: Pattern, b: Pattern): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i++) {
    const rankA = a.segments[i] ? RANK[a.segments[i]!.kind] : -1;
    const rankB = b.segments[i] ? RANK[b.segments[i]!.kind] : -1;
    if (rankA !== rankB) return rankA - rankB;
  }
  return 0;
}

/** Next's own files: one label per kind, whatever the file (build ids and hashes stay out). */
function nextInternal(parts: string[]): string | null {
  if (parts[0] !== '_next') return null;
  if (parts[1] === 'static' || parts[1] === 'image' || parts[1] === 'data')
    return `/_next/${parts[1]}`;
  return '/_next';
}

/** A function from a request's URL (path and query) to the pattern of the route serving it. */
export function routeLabeller(patterns: readonly string[]): (url: string) => string {
  const parsed = patterns.map(parse).sort(moreSpecific);
  return (url) => {
    const pathname = url.split(/[?#]/, 1)[0] ?? '';
    const parts = pathname.split('/').filter(Boolean);
    const internal = nextInternal(parts);
    if (internal) return internal;
    return parsed.find((pattern) => matches(pattern.segments, parts))?.label ?? UNMATCHED;
  };
}
