import Link from 'next/link';
import { INSTRUMENT_SLUGS, INSTRUMENT_TEXT } from '@/lib/clinical/assessment-items';
import type { AssessmentDue } from '@/lib/data/assessments';
import { formatDate } from '@/lib/format';

/** What comes next: each questionnaire's due date and the plan's review date. */
export function NextCheckpoints({
  assessments,
  reviewBy,
}: {
  assessments: AssessmentDue[];
  reviewBy: string | null;
}) {
  return (
    <ul className="space-y-3">
      {assessments.map((item) => {
        const text = INSTRUMENT_TEXT[item.instrument];
        return (
          <li key={item.instrument} className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="text-slate-900">
              <span className="font-medium">{text.name}</span>{' '}
              <span className="text-slate-700">
                ({item.instrument === 'PHQ9' ? 'mood questionnaire' : 'worry questionnaire'})
              </span>
              :{' '}
              {item.isDue ? (
                <strong>due now</strong>
              ) : (
                <>
                  next due <time dateTime={item.dueOn}>{formatDate(item.dueOn, 'long')}</time>
                </>
              )}
            </span>
            <Link
              href={`/my-care/assessments/${INSTRUMENT_SLUGS[item.instrument]}`}
              className="font-medium text-teal-800 underline"
            >
              {item.isDue ? `Fill in the ${text.name}` : `Open the ${text.name}`}
            </Link>
          </li>
        );
      })}
      <li className="text-slate-900">
        <span className="font-medium">Plan review</span>:{' '}
        {reviewBy ? <time dateTime={reviewBy}>{formatDate(reviewBy, 'long')}</time> : 'not set yet'}
      </li>
    </ul>
  );
}
