'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useCreateForm } from '@/components/forms/use-schema-form';
import { EmptyState } from '@/components/ui/empty-state';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiFetch, apiQuery, problemMessage } from '@/lib/api-client';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { ConversationMessage, ConversationPage } from '@/lib/schemas/conversation';
import { CONVERSATION_MESSAGE_MAX } from '@/lib/schemas/conversation-values';

/** How often an open conversation looks for new messages (and whenever the window regains focus). */
const REFRESH_MS = 30_000;
const PAGE_SIZE = 50;

/** Who reads the page: the patient themself, or a clinician of their care team. */
export type ConversationReader = 'patient' | 'careTeam';

/**
 * The conversation between a patient and their care team, newest last, with a box to write. Opening
 * it marks it read (and again when someone else's message arrives while it is open); a sent
 * message appears at once, without a reload.
 */
export function ConversationView({
  patientId,
  reader,
  firstPage,
}: {
  patientId: string;
  reader: ConversationReader;
  firstPage: ConversationPage;
}) {
  const queryClient = useQueryClient();
  const key = queryKeys.patients.conversation(patientId);
  const path = `/api/v1/patients/${encodeURIComponent(patientId)}/conversation` as const;
  const conversation = useQuery({
    queryKey: key,
    queryFn: apiQuery<ConversationPage>(`${path}?limit=${PAGE_SIZE}`),
    initialData: firstPage,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/conversation').then((m) => m.ConversationMessageInput),
    path,
    {
      defaultValues: { body: '' },
      mutationKey: queryKeys.patients.postConversation(patientId),
      onCreated: () => refresh(queryClient, refreshAfter.conversationMessage(patientId)),
    },
  );
  useMarkRead(path, conversation.data, patientId);

  const { items, nextCursor } = conversation.data;
  return (
    <div className="space-y-6">
      {conversation.error ? (
        <p role="alert" className="text-sm text-red-800">
          {problemMessage(conversation.error)}
        </p>
      ) : null}
      {nextCursor ? (
        <p className="text-sm text-slate-600">Showing the latest {PAGE_SIZE} messages.</p>
      ) : null}
      <MessageList messages={items} reader={reader} />
      <SchemaForm form={form} mutation={mutation} className="space-y-3">
        <TextAreaField
          name="body"
          label={reader === 'patient' ? 'Your message' : 'Message to the patient'}
          hint={
            reader === 'patient'
              ? 'Everyone on your care team can read it.'
              : `The patient and everyone on their care team read this. Up to ${CONVERSATION_MESSAGE_MAX.toLocaleString('en-US')} characters.`
          }
          rows={4}
        />
        <SubmitButton pendingLabel="Sending…">Send message</SubmitButton>
      </SchemaForm>
    </div>
  );
}

/**
 * Marks the conversation read when it opens, and again when a message from someone else comes in
 * while it is open; once something was unread, the server-rendered counts (the chart tab, My care)
 * are fetched again.
 */
function useMarkRead(path: `/api/v1/${string}`, page: ConversationPage, patientId: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const newest = page.items.at(-1);
  const marked = useRef<string | null | undefined>(undefined);
  const { unread } = page;
  useEffect(() => {
    const newestId = newest?.id ?? null;
    const opening = marked.current === undefined;
    if (marked.current === newestId || (!opening && newest?.mine)) return;
    marked.current = newestId;
    void apiFetch(`${path}/read`, { method: 'POST', background: true })
      .then(async () => {
        await refresh(queryClient, [
          ...refreshAfter.conversationRead(),
          queryKeys.patients.conversation(patientId),
        ]);
        if (unread > 0) router.refresh();
      })
      // Not marked read this time: the next visit or message marks it.
      .catch(() => undefined);
  }, [newest?.id, newest?.mine, path, patientId, queryClient, router, unread]);
}

/** Who wrote it, as the reader says it. */
function authorWords(message: ConversationMessage, reader: ConversationReader): string {
  if (message.mine) return 'You';
  const { name, role } = message.author;
  if (role === 'PATIENT') return `${name} (patient)`;
  const what = role === 'PRESCRIBER' ? 'prescriber' : 'therapist';
  return reader === 'patient' ? `${name}, your ${what}` : `${name} (${what})`;
}

function MessageList({
  messages,
  reader,
}: {
  messages: ConversationMessage[];
  reader: ConversationReader;
}) {
  if (messages.length === 0) {
    return reader === 'patient' ? (
      <EmptyState title="No messages yet">
        Write your first message below. Your care team will see it during clinic hours.
      </EmptyState>
    ) : (
      <EmptyState title="No messages with the patient yet">
        When the patient writes to their care team, it shows here. You can also write first.
      </EmptyState>
    );
  }
  return (
    <ol aria-label="Messages, oldest first" className="space-y-3">
      {messages.map((m) => (
        <li
          key={m.id}
          className={`rounded-lg border p-3 ${m.mine ? 'border-teal-200 bg-teal-50 sm:ml-12' : 'border-slate-200 bg-white sm:mr-12'}`}
        >
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">{authorWords(m, reader)}</span> ·{' '}
            <LocalDateTime iso={m.createdAt} />
          </p>
          <p className="mt-1 break-words whitespace-pre-line text-slate-900">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}
