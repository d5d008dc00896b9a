'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SelectField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { roleLabel } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';

import type { CareTeamMember } from '@/lib/schemas/patients';
import { useCreateForm } from '@/components/forms/use-schema-form';

export type ClinicianOption = { id: string; name: string; role: 'PRESCRIBER' | 'THERAPIST' };

/** Adds one of the organization's active clinicians (not yet on the team) to the care team. */
export function AddCareTeamMemberForm({
  patientId,
  clinicians,
}: {
  patientId: string;
  clinicians: ClinicianOption[];
}) {
  const router = useRouter();
  const [added, setAdded] = useState<string | null>(null);
  const { form, mutation } = useCreateForm(
    () => import('@/lib/schemas/admin').then((m) => m.AddCareTeamMemberInput),
    `/api/v1/patients/${encodeURIComponent(patientId)}/care-team`,
    {
      defaultValues: { clinicianId: '' },
      // The schema's "invalid id" means no choice was made; a server 409 keeps its own words.
      error: () => 'Choose a clinician.',
      mutationKey: queryKeys.patients.addCareTeamMember(patientId),
      onCreated: ({ member }: { member: CareTeamMember }) => {
        setAdded(`${member.name} is now on the care team.`);
        router.refresh();
      },
    },
  );

  const groups = (['PRESCRIBER', 'THERAPIST'] as const).map((role) => ({
    label: `${roleLabel(role)}s`,
    options: clinicians.filter((c) => c.role === role),
  }));

  return (
    <SchemaForm
      form={form}
      busy={mutation.isPending}
      className="space-y-4"
      onSubmit={(input) => {
        setAdded(null);
        mutation.mutate(input);
      }}
    >
      <p role="status" className="text-sm font-medium text-teal-900 empty:hidden">
        {added}
      </p>
      {clinicians.length === 0 ? (
        <p className="text-sm text-slate-700">
          Every active prescriber and therapist of your organization is already on this team.
        </p>
      ) : (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1">
            <SelectField name="clinicianId" label="Clinician">
              <option value="">Choose a prescriber or therapist</option>
              {groups.map((group) =>
                group.options.length === 0 ? null : (
                  <optgroup key={group.label} label={group.label}>
                    {group.options.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                ),
              )}
            </SelectField>
          </div>
          <SubmitButton pendingLabel="Adding…" className="sm:py-3">
            Add to care team
          </SubmitButton>
        </div>
      )}
    </SchemaForm>
  );
}
