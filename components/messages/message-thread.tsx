'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiQuery, problemMessage } from '@/lib/api-client';
import { roleLabel } from '@/lib/format';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { MessagePage } from '@/lib/schemas/messages';
import { TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useCreateForm } from '@/components/forms/use-schema-form';

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
  const key = queryKeys.patients.messages(patientId);
  const path = `/api/v1/patients/${encodeURIComponent(patientId)}/messages` as const;
  const thread = useQuery({
    queryKey: key,
    queryFn: apiQuery<MessagePage>(`${path}?limit=50`),
    initialData: firstPage,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/messages').then((m) => m.MessageInput),
    path,
    {
      defaultValues: { body: '' },
      mutationKey: queryKeys.patients.postMessage(patientId),
      onCreated: () => refresh(queryClient, refreshAfter.message(patientId)),
    },
  );

  const messages = thread.data.items;
  return (
    <div className="space-y-6">
      {thread.error ? (
        <p role="alert" className="text-sm text-red-800">
          {problemMessage(thread.error)}
        </p>
      ) : null}
      <MessageList messages={messages} viewerId={viewerId} />
      <SchemaForm form={form} mutation={mutation} className="space-y-3">
        <TextAreaField
          name="body"
          label="Message to the care team"
          hint="The patient does not see these messages."
          rows={3}
        />
        <SubmitButton pendingLabel="Sending…">Send message</SubmitButton>
      </SchemaForm>
    </div>
  );
}

function MessageList({ messages, viewerId }: { messages: MessagePage['items']; viewerId: string }) {
  return messages.length === 0 ? (
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
  );
}
