import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPatterns, routeLabeller, UNMATCHED } from '@/lib/http/route-pattern';
import { bearerMatches } from '@/lib/http/bearer';

const patientId = '3f0c8a52-6a1e-4c8e-9a51-0d6f7f3b2a10';
const noteId = '9b2d4c1e-1111-4a2b-8c3d-123456789abc';

describe('route patterns of the app directory', () => {
  const patterns = appPatterns(path.resolve('app'));
  const label = routeLabeller(patterns);

  it('finds pages and route handlers, without route groups, with parameters in braces', () => {
    expect(patterns).toContain('/api/v1/patients/{patientId}/session-notes');
    expect(patterns).toContain('/patients/{patientId}/notes/{noteId}');
    expect(patterns).toContain('/api/auth/{...nextauth}');
    expect(patterns).toContain('/api/health');
    expect(patterns.some((p) => p.includes('('))).toBe(false);
  });

  it('labels a request with its pattern, never an id or a query string', () => {
    expect(label(`/api/v1/patients/${patientId}/session-notes?search=Jane%20Doe`)).toBe(
      '/api/v1/patients/{patientId}/session-notes',
    );
    expect(label(`/patients/${patientId}/notes/${noteId}`)).toBe(
      '/patients/{patientId}/notes/{noteId}',
    );
    // A calendar feed's path is its secret.
    expect(label('/api/v1/calendar/s3cr3t-feed-token.ics')).toBe('/api/v1/calendar/{feed}');
    expect(label('/api/auth/callback/credentials?x=1')).toBe('/api/auth/{...nextauth}');
    expect(label('/')).toBe('/');
  });

  it('prefers a static segment to a parameter (notes/new is not a note id)', () => {
    expect(label(`/patients/${patientId}/notes/new`)).toBe('/patients/{patientId}/notes/new');
  });

  it('gives one label to paths no route serves, and to Next’s own files', () => {
    expect(label('/patients/Jane-Doe/anything/else')).toBe(UNMATCHED);
    expect(label('/wp-login.php')).toBe(UNMATCHED);
    expect(label('/_next/static/chunks/abc123.js')).toBe('/_next/static');
    expect(label('/_next/image?url=%2Fx.png')).toBe('/_next/image');
  });
});

describe('pattern matching', () => {
  const label = routeLabeller(['/a/{x}', '/a/b', '/a/{...rest}', '/docs/{...slug?}']);

  it('ranks static over parameter over catch-all, and matches optional catch-alls empty', () => {
    expect(label('/a/b')).toBe('/a/b');
    expect(label('/a/c')).toBe('/a/{x}');
    expect(label('/a/c/d')).toBe('/a/{...rest}');
    expect(label('/a')).toBe(UNMATCHED);
    expect(label('/docs')).toBe('/docs/{...slug?}');
    expect(label('/docs/x/y')).toBe('/docs/{...slug?}');
  });
});

describe('the metrics bearer token', () => {
  const token = 'a-metrics-token-of-some-length';

  it('accepts exactly Bearer <token>, and nothing else', () => {
    expect(bearerMatches(`Bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`bearer ${token}`, token)).toBe(true);
    expect(bearerMatches(`Bearer ${token}x`, token)).toBe(false);
    expect(bearerMatches(`Basic ${token}`, token)).toBe(false);
    expect(bearerMatches(token, token)).toBe(false);
    expect(bearerMatches('Bearer ', token)).toBe(false);
    expect(bearerMatches(null, token)).toBe(false);
  });
});
