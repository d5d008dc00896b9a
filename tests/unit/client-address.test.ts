import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClient, type IncomingView } from '@/lib/http/client-address';

const request = (socketAddress: string, headers: IncomingView['headers'] = {}): IncomingView => ({
  socketAddress,
  encrypted: false,
  headers: { host: 'triad.internal:3000', ...headers },
});

const spoofed = {
  'x-forwarded-for': '198.51.100.7, 203.0.113.66',
  'x-real-ip': '203.0.113.99',
  forwarded: 'for=203.0.113.12',
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'evil.example',
};

describe('the client address without TRUST_PROXY', () => {
  const none = parseTrustProxy(undefined);

  it('is the socket’s peer, whatever forwarding headers say', () => {
    expect(resolveClient(request('192.0.2.10', spoofed), none)).toEqual({
      ip: '192.0.2.10',
      proto: 'http',
      host: 'triad.internal:3000',
    });
  });

  it('trusts no proxy for an empty value or zero hops either', () => {
    for (const value of ['', '  ', '0']) {
      expect(resolveClient(request('127.0.0.1', spoofed), parseTrustProxy(value)).ip).toBe(
        '127.0.0.1',
      );
    }
  });

  it('writes an IPv4 peer on a dual-stack socket as plain IPv4', () => {
    expect(resolveClient(request('::ffff:127.0.0.1'), none).ip).toBe('127.0.0.1');
    expect(resolveClient(request('::1'), none).ip).toBe('::1');
  });

  it('takes https only from the connection itself', () => {
    const tls = { ...request('192.0.2.10'), encrypted: true };
    expect(resolveClient(tls, none).proto).toBe('https');
  });
});

describe('the client address with a hop count', () => {
  it('skips exactly that many proxies from the socket outwards', () => {
    const one = parseTrustProxy('1');
    const twoHops = request('10.0.0.2', { 'x-forwarded-for': '198.51.100.7, 203.0.113.66' });
    // The one proxy appended the address it saw; what came before is the client's word.
    expect(resolveClient(twoHops, one).ip).toBe('203.0.113.66');
    expect(resolveClient(twoHops, parseTrustProxy('2')).ip).toBe('198.51.100.7');
    // More hops trusted than there are: the furthest address known.
    expect(resolveClient(twoHops, parseTrustProxy('5')).ip).toBe('198.51.100.7');
  });

  it('reads the forwarded scheme and host from a trusted proxy, the first value', () => {
    const viaProxy = request('10.0.0.2', {
      'x-forwarded-for': '203.0.113.66',
      'x-forwarded-proto': 'https, http',
      'x-forwarded-host': 'triad.example, internal',
    });
    expect(resolveClient(viaProxy, parseTrustProxy('1'))).toEqual({
      ip: '203.0.113.66',
      proto: 'https',
      host: 'triad.example',
    });
  });

  it('ignores a forwarded scheme that is neither http nor https', () => {
    const odd = request('10.0.0.2', { 'x-forwarded-proto': 'javascript' });
    expect(resolveClient(odd, parseTrustProxy('1')).proto).toBe('http');
  });
});

describe('the client address with a list of proxies', () => {
  const list = parseTrustProxy('10.0.0.0/8, 192.168.1.5, ::1');

  it('walks past trusted addresses to the first untrusted one', () => {
    const chain = request('10.1.2.3', {
      'x-forwarded-for': '203.0.113.9, 198.51.100.1, 192.168.1.5',
    });
    // 192.168.1.5 is trusted, 198.51.100.1 is not: that is the client; 203.0.113.9 is its claim.
    expect(resolveClient(chain, list).ip).toBe('198.51.100.1');
  });

  it('believes nothing from a peer outside the list', () => {
    const direct = request('203.0.113.50', spoofed);
    expect(resolveClient(direct, list)).toEqual({
      ip: '203.0.113.50',
      proto: 'http',
      host: 'triad.internal:3000',
    });
  });

  it('accepts the named ranges and an IPv6 peer', () => {
    const loopback = parseTrustProxy('loopback');
    expect(resolveClient(request('::1', { 'x-forwarded-for': '2001:db8::7' }), loopback).ip).toBe(
      '2001:db8::7',
    );
    expect(
      resolveClient(request('::ffff:127.0.0.1', { 'x-forwarded-for': '192.0.2.1' }), loopback).ip,
    ).toBe('192.0.2.1');
  });

  it('refuses a value it cannot read, in one line naming TRUST_PROXY', () => {
    for (const value of ['yes', '10.0.0.0/99', 'true', '-1']) {
      expect(() => parseTrustProxy(value)).toThrow(/^TRUST_PROXY must be a number of proxy hops/);
    }
  });
});
