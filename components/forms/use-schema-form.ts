'use client';

import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormReturn,
} from 'react-hook-form';
import type { QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { useCreate } from '@/lib/use-create-mutation';
import { applyProblem } from './apply-problem';
import { fieldAt, schemaPaths } from './schema-paths';

export type SchemaFormOptions<TValues extends FieldValues> = {
  defaultValues: TValues;
  /** The body the form sends, from what the fields hold (strings, mostly). Default: the values. */
  toInput?: (values: TValues) => unknown;
  /** Renames an error path of the body to the form's own path, when the two differ. */
  fieldOf?: (path: string, values: TValues) => string;
  /** zod's error map for this form's words (e.g. a missing mood), over the schema's own. */
  error?: z.core.$ZodErrorMap;
  /** What the summary says when the schema refuses (default: only what no field shows). */
  whenInvalid?: string;
  /** Fields that leave the page take their values with them (react-hook-form's option). */
  shouldUnregister?: boolean;
};

/** A react-hook-form form checked by a zod schema, with its summary of errors not about one field. */
export type SchemaForm<TValues extends FieldValues, TOutput> = UseFormReturn<
  TValues,
  unknown,
  TOutput
> & {
  /** The prefix of the ids of this form's fields. */
  id: string;
  /** The messages of the form's alert. */
  summary: string[];
  setSummary: (messages: string[]) => void;
  /** Puts a failed request's errors next to their fields, and the rest in the summary. */
  showProblem: (error: unknown) => void;
  /** The form's submit handler: clears the summary, checks with the schema, then `send(body)`. */
  onSubmit: (send: (body: TOutput) => unknown) => (event?: FormEvent) => Promise<void>;
};

/**
 * The one form recipe (docs/decisions/018-one-shape.md): the API's own schema checks what the form
 * would send; the field paths, for its errors and for an API problem's, come from the schema.
 */
export function useSchemaForm<TSchema extends z.ZodType, TValues extends FieldValues>(
  schema: TSchema,
  options: SchemaFormOptions<TValues>,
): SchemaForm<TValues, z.output<TSchema>> {
  type Output = z.output<TSchema>;
  const { toInput, fieldOf, error, whenInvalid, shouldUnregister } = options;
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const paths = useMemo(() => schemaPaths(schema), [schema]);

  const fieldFor = useCallback(
    (path: string, values: TValues) =>
      fieldAt(paths, values, fieldOf ? fieldOf(path, values) : path),
    [paths, fieldOf],
  );

  const resolver = useCallback<Resolver<TValues, unknown, Output>>(
    async (values) => {
      const result = await schema.safeParseAsync(toInput ? toInput(values) : values, { error });
      if (result.success) return { values: result.data as Output, errors: {} };
      return {
        values: {},
        errors: issuesToErrors<TValues>(result.error.issues, (p) => fieldFor(p, values)),
      };
    },
    [schema, toInput, error, fieldFor],
  );

  const form = useForm<TValues, unknown, Output>({
    resolver,
    shouldUnregister,
    defaultValues: options.defaultValues as DefaultValues<TValues>,
  });
  const { handleSubmit, setError, getValues } = form;

  const showProblem = useCallback(
    (failure: unknown) =>
      setSummary(
        applyProblem(failure, {
          fieldFor: (path) => fieldFor(path, getValues()),
          setError: (name, fieldError, shouldFocus) =>
            setError(name as Path<TValues>, fieldError, { shouldFocus }),
        }),
      ),
    [fieldFor, getValues, setError],
  );

  const onSubmit = useCallback(
    (send: (body: Output) => unknown) =>
      handleSubmit(
        async (body) => {
          setSummary([]);
          await send(body);
        },
        (errors) => {
          const messages = [whenInvalid, errors.root?.message].filter(Boolean) as string[];
          setSummary(messages);
        },
      ),
    [handleSubmit, whenInvalid],
  );

  return { ...form, id, summary, setSummary, showProblem, onSubmit };
}

/** The schema's complaints as react-hook-form errors: the first per field; the rest at the root. */
function issuesToErrors<TValues extends FieldValues>(
  issues: z.core.$ZodIssue[],
  fieldFor: (path: string) => string | undefined,
): FieldErrors<TValues> {
  const errors: Record<string, unknown> = {};
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const name = fieldFor(issue.path.map(String).join('.'));
    if (!name) {
      elsewhere.push(issue.message);
      continue;
    }
    const segments = name.split('.');
    let node = errors;
    for (const segment of segments.slice(0, -1)) {
      node = (node[segment] ??= {}) as Record<string, unknown>;
    }
    node[segments.at(-1)!] ??= { type: issue.code, message: issue.message };
  }
  if (elsewhere.length > 0) errors.root = { type: 'schema', message: elsewhere.join(' ') };
  return errors as FieldErrors<TValues>;
}

/**
 * A form that creates something: useSchemaForm plus its POST (useCreate, with the intent's
 * Idempotency-Key); an API problem goes next to the fields, and the fields empty after a success
 * unless `keepValues`.
 */
export function useCreateForm<TSchema extends z.ZodType, TValues extends FieldValues, TData>(
  schema: TSchema,
  path: `/api/v1/${string}`,
  options: SchemaFormOptions<TValues> & {
    mutationKey: QueryKey;
    keepValues?: boolean;
    onCreated?: (created: TData, body: z.output<TSchema>) => unknown;
  },
) {
  const form = useSchemaForm(schema, options);
  const mutation = useCreate<TData, z.output<TSchema>>(path, {
    mutationKey: options.mutationKey,
    onSuccess: async (created, body) => {
      if (!options.keepValues) form.reset(options.defaultValues);
      await options.onCreated?.(created, body);
    },
    onError: form.showProblem,
  });
  return { form, mutation };
}
