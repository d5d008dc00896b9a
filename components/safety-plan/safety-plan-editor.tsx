'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { TextAreaField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { Button } from '@/components/ui/button';
import { ApiProblem, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SafetyPlanVersion, SafetyPlanView } from '@/lib/schemas/safety-plan';
import { SafetyPlanSections } from './safety-plan-fields';
import { fieldOf, putSafetyPlan, toForm } from './safety-plan-form';

const loadSchema = () => import('./safety-plan-schema').then((m) => m.SafetyPlanForm);

/**
 * Writes the next version of the safety plan, with If-Match on the version the editor started
 * from. When someone else saved first (412) it says so and offers their version or to save over it.
 */
export function SafetyPlanEditor({
  patientId,
  base: initialBase,
  always,
  onSaved,
  onCancel,
}: {
  patientId: string;
  base: SafetyPlanVersion | null;
  /** What step 5 always holds (the care team, the crisis lines), shown above its own items. */
  always: ReactNode;
  onSaved: (saved: SafetyPlanVersion) => void;
  onCancel: () => void;
}) {
  const form = useSchemaForm(loadSchema, { defaultValues: toForm(initialBase), fieldOf });
  const [baseVersion, setBaseVersion] = useState(initialBase?.version ?? 0);
  const [conflict, setConflict] = useState<SafetyPlanVersion | null>(null);
  const mutation = useMutation({
    mutationKey: queryKeys.safetyPlan.save(patientId),
    mutationFn: (body: Parameters<typeof putSafetyPlan>[2]) =>
      putSafetyPlan(patientId, baseVersion, body),
    onSuccess: onSaved,
    onError: async (error) => {
      if (!(error instanceof ApiProblem && error.status === 412)) return form.showProblem(error);
      try {
        const view = await apiFetch<SafetyPlanView>(`/api/v1/patients/${patientId}/safety-plan`);
        if (view.plan) setConflict(view.plan);
        else form.showProblem(error);
      } catch (failure) {
        form.showProblem(failure);
      }
    },
  });
  const titleId = `${form.id}-title`;

  function settle(version: SafetyPlanVersion, values = form.getValues()) {
    form.reset(values);
    setBaseVersion(version.version);
    setConflict(null);
  }

  return (
    <SchemaForm
      form={form}
      mutation={mutation}
      aria-labelledby={titleId}
      className="space-y-6"
      intro={
        <EditorHeading titleId={titleId} base={initialBase}>
          {conflict ? (
            <SafetyPlanConflict
              current={conflict}
              onLoad={() => settle(conflict, toForm(conflict))}
              onKeep={() => settle(conflict)}
            />
          ) : null}
        </EditorHeading>
      }
    >
      <SafetyPlanSections always={always} />
      <TextAreaField
        name="changeNote"
        label="What changed"
        hint="A short note for the history, e.g. “Added Jamie as someone to call.”"
        optional
        rows={2}
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Saving…" disabled={conflict !== null}>
          Save the safety plan
        </SubmitButton>
      </div>
    </SchemaForm>
  );
}

function EditorHeading({
  titleId,
  base,
  children,
}: {
  titleId: string;
  base: SafetyPlanVersion | null;
  children: ReactNode;
}) {
  return (
    <>
      <div>
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {base ? `Edit the safety plan (from version ${base.version})` : 'Write the safety plan'}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Saving keeps every earlier version. Leave out anything that does not fit.
        </p>
      </div>
      {children}
    </>
  );
}

/** Someone saved a version while this editor was open: take theirs, or keep these changes. */
function SafetyPlanConflict({
  current,
  onLoad,
  onKeep,
}: {
  current: SafetyPlanVersion;
  onLoad: () => void;
  onKeep: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [current]);
  return (
    <section
      aria-labelledby="safety-plan-conflict"
      className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950"
    >
      <h3 id="safety-plan-conflict" ref={heading} tabIndex={-1} className="font-semibold">
        {current.author.name} saved version {current.version} while you were editing
      </h3>
      <p className="text-sm">
        Your changes are not saved yet. You can start again from their version, or keep your changes
        and save them as the next version (theirs stays in the history).
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button variant="secondary" onClick={onLoad}>
          Load version {current.version}
        </Button>
        <Button onClick={onKeep}>Keep my changes</Button>
      </div>
    </section>
  );
}
