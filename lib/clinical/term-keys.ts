// How a monitoring term is compared, for the vocabulary (./monitoring-words.ts) and the one term
// that is a safety matter (./suicidality.ts). Its own small module so the browser can compare
// terms without downloading the whole vocabulary. Pure: no I/O.

/**
 * A term as compared: case, accents' composed forms, dots and apostrophes ("G.I.") ignored, any
 * other run of punctuation or space one space ("rash / SJS" is "rash sjs").
 */
export function normalizeTerm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What a term is looked up by, in order: the whole term, then the term with a trailing "(…)" left
 * out ("Akathisia (restlessness)" is also "akathisia"). A whole term only: a known term inside a
 * longer phrase ("GI upset after meals") is not that term.
 */
export function termKeys(term: string): string[] {
  const whole = normalizeTerm(term);
  const withoutAside = normalizeTerm(term.replace(/\s*\([^()]*\)\s*$/, ''));
  return whole === withoutAside ? [whole] : [whole, withoutAside];
}
