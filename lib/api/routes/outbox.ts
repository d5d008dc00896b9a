// The email outbox for admins (docs/decisions/023-jobs-and-email.md): what Triad emailed or will
// email, and a retry of what the sender gave up on.
import { defineRoute } from '@/lib/api/define-route';
import { listOutbox, retryEmail } from '@/lib/data/email/admin';
import { OutboxEmail, OutboxEmailParams, OutboxList, OutboxListQuery } from '@/lib/schemas/outbox';

const outbox = {
  tag: 'Administration',
  permission: 'outbox.read',
  who: 'Admins, for their organization’s emails; everyone else 403.',
} as const;

/** The routes of the outbox. */
export const outboxRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/admin/outbox',
    ...outbox,
    summary: 'The organization’s emails',
    query: OutboxListQuery,
    success: {
      status: 200,
      description:
        'Newest first: waiting (not sent yet, or to be retried), sent, or dead (given up after repeated failures). The words are Triad’s fixed templates: no patient information. `nextCursor` fetches the next page.',
      schema: OutboxList,
    },
    handler: ({ viewer, query }) => listOutbox(viewer, query),
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/admin/outbox/{emailId}/retry',
    ...outbox,
    summary: 'Send a dead email again',
    who: `${outbox.who} Another organization’s email is 404; an email that is not dead is 409.`,
    params: OutboxEmailParams,
    success: {
      status: 200,
      description: 'The email, waiting again with its attempts counted from zero.',
      schema: OutboxEmail,
    },
    problems: [409],
    handler: ({ viewer, params }) => retryEmail(viewer, params.emailId),
  }),
] as const;
