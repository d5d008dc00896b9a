import 'server-only';
import { clinicianRole, isClinician, type Viewer } from '@/lib/auth/viewer';
import type { Flag } from '@/lib/clinical/flags';
import { can } from '@/lib/auth/policy';
import { conversationUnreadTx } from '@/lib/data/conversation/write';
import { flagsForPatients } from '@/lib/data/flags';
import { withPatientAccess } from '@/lib/data/patient-access';
import { toIsoDate } from '@/lib/format';
import type { ClinicianRole } from '@/lib/schemas/enums';

export type ChartHeader = {
  id: string;
  name: string;
  /** `YYYY-MM-DD` */
  dateOfBirth: string;
  pronouns: string | null;
  /** `isActive` false: the clinician's account is disabled, no longer active on the team. */
  careTeam: {
    clinicianId: string;
    name: string;
    role: ClinicianRole;
    isActive: boolean;
  }[];
  flags: Flag[];
  /** Messages in the conversation with the patient that the viewer has not read yet. */
  conversationUnread: number;
};

/**
 * Clinicians on the patient's care team: the chart header (name, age, care team, flags) and how
 * many messages of the conversation with the patient they have not read (the chart tab's count).
 * NotFoundError when the patient is out of scope; ForbiddenError for other roles.
 */
export async function getChartHeader(viewer: Viewer, patientId: string): Promise<ChartHeader> {
  return withPatientAccess(
    viewer,
    patientId,
    { permission: 'chart.read', action: 'read', resourceType: 'chartHeader' },
    async (tx, scoped) => {
      const patient = await tx.patient.findFirstOrThrow({
        where: { id: scoped.id, organizationId: scoped.organizationId },
        select: {
          id: true,
          dateOfBirth: true,
          pronouns: true,
          account: { select: { name: true } },
          careTeam: {
            where: { endedAt: null, organizationId: scoped.organizationId },
            orderBy: { startedAt: 'asc' },
            select: {
              clinician: { select: { id: true, name: true, role: true, disabledAt: true } },
            },
          },
        },
      });
      const flags = await flagsForPatients(tx, scoped.organizationId, [patient.id]);
      const conversationUnread = can(viewer, 'conversation.read')
        ? await conversationUnreadTx(tx, viewer.userId, scoped)
        : 0;
      return {
        id: patient.id,
        name: patient.account.name,
        dateOfBirth: toIsoDate(patient.dateOfBirth),
        pronouns: patient.pronouns,
        careTeam: patient.careTeam
          .filter(({ clinician }) => isClinician(clinician.role))
          .map(({ clinician }) => ({
            clinicianId: clinician.id,
            name: clinician.name,
            role: clinicianRole(clinician.role),
            isActive: clinician.disabledAt === null,
          })),
        flags: flags.get(patient.id) ?? [],
        conversationUnread,
      };
    },
  );
}
