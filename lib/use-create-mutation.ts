'use client';

import {
  useMutation,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useRef } from 'react';
import { apiFetch } from '@/lib/api-client';

/**
 * A fresh Idempotency-Key. crypto.getRandomValues, not randomUUID: the latter exists only in secure
 * contexts, and Triad is also opened over plain http at a LAN address.
 */
export function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * useMutation for a POST that creates something: `mutationFn` also gets the Idempotency-Key of the
 * user's intent. Submitting the same thing again (a retry after an error or a lost answer) reuses
 * the key, so the API answers the first result instead of creating a second; a changed submission,
 * or any submission after a success, is a new intent with a new key.
 */
export function useCreateMutation<TData, TVariables>(
  options: Omit<UseMutationOptions<TData, Error, TVariables>, 'mutationFn'> & {
    mutationFn: (variables: TVariables, idempotencyKey: string) => Promise<TData>;
  },
): UseMutationResult<TData, Error, TVariables> {
  const intent = useRef<{ submitted: string; key: string } | null>(null);
  return useMutation<TData, Error, TVariables>({
    ...options,
    mutationFn: (variables) => {
      const submitted = JSON.stringify(variables ?? null);
      if (intent.current?.submitted !== submitted) {
        intent.current = { submitted, key: newIdempotencyKey() };
      }
      return options.mutationFn(variables, intent.current.key);
    },
    onSuccess: (...args) => {
      intent.current = null;
      return options.onSuccess?.(...args);
    },
  });
}

/** useCreateMutation for the common case: POST the variables as JSON to `path`. */
export function useCreate<TData, TVariables>(
  path: `/api/v1/${string}`,
  options: Omit<UseMutationOptions<TData, Error, TVariables>, 'mutationFn'>,
): UseMutationResult<TData, Error, TVariables> {
  return useCreateMutation<TData, TVariables>({
    ...options,
    mutationFn: (body, idempotencyKey) =>
      apiFetch<TData>(path, { method: 'POST', body, idempotencyKey }),
  });
}
