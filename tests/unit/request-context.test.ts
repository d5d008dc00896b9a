import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EDGE_KEY_ENV,
  allowedOrigins,
  clientRequestIdFrom,
  internalHeaders,
  isHttps,
  requestContextFrom,
  requestOrigin,
} from '@/lib/http/request-context';

const KEY = 'per-start-key-for-this-test';
const reader = (headers: Record<string, string>) => {
  const h = new Headers(headers);
  return (name: string) => h.get(name);
};
const fromEdge = (ip: string, extra: Record<string, string> = {}) => ({
  ...internalHeaders(
    { ip, proto: 'http', host: '127.0.0.1:3000' },
    '0b8f2c1e-9a4d-4c3b-8e2f-1a2b3c4d5e6f',
    KEY,
  ),
  ...extra,
});
const url = new URL('http://localhost:3000/api/v1/me');

beforeEach(() => {
  process.env[EDGE_KEY_ENV] = KEY;
});
afterEach(() => {
  delete process.env[EDGE_KEY_ENV];
  delete process.env.ALLOWED_ORIGINS;
});

describe('requestContextFrom', () => {
  it('takes the address and request id the server in front resolved', () => {
    const context = requestContextFrom(reader(fromEdge('192.0.2.10')));
    expect(context.ip).toBe('192.0.2.10');
    expect(context.requestId).toBe('0b8f2c1e-9a4d-4c3b-8e2f-1a2b3c4d5e6f');
  });

  it('believes no forwarding header, and no internal header without the key', () => {
    const spoofed = {
      'x-real-ip': '203.0.113.9',
      'x-forwarded-for': '198.51.100.1',
      'x-triad-client-ip': '203.0.113.10',
      'x-triad-edge-key': 'guessed',
    };
    expect(requestContextFrom(reader(spoofed)).ip).toBeUndefined();
    delete process.env[EDGE_KEY_ENV];
    // A bare `next start` has no key: even the right-looking headers count for nothing.
    expect(requestContextFrom(reader(fromEdge('192.0.2.10'))).ip).toBeUndefined();
  });

  it('makes its own request id and keeps the client’s only as clientRequestId', () => {
    const context = requestContextFrom(reader({ 'x-request-id': 'client-chosen-1' }));
    expect(context.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.requestId).not.toBe('client-chosen-1');
    expect(context.clientRequestId).toBe('client-chosen-1');
    const behindEdge = requestContextFrom(reader(fromEdge('192.0.2.10', { 'x-request-id': 'x' })));
    expect(behindEdge.requestId).toBe('0b8f2c1e-9a4d-4c3b-8e2f-1a2b3c4d5e6f');
    expect(behindEdge.clientRequestId).toBe('x');
  });

  it('strips control characters from the client’s request id and bounds it', () => {
    expect(clientRequestIdFrom('abc\n\u001b[31mdef\u0000')).toBe('abc[31mdef');
    expect(clientRequestIdFrom('x'.repeat(500))).toHaveLength(128);
    expect(clientRequestIdFrom('\r\n')).toBeUndefined();
    expect(clientRequestIdFrom(null)).toBeUndefined();
  });

  it('bounds the user agent', () => {
    expect(requestContextFrom(reader({ 'user-agent': 'x'.repeat(2000) })).userAgent).toHaveLength(
      512,
    );
  });
});

describe('requestOrigin', () => {
  it('is the scheme and host the client asked for', () => {
    expect(requestOrigin(reader(fromEdge('192.0.2.10')), url)).toBe('http://127.0.0.1:3000');
    expect(requestOrigin(reader({ host: '192.168.1.20:3000' }), url)).toBe(
      'http://192.168.1.20:3000',
    );
    expect(requestOrigin(reader({}), url)).toBe('http://localhost:3000');
  });

  it('takes https only from the server in front, never from X-Forwarded-Proto itself', () => {
    expect(isHttps(reader({ 'x-forwarded-proto': 'https' }), url)).toBe(false);
    const https = internalHeaders(
      { ip: '192.0.2.1', proto: 'https', host: 'triad.example' },
      'id',
      KEY,
    );
    expect(isHttps(reader(https), url)).toBe(true);
    expect(requestOrigin(reader(https), url)).toBe('https://triad.example');
  });
});

describe('allowedOrigins', () => {
  it('reads NEXTAUTH_URL and ALLOWED_ORIGINS as origins, and names what is not a URL', () => {
    process.env.ALLOWED_ORIGINS = 'https://triad.example/, http://10.0.0.5:3000 ,not a url';
    const { origins, invalid } = allowedOrigins();
    expect(origins.has('https://triad.example')).toBe(true);
    expect(origins.has('http://10.0.0.5:3000')).toBe(true);
    expect(invalid).toEqual(['not a url']);
  });
});
