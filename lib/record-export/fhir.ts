// The record as a FHIR R4 Bundle (type "collection"), for another clinic or the patient's own
// apps. Pure: no I/O. Every resource references the others by `urn:uuid:` full URLs inside the
// bundle. The tests validate each resource with @medplum/core against the R4 definitions.
import type {
  Bundle,
  BundleEntry,
  DocumentReference,
  MedicationRequest,
  MedicationStatement,
  Observation,
  ObservationComponent,
  OperationOutcome,
  Patient,
} from '@medplum/fhirtypes';
import { NOTE_SECTIONS } from '@/lib/schemas/session-notes';
import type { RecordExport, RecordKind } from '@/lib/record-export/types';
import { planEntries } from '@/lib/record-export/fhir-plan';
import {
  LOINC,
  QUESTIONNAIRE_CODES,
  UCUM,
  survey,
  text,
  urn,
  uuidOf,
  type Entry,
} from '@/lib/record-export/fhir-shared';

export { QUESTIONNAIRE_CODES } from '@/lib/record-export/fhir-shared';

function patientResource(r: RecordExport): Patient {
  const parts = r.patient.name.trim().split(/\s+/);
  return {
    resourceType: 'Patient',
    id: r.patient.id,
    active: true,
    name: [
      {
        text: r.patient.name,
        ...(parts.length > 1 ? { family: parts.at(-1), given: parts.slice(0, -1) } : {}),
      },
    ],
    birthDate: r.patient.dateOfBirth,
    managingOrganization: { display: r.patient.organization },
  };
}

function dosageText(item: {
  dose: number | null;
  unit: string | null;
  frequency: string | null;
  route: string | null;
}) {
  return [
    item.dose === null ? null : `${item.dose} ${item.unit ?? ''}`.trim(),
    item.frequency,
    item.route,
  ]
    .filter(Boolean)
    .join(', ');
}

function dosage(item: Parameters<typeof dosageText>[0]) {
  const words = dosageText(item);
  return {
    ...(words ? { text: words } : {}),
    ...(item.route ? { route: text(item.route) } : {}),
    ...(item.dose !== null
      ? {
          doseAndRate: [
            { doseQuantity: { value: item.dose, ...(item.unit ? { unit: item.unit } : {}) } },
          ],
        }
      : {}),
  };
}

const STATEMENT_STATUS = { ACTIVE: 'active', HELD: 'on-hold', STOPPED: 'stopped' } as const;

function regimenStatements(r: RecordExport, patient: string): Entry[] {
  return r.regimen.map((item) => {
    const id = uuidOf(r.patient.id, 'regimen', item.medicationKey);
    const resource: MedicationStatement = {
      resourceType: 'MedicationStatement',
      id,
      status: STATEMENT_STATUS[item.status],
      medicationCodeableConcept: text(item.medication),
      subject: { reference: patient },
      effectivePeriod: { start: item.since },
      dosage: [dosage(item)],
    };
    return { id, resource };
  });
}

/** One prescriber's order per change; a corrected change is entered in error. */
function changeRequests(r: RecordExport, patient: string): Entry[] {
  const current = new Set(
    r.regimen.filter((i) => i.status !== 'STOPPED').map((i) => i.lastChangeId),
  );
  return r.medicationChanges.map((change) => {
    const status: MedicationRequest['status'] =
      change.correctedById || change.action === 'ENTERED_IN_ERROR'
        ? 'entered-in-error'
        : change.action === 'STOP'
          ? 'stopped'
          : current.has(change.id)
            ? change.action === 'HOLD'
              ? 'on-hold'
              : 'active'
            : 'completed';
    const notes = [
      change.patientExplanation,
      change.monitorFor.length > 0 && `Watch for: ${change.monitorFor.join(', ')}`,
    ]
      .filter((n): n is string => Boolean(n))
      .map((n) => ({ text: n }));
    const resource: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: change.id,
      status,
      intent: 'order',
      medicationCodeableConcept: text(change.medication),
      subject: { reference: patient },
      authoredOn: change.createdAt,
      requester: { display: change.prescriber.name },
      ...(change.reason ? { reasonCode: [text(change.reason)] } : {}),
      ...(notes.length ? { note: notes } : {}),
      dosageInstruction: [
        {
          ...dosage(change),
          timing: { event: [change.effectiveDate] },
          patientInstruction: `${change.action.toLowerCase().replaceAll('_', ' ')} from ${change.effectiveDate}`,
        },
      ],
    };
    return { id: change.id, resource };
  });
}

function questionnaireObservations(r: RecordExport, patient: string): Entry[] {
  return r.assessments.map((a) => {
    const code = QUESTIONNAIRE_CODES[a.instrument];
    const resource: Observation = {
      resourceType: 'Observation',
      id: a.id,
      status: 'final',
      category: survey,
      code: { coding: [{ system: LOINC, ...code }], text: code.display },
      subject: { reference: patient },
      effectiveDateTime: a.completedAt,
      valueQuantity: { value: a.score, unit: '{score}', system: UCUM, code: '{score}' },
      interpretation: [text(a.severity)],
    };
    return { id: a.id, resource };
  });
}

const RATINGS = [
  ['mood', 'Mood (1 to 10)'],
  ['sleepQuality', 'Sleep quality (1 to 5)'],
  ['appetite', 'Appetite (1 to 5)'],
  ['energy', 'Energy (1 to 5)'],
  ['focus', 'Focus (1 to 5)'],
] as const;

function checkInComponents(c: RecordExport['checkIns'][number]): ObservationComponent[] {
  const components: ObservationComponent[] = [];
  for (const [key, label] of RATINGS) {
    const value = c[key];
    if (value !== null) components.push({ code: text(label), valueInteger: value });
  }
  if (c.sleepHours !== null) {
    components.push({
      code: {
        coding: [{ system: LOINC, code: '93832-4', display: 'Sleep duration' }],
        text: 'Hours slept',
      },
      valueQuantity: { value: c.sleepHours, unit: 'h', system: UCUM, code: 'h' },
    });
  }
  for (const m of c.measures) {
    components.push({
      code: text(m.name ?? 'Personal measure'),
      valueQuantity: { value: m.value, ...(m.unit ? { unit: m.unit } : {}) },
    });
  }
  for (const s of c.sideEffects) {
    components.push({ code: text(`Side effect: ${s.name}`), valueString: s.severity });
  }
  return components;
}

function checkInObservations(r: RecordExport, patient: string): Entry[] {
  return r.checkIns.map((c) => {
    const resource: Observation = {
      resourceType: 'Observation',
      id: c.id,
      status: 'final',
      category: survey,
      code: text('Daily check-in'),
      subject: { reference: patient },
      effectiveDateTime: c.localDate,
      component: checkInComponents(c),
      ...(c.note ? { note: [{ text: c.note }] } : {}),
    };
    return { id: c.id, resource };
  });
}

function noteText(note: RecordExport['sessionNotes'][number]): string {
  const sections = NOTE_SECTIONS[note.format].map(
    ([key, label]) => `${label}\n${note.body[key] ?? ''}`,
  );
  const addenda = note.addenda.map((a) => `Addendum (${a.author.name}, ${a.createdAt})\n${a.body}`);
  return [...sections, ...addenda].join('\n\n');
}

function noteDocuments(r: RecordExport, patient: string): Entry[] {
  return r.sessionNotes.map((note) => {
    const title = `${note.kind === 'THERAPY' ? 'Therapy' : 'Medication management'} session note, ${note.sessionDate}`;
    const resource: DocumentReference = {
      resourceType: 'DocumentReference',
      id: note.id,
      status: 'current',
      docStatus: 'final',
      type: text(title),
      subject: { reference: patient },
      date: note.signedAt ?? note.updatedAt,
      author: [{ display: note.author.name }],
      description: title,
      content: [
        {
          attachment: {
            contentType: 'text/plain; charset=utf-8',
            title,
            data: Buffer.from(noteText(note), 'utf8').toString('base64'),
          },
        },
      ],
    };
    return { id: note.id, resource };
  });
}

const KIND_WORDS: Record<RecordKind, string> = {
  medicationChanges: 'medication changes',
  sessionNotes: 'session notes',
  checkIns: 'check-ins',
  assessments: 'questionnaires',
};

/** Says which lists hold only their newest entries (an OperationOutcome of information). */
function limitsOutcome(r: RecordExport): Entry[] {
  const cut = (Object.keys(r.truncated) as RecordKind[]).filter((k) => r.truncated[k]);
  if (cut.length === 0) return [];
  const id = uuidOf(r.patient.id, 'limits', r.generatedAt);
  const resource: OperationOutcome = {
    resourceType: 'OperationOutcome',
    id,
    issue: cut.map((kind) => ({
      severity: 'information',
      code: 'too-costly',
      diagnostics: `Only the newest ${r.limits[kind]} ${KIND_WORDS[kind]} are included; ask your clinic for the rest.`,
    })),
  };
  return [{ id, resource }];
}

/** The whole record as one FHIR R4 collection Bundle. */
export function recordToFhirBundle(r: RecordExport): Bundle {
  const patient = urn(r.patient.id);
  const entries: Entry[] = [
    { id: r.patient.id, resource: patientResource(r) },
    ...regimenStatements(r, patient),
    ...changeRequests(r, patient),
    ...planEntries(r, patient),
    ...questionnaireObservations(r, patient),
    ...checkInObservations(r, patient),
    ...noteDocuments(r, patient),
    ...limitsOutcome(r),
  ];
  return {
    resourceType: 'Bundle',
    id: uuidOf(r.patient.id, 'export', r.generatedAt),
    type: 'collection',
    timestamp: r.generatedAt,
    entry: entries.map(({ id, resource }): BundleEntry => ({ fullUrl: urn(id), resource })),
  };
}
