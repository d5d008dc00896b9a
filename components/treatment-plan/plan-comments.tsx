'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { apiQuery, problemMessage } from '@/lib/api-client';
import { roleLabel } from '@/lib/format';
import { queryKeys, refresh, refreshAfter } from '@/lib/query-keys';
import type { PlanCommentList } from '@/lib/schemas/treatment-plan';
import { TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useCreateForm } from '@/components/forms/use-schema-form';

type PlanCommentsProps = {
  patientId: string;
  selfId: string;
  initial?: PlanCommentList;
  label: string;
  hint?: string;
};

/** How each reader's page names the comments: the care team replies, the patient asks. */
const cardFor = {
  team: {
    title: 'Comments',
    titleId: 'plan-comments-heading',
    description: 'The patient’s comments on the plan, and the team’s replies.',
    label: 'Reply',
    hint: 'The patient sees replies on their plan page.',
  },
  patient: {
    title: 'Questions and comments',
    titleId: 'comments-heading',
    description: 'Your care team reads these and can reply here.',
    label: 'Add a comment or question',
    hint: undefined,
  },
} as const;

/** The comments in their own card, as the chart's Plan tab or the patient's plan page shows them. */
export function PlanCommentsCard({
  reader,
  ...comments
}: Omit<PlanCommentsProps, 'label' | 'hint'> & { reader: keyof typeof cardFor }) {
  const { title, titleId, description, label, hint } = cardFor[reader];
  return (
    <Card title={title} titleId={titleId} description={description}>
      <PlanComments {...comments} label={label} hint={hint} />
    </Card>
  );
}

/**
 * Comments on the plan, newest first, and a form to add one to the current version. `selfId`
 * names the viewer's account so their own comments read "You".
 */
export function PlanComments({ patientId, selfId, initial, label, hint }: PlanCommentsProps) {
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const path = `/api/v1/patients/${patientId}/treatment-plan/comments` as const;
  const comments = useQuery({
    queryKey: queryKeys.treatmentPlan.comments(patientId),
    queryFn: apiQuery<PlanCommentList>(`${path}?limit=50`),
    initialData: initial,
  });
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/treatment-plan').then((m) => m.PlanCommentInput),
    path,
    {
      defaultValues: { body: '' },
      mutationKey: queryKeys.treatmentPlan.comment(patientId),
      onCreated: async () => {
        setSent(true);
        await refresh(queryClient, refreshAfter.planComment(patientId));
      },
    },
  );

  return (
    <div className="space-y-5">
      {comments.isError ? (
        <p role="alert" className="text-red-800">
          {problemMessage(comments.error)}
        </p>
      ) : comments.data && comments.data.items.length > 0 ? (
        <ol className="space-y-3">
          {comments.data.items.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 p-4">
              <p className="text-sm text-slate-700">
                <span className="font-medium text-slate-900">
                  {c.author.id === selfId ? 'You' : c.author.name}
                </span>
                {c.author.id === selfId ? '' : ` (${roleLabel(c.author.role).toLowerCase()})`} ·
                about version {c.version} · <LocalDateTime iso={c.createdAt} withRelative={false} />
              </p>
              <p className="mt-1 whitespace-pre-line text-slate-900">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : comments.isPending ? (
        <p className="text-slate-600">Loading comments…</p>
      ) : (
        <p className="text-slate-600">No comments yet.</p>
      )}
      <SchemaForm
        form={form}
        busy={mutation.isPending}
        className="space-y-3"
        onSubmit={(input) => {
          setSent(false);
          mutation.mutate(input);
        }}
      >
        <TextAreaField name="body" label={label} hint={hint} className="min-h-20" />
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            Send comment
          </SubmitButton>
          <p role="status" className="text-sm text-teal-900">
            {sent ? 'Your comment was added.' : ''}
          </p>
        </div>
      </SchemaForm>
    </div>
  );
}
