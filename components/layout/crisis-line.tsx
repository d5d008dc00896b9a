const LINK_CLASS = {
  brand:
    'font-semibold text-teal-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700',
  plain: 'font-semibold underline',
} as const;

/** The two crisis numbers, dialable, in the words every page uses. */
export function CrisisNumbers({ tone = 'brand' }: { tone?: keyof typeof LINK_CLASS }) {
  return (
    <>
      <a href="tel:988" className={LINK_CLASS[tone]}>
        988
      </a>{' '}
      (Suicide &amp; Crisis Lifeline), or call{' '}
      <a href="tel:911" className={LINK_CLASS[tone]}>
        911
      </a>
    </>
  );
}

/** The crisis sentence at the foot of every page, signed in or not. */
export function CrisisLine({ className }: { className: string }) {
  return (
    <p className={className}>
      In crisis or thinking about suicide? Call or text <CrisisNumbers />.
    </p>
  );
}
