import { ANSWER_OPTIONS, INSTRUMENT_TEXT } from '@/lib/clinical/assessment-items';
import { PHQ9_SAFETY_ITEM_INDEX } from '@/lib/clinical/scoring';
import { isSuicidalitySideEffect } from '@/lib/clinical/suicidality';
import { formatDate } from '@/lib/format';
import type { SafetyFlag } from '@/lib/schemas/safety-flags';

const answerWords = (value: number) =>
  ANSWER_OPTIONS.find((option) => option.value === value)?.label ?? String(value);

/**
 * What raised a flag: the questionnaire item by item (PHQ-9 item 9 marked), or the check-in's side
 * effects (thoughts of suicide or self-harm marked).
 */
export function FlagSource({ flag }: { flag: SafetyFlag }) {
  if (flag.assessment) return <AssessmentAnswers assessment={flag.assessment} />;
  if (flag.checkIn) {
    return (
      <div className="text-sm text-slate-800">
        <p className="font-medium">Check-in for {formatDate(flag.checkIn.localDate, 'long')}</p>
        {flag.checkIn.sideEffects.length > 0 ? (
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {flag.checkIn.sideEffects.map((effect) => {
              const isSafetyItem = isSuicidalitySideEffect(effect.name);
              return (
                <li key={effect.name}>
                  {effect.name}:{' '}
                  <span
                    className={
                      effect.severity === 'SEVERE' || isSafetyItem
                        ? 'font-semibold text-rose-900'
                        : ''
                    }
                  >
                    {effect.severity.toLowerCase()}
                  </span>
                  {isSafetyItem ? (
                    <span className="font-semibold"> · thoughts of suicide or self-harm</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>No side effects on that check-in now.</p>
        )}
      </div>
    );
  }
  return null;
}

function AssessmentAnswers({ assessment }: { assessment: NonNullable<SafetyFlag['assessment']> }) {
  const text = INSTRUMENT_TEXT[assessment.instrument];
  return (
    <details className="text-sm text-slate-800" open={assessment.instrument === 'PHQ9'}>
      <summary className="cursor-pointer font-medium">
        {text.name} answers: total {assessment.score}
      </summary>
      <ol className="mt-2 space-y-1">
        {text.items.map((item, index) => {
          const value = assessment.answers[index] ?? 0;
          const isSafetyItem = assessment.instrument === 'PHQ9' && index === PHQ9_SAFETY_ITEM_INDEX;
          return (
            <li
              key={item}
              className={
                isSafetyItem
                  ? 'rounded-md border border-rose-300 bg-rose-50 px-2 py-1 text-rose-950'
                  : 'px-2'
              }
            >
              <span className="tabular-nums">{index + 1}.</span> {item}{' '}
              <strong>
                {answerWords(value)} ({value})
              </strong>
              {isSafetyItem ? <span className="font-semibold"> · the self-harm item</span> : null}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
