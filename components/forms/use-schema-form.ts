'use client';

import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
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
  /** Starts loading the schema (SchemaForm calls it on the first focus or pointer inside). */
  warm: () => void;
};

/**
 * How a form names its schema: a function that imports it, e.g.
 * `() => import('@/lib/schemas/check-ins').then((m) => m.CheckInInput)`. zod then stays out of the
 * page's first load (issue 15): the schema arrives when a person first reaches into the form
 * (focus or pointer, SchemaForm calls `warm`), or at the first check.
 */
export type SchemaLoader<TSchema extends z.ZodType> = () => Promise<TSchema>;

type Loaded<TSchema> = { schema: TSchema; paths: ReadonlySet<string> };

const LOAD_FAILED = 'The form could not be checked. Check your connection, then try again.';

/**
 * The form's schema and its paths, loaded once (again only after a failure). Not when the page is
 * idle: evaluating zod there was the chart overview's longest task (about 270 ms on a throttled
 * phone, bench:client --profile) on a page whose forms most visits never touch.
 */
function useLoadedSchema<TSchema extends z.ZodType>(load: SchemaLoader<TSchema>) {
  const loader = useRef(load);
  const loaded = useRef<Loaded<TSchema> | null>(null);
  const pending = useRef<Promise<Loaded<TSchema>> | null>(null);
  const ensure = useCallback(() => {
    pending.current ??= loader.current().then(
      (schema) => (loaded.current = { schema, paths: schemaPaths(schema) }),
      (failure: unknown) => {
        pending.current = null;
        throw failure;
      },
    );
    return pending.current;
  }, []);
  // A failed load is retried by the first check, which says so next to the form.
  const warm = useCallback(() => void ensure().catch(() => undefined), [ensure]);
  return { ensure, loaded, warm };
}

/**
 * The one form recipe (docs/decisions/018-one-shape.md): the API's own schema checks what the form
 * would send; the field paths, for its errors and for an API problem's, come from the schema.
 */
export function useSchemaForm<TSchema extends z.ZodType, TValues extends FieldValues>(
  load: SchemaLoader<TSchema>,
  options: SchemaFormOptions<TValues>,
): SchemaForm<TValues, z.output<TSchema>> {
  type Output = z.output<TSchema>;
  const { toInput, fieldOf, error, whenInvalid, shouldUnregister } = options;
  const id = useId();
  const [summary, setSummary] = useState<string[]>([]);
  const { ensure, loaded, warm } = useLoadedSchema(load);

  const fieldFor = useCallback(
    (path: string, values: TValues) =>
      fieldAt(loaded.current?.paths ?? new Set(), values, fieldOf ? fieldOf(path, values) : path),
    [loaded, fieldOf],
  );

  const resolver = useCallback<Resolver<TValues, unknown, Output>>(
    async (values) => {
      const schema = await ensure().then(
        (ready) => ready.schema,
        () => null,
      );
      if (!schema) {
        const errors = { root: { type: 'load', message: LOAD_FAILED } };
        return { values: {}, errors: errors as FieldErrors<TValues> };
      }
      const result = await schema.safeParseAsync(toInput ? toInput(values) : values, { error });
      if (result.success) return { values: result.data as Output, errors: {} };
      return {
        values: {},
        errors: issuesToErrors<TValues>(result.error.issues, (p) => fieldFor(p, values)),
      };
    },
    [ensure, toInput, error, fieldFor],
  );

  const form = useForm<TValues, unknown, Output>({
    resolver,
    shouldUnregister,
    defaultValues: options.defaultValues as DefaultValues<TValues>,
  });
  const { handleSubmit, setError, getValues } = form;

  const showProblem = useCallback(
    (failure: unknown) => {
      const apply = () =>
        setSummary(
          applyProblem(failure, {
            fieldFor: (path) => fieldFor(path, getValues()),
            setError: (name, fieldError, shouldFocus) =>
              setError(name as Path<TValues>, fieldError, { shouldFocus }),
          }),
        );
      // The paths come with the schema; without them every error goes to the summary.
      if (loaded.current) apply();
      else void ensure().then(apply, apply);
    },
    [fieldFor, getValues, setError, ensure, loaded],
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

  return { ...form, id, summary, setSummary, showProblem, onSubmit, warm };
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
  load: SchemaLoader<TSchema>,
  path: `/api/v1/${string}`,
  options: SchemaFormOptions<TValues> & {
    mutationKey: QueryKey;
    keepValues?: boolean;
    onCreated?: (created: TData, body: z.output<TSchema>) => unknown;
  },
) {
  const form = useSchemaForm(load, options);
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
