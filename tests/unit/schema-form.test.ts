import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { applyProblem } from '@/components/forms/apply-problem';
import { describes, fieldAt, schemaPaths } from '@/components/forms/schema-paths';
import { ApiProblem } from '@/lib/api-client';
import { MedicationChangeInput } from '@/lib/schemas/medications';
import { SessionNoteInput } from '@/lib/schemas/session-notes';
import { TreatmentPlanInput } from '@/lib/schemas/treatment-plan';

describe('schemaPaths', () => {
  it('reads the field paths from the schema, array items as *', () => {
    const paths = schemaPaths(TreatmentPlanInput);
    expect(paths).toContain('presentingConcerns');
    expect(paths).toContain('goals.*.description');
    expect(paths).toContain('interventions.*.ownerId');
    expect(describes(paths, 'goals.3.targetValue')).toBe(true);
    expect(describes(paths, 'goals.3.nothing')).toBe(false);
  });

  it('walks unions, pipes, defaults and refinements', () => {
    const notes = schemaPaths(SessionNoteInput);
    expect(notes).toContain('body.data');
    expect(notes).toContain('body.subjective');
    const changes = schemaPaths(MedicationChangeInput);
    expect(changes).toContain('reason');
    expect(changes).toContain('monitorFor.*');
  });
});

describe('fieldAt', () => {
  const paths = schemaPaths(
    z.object({
      name: z.string(),
      tags: z.array(z.string()),
      goals: z.array(z.object({ description: z.string() })),
      hidden: z.string().optional(),
    }),
  );
  const values = { name: '', tags: 'a, b', goals: [{ description: '' }] };

  it('is the path itself when the form holds it as one value', () => {
    expect(fieldAt(paths, values, 'name')).toBe('name');
    expect(fieldAt(paths, values, 'goals.0.description')).toBe('goals.0.description');
  });

  it('is the enclosing field when the form holds a list as one text', () => {
    expect(fieldAt(paths, values, 'tags.1')).toBe('tags');
  });

  it('is undefined for what no field shows (the summary says it)', () => {
    expect(fieldAt(paths, values, 'goals.0')).toBeUndefined();
    expect(fieldAt(paths, values, 'hidden')).toBeUndefined();
    expect(fieldAt(paths, values, 'unknown')).toBeUndefined();
    expect(fieldAt(paths, values, '')).toBeUndefined();
  });
});

describe('applyProblem', () => {
  const placed: string[] = [];
  const target = {
    fieldFor: (path: string) => (path === 'email' ? 'email' : undefined),
    setError: (name: string) => void placed.push(name),
  };

  it('puts field errors next to their fields and the rest in the summary', () => {
    placed.length = 0;
    const problem = new ApiProblem({
      status: 400,
      detail: 'Check the form.',
      errors: [
        { path: 'email', message: 'Taken.' },
        { path: 'token', message: 'Expired.' },
      ],
    });
    expect(applyProblem(problem, target)).toEqual(['Check the form.', 'Expired.']);
    expect(placed).toEqual(['email']);
  });

  it('says nothing more when every error has its field', () => {
    const problem = new ApiProblem({ status: 409, errors: [{ path: 'email', message: 'Taken.' }] });
    expect(applyProblem(problem, target)).toEqual([]);
  });

  it('gives the detail of a problem without field errors, and a network failure in words', () => {
    expect(applyProblem(new ApiProblem({ status: 403, detail: 'Not yours.' }), target)).toEqual([
      'Not yours.',
    ]);
    expect(applyProblem(new TypeError('fetch failed'), target)[0]).toMatch(/could not reach/);
  });
});
