import type { Ref } from 'react';

/**
 * Where to get help now, in plain words: the 988 Suicide & Crisis Lifeline and emergency services,
 * with the honest note that the care team may not see the answer right away.
 */
export function CrisisResources({ headingId, ref }: { headingId: string; ref?: Ref<HTMLElement> }) {
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="rounded-lg border-2 border-rose-700 bg-rose-50 p-4 text-rose-950 focus:outline-2 focus:outline-offset-2 focus:outline-rose-800 sm:p-5"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        You don’t have to handle this alone. Help is available right now.
      </h2>
      <ul className="mt-3 space-y-3 text-base">
        <li>
          <strong>Call or text 988</strong>, the Suicide &amp; Crisis Lifeline. It is free, private
          and open day and night.{' '}
          <span className="inline-flex flex-wrap gap-2">
            <a
              href="tel:988"
              className="inline-flex min-h-11 items-center rounded-md bg-rose-800 px-4 font-semibold text-white underline-offset-2 hover:underline"
            >
              Call 988
            </a>
            <a
              href="sms:988"
              className="inline-flex min-h-11 items-center rounded-md border border-rose-800 bg-white px-4 font-semibold text-rose-900 underline-offset-2 hover:underline"
            >
              Text 988
            </a>
          </span>
        </li>
        <li>
          <strong>If you are in danger right now, call 911</strong> or go to the nearest emergency
          room.{' '}
          <a href="tel:911" className="font-semibold underline">
            Call 911
          </a>
        </li>
      </ul>
      <p className="mt-3 text-sm">
        Your care team will be told about your answer, but they may not see it right away. Please
        don’t wait for them to contact you if you need help now.
      </p>
    </section>
  );
}
