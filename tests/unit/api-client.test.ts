import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiProblem,
  SESSION_ENDED_MESSAGE,
  SIGNED_OUT_MESSAGE,
  apiFetch,
  isBackgroundFetch,
  setSessionRecovery,
} from '@/lib/api-client';

// The browser's fetch, answered from a list; each call's headers are kept.
function serve(...statuses: number[]) {
  const sent: Headers[] = [];
  const fetch = vi.fn(async (_path: string, init: RequestInit) => {
    sent.push(new Headers(init.headers));
    const status = statuses.shift() ?? 500;
    return new Response(
      JSON.stringify(status === 401 ? { status, detail: 'Sign in to use the Triad API.' } : {}),
      { status, headers: { 'Content-Type': 'application/json' } },
    );
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, sent };
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionRecovery(null);
});

describe('apiFetch and an ended session', () => {
  it('asks to sign in again, then sends the same request once more', async () => {
    const { fetch, sent } = serve(401, 201);
    const recovery = vi.fn(async () => true);
    setSessionRecovery(recovery);
    await apiFetch('/api/v1/x', {
      method: 'POST',
      body: { a: 1 },
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(recovery).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[1]![1].body).toBe(JSON.stringify({ a: 1 }));
    expect(sent.map((h) => h.get('Idempotency-Key'))).toEqual(['k1', 'k1']);
  });

  it('throws a 401 that says the text is kept when the person declines', async () => {
    const { fetch } = serve(401);
    setSessionRecovery(async () => false);
    const error = await apiFetch('/api/v1/x', { method: 'POST', body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error).toMatchObject({ status: 401, detail: SESSION_ENDED_MESSAGE });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never asks for a background request or when told not to (autosave)', async () => {
    const recovery = vi.fn(async () => true);
    setSessionRecovery(recovery);
    const { sent } = serve(401, 401);
    await expect(apiFetch('/api/v1/x', { background: true })).rejects.toMatchObject({
      status: 401,
      detail: SIGNED_OUT_MESSAGE,
    });
    await expect(
      apiFetch('/api/v1/x', { method: 'PUT', body: {}, recoverSession: false }),
    ).rejects.toMatchObject({ status: 401 });
    expect(recovery).not.toHaveBeenCalled();
    expect(sent.map((h) => h.get('X-Triad-Activity'))).toEqual(['background', null]);
  });
});

describe('isBackgroundFetch', () => {
  it('is false for a first load and a "show more", true for a refetch of what is shown', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const seen: boolean[] = [];
    const queryKey = ['things'];
    const queryFn = async (context: Parameters<typeof isBackgroundFetch>[0]) => {
      seen.push(isBackgroundFetch(context));
      return 1;
    };
    await client.fetchQuery({ queryKey, queryFn: (c) => queryFn(c) });
    await client.refetchQueries({ queryKey });
    expect(seen).toEqual([false, true]);

    const pages: boolean[] = [];
    const listKey = ['list'];
    const options = {
      queryKey: listKey,
      queryFn: async (c: Parameters<typeof isBackgroundFetch>[0] & { pageParam: number }) => {
        pages.push(isBackgroundFetch(c));
        return { page: c.pageParam };
      },
      initialPageParam: 0,
      getNextPageParam: (last: { page: number }) => last.page + 1,
    };
    await client.fetchInfiniteQuery(options);
    // "Show more" (fetchNextPage), then a refetch of both pages on an interval.
    const observer = new InfiniteQueryObserver(client, options);
    await observer.fetchNextPage();
    await client.refetchQueries({ queryKey: listKey });
    expect(pages).toEqual([false, false, true, true]);
    client.clear();
  });
});
