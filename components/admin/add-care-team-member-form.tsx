'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyProblem } from '@/components/forms/apply-problem';
import { FormAlert } from '@/components/forms/form-alert';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { apiFetch } from '@/lib/api-client';
import { useCreateMutation } from '@/lib/use-create-mutation';
import { roleLabel } from '@/lib/format';
import { queryKeys } from '@/lib/query-keys';
import { AddCareTeamMemberInput } from '@/lib/schemas/admin';
import type { CareTeamMember } from '@/lib/schemas/patients';

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
  const queryClient = useQueryClient();
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const [added, setAdded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(AddCareTeamMemberInput),
    defaultValues: { clinicianId: '' },
  });

  const mutation = useCreateMutation({
    mutationKey: queryKeys.patients.addCareTeamMember(patientId),
    mutationFn: (input: AddCareTeamMemberInput, idempotencyKey) =>
      apiFetch<{ member: CareTeamMember }>(
        `/api/v1/patients/${encodeURIComponent(patientId)}/care-team`,
        { method: 'POST', body: input, idempotencyKey },
      ),
    onSuccess: async ({ member }) => {
      setAdded(`${member.name} is now on the care team.`);
      reset({ clinicianId: '' });
      await queryClient.invalidateQueries({ queryKey: queryKeys.patients.detail(patientId) });
      router.refresh();
    },
    onError: (error) => setSummary(applyProblem(error, setError, ['clinicianId'])),
  });

  const groups = (['PRESCRIBER', 'THERAPIST'] as const).map((role) => ({
    label: `${roleLabel(role)}s`,
    options: clinicians.filter((c) => c.role === role),
  }));
  // A server message (409: already on the team) says more than the schema's "invalid id".
  const clinicianError = errors.clinicianId
    ? errors.clinicianId.type === 'server'
      ? errors.clinicianId.message
      : 'Choose a clinician.'
    : undefined;

  return (
    <form
      noValidate
      aria-busy={mutation.isPending}
      onSubmit={handleSubmit((input) => {
        setSummary([]);
        setAdded(null);
        mutation.mutate(input);
      })}
      className="space-y-4"
    >
      <FormAlert messages={summary} />
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
            <Field id={`${id}-clinician`} label="Clinician" error={clinicianError}>
              {(control) => (
                <select {...control} className={inputClass} {...register('clinicianId')}>
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
                </select>
              )}
            </Field>
          </div>
          <Button
            type="submit"
            disabled={mutation.isPending}
            aria-busy={mutation.isPending}
            className="sm:py-3"
          >
            {mutation.isPending ? 'Adding…' : 'Add to care team'}
          </Button>
        </div>
      )}
    </form>
  );
}
