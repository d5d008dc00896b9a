import { z } from 'zod';
import { INSTRUMENTS as INSTRUMENT_VALUES } from '@/lib/schemas/enums';
import { INSTRUMENTS, MAX_ITEM_ANSWER } from '@/lib/clinical/scoring';
import { Id, IsoDate, IsoDateTime, Page, pagingFields } from '@/lib/schemas/common';

export const Instrument = z.enum(INSTRUMENT_VALUES);
export type Instrument = z.infer<typeof Instrument>;

/** POST /api/v1/patients/{patientId}/assessments: one completed PHQ-9 or GAD-7. */
export const AssessmentInput = z
  .strictObject({
    instrument: Instrument,
    answers: z
      .array(
        z
          .int({ message: 'Choose one of the four answers.' })
          .min(0, { message: `Must be from 0 to ${MAX_ITEM_ANSWER}.` })
          .max(MAX_ITEM_ANSWER, { message: `Must be from 0 to ${MAX_ITEM_ANSWER}.` }),
      )
      .max(9),
  })
  .superRefine((input, ctx) => {
    const items = INSTRUMENTS[input.instrument].items;
    if (input.answers.length !== items) {
      ctx.addIssue({
        code: 'custom',
        path: ['answers'],
        message: `${input.instrument === 'PHQ9' ? 'PHQ-9' : 'GAD-7'} needs exactly ${items} answers.`,
      });
    }
  });
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** A completed questionnaire as the API returns it. */
export const Assessment = z.object({
  id: Id,
  instrument: Instrument,
  answers: z.array(z.number().int()),
  score: z.number().int(),
  severity: z.string(),
  /** PHQ-9 item 9 above 0: a safety flag was raised for the care team. */
  safetyFlag: z.boolean(),
  completedAt: IsoDateTime,
});
export type Assessment = z.infer<typeof Assessment>;

/** When an instrument is next due (every assessmentIntervalDays of the plan since the last). */
export const AssessmentDue = z.object({
  instrument: Instrument,
  lastCompletedAt: IsoDateTime.nullable(),
  dueOn: IsoDate,
  isDue: z.boolean(),
  lastScore: z.number().int().nullable(),
  lastSeverity: z.string().nullable(),
});
export type AssessmentDue = z.infer<typeof AssessmentDue>;

/** GET query: newest first, optionally one instrument, a page at a time. */
export const AssessmentListQuery = z.strictObject({
  instrument: Instrument.optional(),
  ...pagingFields,
});
export type AssessmentListQuery = z.infer<typeof AssessmentListQuery>;

export const AssessmentList = Page(Assessment).extend({
  intervalDays: z.number().int(),
  due: z.array(AssessmentDue),
});
export type AssessmentList = z.infer<typeof AssessmentList>;
