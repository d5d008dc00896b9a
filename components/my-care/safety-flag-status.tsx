import type { PatientFlagStatus } from '@/lib/schemas/safety-flags';

/**
 * The honest status of what the patient's answers raised: told and waiting, or seen by someone on
 * the care team. Status only (decision 019). Nothing when there is nothing recent to say.
 */
export function SafetyFlagStatusLine({ status }: { status: PatientFlagStatus | null }) {
  if (status === null) return null;
  return (
    <section
      aria-label="About your recent answers"
      className="rounded-lg border border-teal-300 bg-teal-50 p-4 text-teal-950"
    >
      {status === 'SEEN' ? (
        <p className="text-base font-medium">Your care team has seen your answer.</p>
      ) : (
        <p className="text-base">
          <span className="font-medium">Your care team has been told and will see it soon.</span> If
          you are in danger now, call or text{' '}
          <a href="tel:988" className="font-semibold underline">
            988
          </a>{' '}
          or call{' '}
          <a href="tel:911" className="font-semibold underline">
            911
          </a>
          .
        </p>
      )}
    </section>
  );
}
