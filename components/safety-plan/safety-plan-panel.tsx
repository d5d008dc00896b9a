'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SuccessNotice } from '@/components/forms/success-notice';
import { Button } from '@/components/ui/button';
import type { SafetyPlanView } from '@/lib/schemas/safety-plan';
import { SafetyPlanEditor } from './safety-plan-editor';
import { AlwaysThere, SafetyPlanRead } from './safety-plan-view';

const EMPTY = {
  patient: 'You and your therapist haven’t written a safety plan yet.',
  careTeam: 'No safety plan yet. The therapist writes it with the patient.',
} as const;

/**
 * The safety plan: read and print it; those who may edit it (the patient, the therapist) open
 * the editor, and the saved version replaces what is shown.
 */
export function SafetyPlanPanel({
  patientId,
  initialView,
  canEdit,
  audience,
}: {
  patientId: string;
  initialView: SafetyPlanView;
  canEdit: boolean;
  audience: keyof typeof EMPTY;
}) {
  const router = useRouter();
  const [view, setView] = useState(initialView);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  if (editing) {
    return (
      <SafetyPlanEditor
        patientId={patientId}
        base={view.plan}
        always={<AlwaysThere view={view} />}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setView({ ...view, version: saved.version, plan: saved });
          setEditing(false);
          setNotice(`Saved. This is now version ${saved.version} of the safety plan.`);
          router.refresh();
        }}
      />
    );
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        {canEdit ? (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {view.plan ? 'Edit the safety plan' : 'Write the safety plan'}
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
        {view.plan ? (
          <p className="text-sm text-slate-600">
            Version {view.version}, by {view.plan.author.name}
          </p>
        ) : null}
      </div>
      <SuccessNotice>{notice}</SuccessNotice>
      <SafetyPlanRead view={view} emptyText={EMPTY[audience]} />
    </div>
  );
}
