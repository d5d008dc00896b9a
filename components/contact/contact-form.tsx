'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Options, SelectField, TextField } from '@/components/forms/fields';
import { SchemaForm, SubmitButton } from '@/components/forms/schema-form';
import { SuccessNotice } from '@/components/forms/success-notice';
import { useSchemaForm } from '@/components/forms/use-schema-form';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { ContactInput, Contact, ContactMethod } from '@/lib/schemas/contact';
import { CONTACT_METHODS } from '@/lib/schemas/enums';
import { CONTACT_METHOD_LABELS } from '@/lib/schemas/contact-values';

type ContactFormValues = {
  phone: string;
  preferredContact: '' | ContactMethod;
  emergencyName: string;
  emergencyRelationship: string;
  emergencyPhone: string;
};

function toForm(contact: Contact): ContactFormValues {
  return {
    phone: contact.phone ?? '',
    preferredContact: contact.preferredContact ?? '',
    emergencyName: contact.emergencyName ?? '',
    emergencyRelationship: contact.emergencyRelationship ?? '',
    emergencyPhone: contact.emergencyPhone ?? '',
  };
}

/** The PUT body: an empty field is a cleared one. */
function toInput(values: ContactFormValues): ContactInput {
  const orNull = (value: string) => value.trim() || null;
  return {
    phone: orNull(values.phone),
    preferredContact: values.preferredContact || null,
    emergencyName: orNull(values.emergencyName),
    emergencyRelationship: orNull(values.emergencyRelationship),
    emergencyPhone: orNull(values.emergencyPhone),
  };
}

const WORDS = {
  patient: {
    phone: 'Your phone number',
    preferred: 'How would you like your care team to reach you?',
    emergency: 'Someone we can call in an emergency',
    emergencyHint:
      'A person you trust. Your care team would call them only if they were worried about your safety and could not reach you.',
  },
  staff: {
    phone: 'Phone number',
    preferred: 'Preferred contact',
    emergency: 'Emergency contact',
    emergencyHint: 'Name and phone go together.',
  },
} as const;

/**
 * The patient's contact details, edited by the patient (My care), their clinicians (the chart)
 * or an admin (the patient's page): the whole set is saved at once.
 */
export function ContactForm({
  patientId,
  initial,
  audience,
}: {
  patientId: string;
  initial: Contact;
  audience: keyof typeof WORDS;
}) {
  const router = useRouter();
  const words = WORDS[audience];
  const [notice, setNotice] = useState<string | null>(null);
  const form = useSchemaForm(() => import('@/lib/schemas/contact').then((m) => m.ContactInput), {
    defaultValues: toForm(initial),
    toInput,
  });
  const mutation = useMutation({
    mutationKey: queryKeys.contact.save(patientId),
    mutationFn: (body: ContactInput) =>
      apiFetch<Contact>(`/api/v1/patients/${patientId}/contact`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      form.reset(toForm(saved));
      setNotice('Contact details saved.');
      router.refresh();
    },
    onError: form.showProblem,
  });
  return (
    <SchemaForm
      form={form}
      mutation={{
        isPending: mutation.isPending,
        mutate: (body) => {
          setNotice(null);
          mutation.mutate(body);
        },
      }}
      aria-label="Contact details"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="phone" label={words.phone} type="tel" autoComplete="tel" optional />
        <SelectField name="preferredContact" label={words.preferred} optional>
          <Options values={CONTACT_METHODS} labels={CONTACT_METHOD_LABELS} empty="No preference" />
        </SelectField>
      </div>
      <fieldset className="space-y-4">
        <legend className="text-base font-semibold text-slate-900">{words.emergency}</legend>
        <p className="text-sm text-slate-600">{words.emergencyHint}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="emergencyName" label="Name" autoComplete="off" optional />
          <TextField
            name="emergencyRelationship"
            label="Relationship"
            hint="For example: partner, sister, friend."
            optional
          />
          <TextField name="emergencyPhone" label="Their phone number" type="tel" optional />
        </div>
      </fieldset>
      <SuccessNotice>{notice}</SuccessNotice>
      <SubmitButton pendingLabel="Saving…">Save contact details</SubmitButton>
    </SchemaForm>
  );
}
