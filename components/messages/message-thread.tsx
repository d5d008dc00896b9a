'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, isBackgroundFetch, problemMessage } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { roleLabel } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import { MessageInput, type MessagePage } from '@/lib/schemas/messages';

/** How often an open thread looks for new messages (it also does when the window regains focus). */
const REFRESH_MS = 30_000;

/** The care-team thread, newest last, refreshed on focus and every 30 s, with a reply box. */
export function MessageThread({
  patientId,
  viewerId,
  firstPage,
}: {
  patientId: string;
  viewerId: string;
  firstPage: MessagePage;
}) {
  const queryClient = useQueryClient();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const key = queryKeys.patients.messages(patientId);
  const path = `/api/v1/patients/${encodeURIComponent(patientId)}/messages` as const;
  const thread = useQuery({
    queryKey: key,
    queryFn: ({ signal, ...context }) =>
      apiFetch<MessagePage>(`${path}?limit=50`, {
        signal,
        background: isBackgroundFetch(context),
      }),
    initialData: firstPage,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<MessageInput>({ resolver: zodResolver(MessageInput), defaultValues: { body: '' } });
  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.postMessage(patientId),
    mutationFn: (input: MessageInput, idempotencyKey) =>
      apiFetch(path, { method: 'POST', body: input, idempotencyKey }),
    onSuccess: async () => {
      reset({ body: '' });
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (error) => setSummary(applyProblem(error, setError, ['body'])),
  });

  const messages = thread.data.items;
  return (
    <div className="space-y-6">
      {thread.error ? (
        <p role="alert" className="text-sm text-red-800">
          {problemMessage(thread.error)}
        </p>
      ) : null}
      {messages.length === 0 ? (
        <p className="text-slate-700">No messages yet. Start the conversation below.</p>
      ) : (
        <ol aria-label="Messages, oldest first" className="space-y-3">
          {messages.map((m) => (
            <li
              key={m.id}
              className={`rounded-lg border p-3 ${m.author.id === viewerId ? 'border-teal-200 bg-teal-50 sm:ml-12' : 'border-slate-200 bg-white sm:mr-12'}`}
            >
              <p className="text-sm text-slate-700">
                <span className="font-medium text-slate-900">
                  {m.author.id === viewerId ? 'You' : m.author.name}
                </span>{' '}
                ({roleLabel(m.author.role).toLowerCase()}) · <LocalDateTime iso={m.createdAt} />
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form
        noValidate
        aria-busy={mutation.isPending}
        className="space-y-3"
        onSubmit={handleSubmit((input) => {
          setSummary([]);
          mutation.mutate(input);
        })}
      >
        <FormAlert messages={summary} />
        <Field
          id={`${id}-body`}
          label="Message to the care team"
          hint="The patient does not see these messages."
          error={errors.body?.message}
        >
          {(control) => (
            <textarea {...control} rows={3} className={inputClass} {...register('body')} />
          )}
        </Field>
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? 'Sending…' : 'Send message'}
        </Button>
      </form>
    </div>
  );
}
