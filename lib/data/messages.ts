import 'server-only';
import type { Idempotency } from '@/lib/idempotency';
import type { z } from 'zod';
import type { Prisma } from '@/prisma/generated/client';
import { clinicianRole, type Viewer } from '@/lib/auth/viewer';
import { idempotent } from '@/lib/data/idempotency';
import { withPatientAccess } from '@/lib/data/patient-access';
import { patientScope } from '@/lib/data/scope';
import { personSelect } from '@/lib/data/selects';
import { notifyCareTeamMessage } from '@/lib/data/notifications/events';

import {
  MessageInput,
  MessageListQuery,
  type Message,
  type MessagePage,
} from '@/lib/schemas/messages';
import { parseInput } from '@/lib/errors';
import { authoredBy, newestFirstPage, patientList } from '@/lib/data/recipes';

export type { Message, MessagePage } from '@/lib/schemas/messages';

const select = {
  id: true,
  patientId: true,
  body: true,
  createdAt: true,
  author: { select: personSelect },
} as const satisfies Prisma.CareTeamMessageSelect;

function toDto(row: Prisma.CareTeamMessageGetPayload<{ select: typeof select }>): Message {
  return {
    id: row.id,
    patientId: row.patientId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    author: {
      id: row.author.id,
      name: row.author.name,
      // Only clinicians may write (message.write).
      role: clinicianRole(row.author.role),
    },
  };
}

/**
 * Clinicians on the team: the care-team thread, the newest page, newest last; `cursor` pages back.
 * Patients and admins: ForbiddenError; anyone out of scope NotFoundError.
 */
export const listMessages = patientList(
  MessageListQuery,
  { permission: 'message.read', action: 'list', resourceType: 'careTeamMessage' },
  async (tx, patient, { cursor, limit }): Promise<MessagePage> => {
    const scope = patientScope(patient);
    // Newest first to page back through the thread; each page is shown oldest first.
    const page = await newestFirstPage(
      tx.careTeamMessage,
      { where: scope, field: 'createdAt', select, cursor, limit },
      toDto,
    );
    return { ...page, items: page.items.toReversed() };
  },
);

/** Clinicians on the team: posts a message to the thread. Invalid input: InvalidInputError (400). */
export async function postMessage(
  viewer: Viewer,
  patientId: string,
  input: z.input<typeof MessageInput>,
  idempotency?: Idempotency,
): Promise<Message> {
  const { body } = parseInput(MessageInput, input);
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'message.write', action: 'create', resourceType: 'careTeamMessage' },
    (tx, patient) =>
      idempotent(tx, viewer, idempotency, { body }, async () => {
        const message = toDto(
          await tx.careTeamMessage.create({
            data: { ...authoredBy(viewer, patient), body: body.trim() },
            select,
          }),
        );
        await notifyCareTeamMessage(tx, patient, {
          id: message.id,
          authorId: viewer.userId,
          authorName: message.author.name,
        });
        return message;
      }),
    (message) => message.id,
  );
}
