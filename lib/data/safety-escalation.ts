// The organization's escalation delay for urgent safety flags, read and set by its admins. The
// escalation tick (lib/data/safety-flags/escalation.ts) reads it every minute.
import 'server-only';
import type { Viewer } from '@/lib/auth/viewer';
import { withOrganizationAccess } from '@/lib/data/organization-access';
import { parseInput } from '@/lib/errors';
import { SafetyEscalationInput, type SafetyEscalation } from '@/lib/schemas/safety-escalation';

const select = { safetyEscalationMinutes: true } as const;

/** Admins: the escalation delay. Audited as a read of the organization's settings. */
export async function getSafetyEscalation(viewer: Viewer): Promise<SafetyEscalation> {
  const access = {
    permission: 'organization.read',
    action: 'read',
    resourceType: 'organization',
    resourceId: viewer.organizationId,
  } as const;
  return withOrganizationAccess(viewer, access, (tx, record) => {
    record.detail = 'safety escalation';
    return tx.organization.findUniqueOrThrow({ where: { id: viewer.organizationId }, select });
  });
}

/** Admins: sets the escalation delay (400 on the field outside 5–1440). Audited. */
export async function updateSafetyEscalation(
  viewer: Viewer,
  input: SafetyEscalationInput,
): Promise<SafetyEscalation> {
  const { safetyEscalationMinutes } = parseInput(SafetyEscalationInput, input);
  const access = {
    permission: 'user.manage',
    action: 'update',
    resourceType: 'organization',
    resourceId: viewer.organizationId,
  } as const;
  return withOrganizationAccess(viewer, access, (tx, record) => {
    record.detail = `safety escalation after ${safetyEscalationMinutes} minutes`;
    return tx.organization.update({
      where: { id: viewer.organizationId },
      data: { safetyEscalationMinutes },
      select,
    });
  });
}
