import { Badge } from '@/components/ui/badge';
import { LocalDateTime } from '@/components/ui/local-date-time';
import { formatDate } from '@/lib/format';
import type { SessionNote } from '@/lib/schemas/session-notes';
import { NOTE_SECTIONS } from '@/lib/schemas/session-notes-values';

export const NOTE_KIND_LABEL = {
  THERAPY: 'Therapy session',
  MEDICATION_MANAGEMENT: 'Medication management',
} as const;

/** A note's status in words: draft, signed, withheld from the patient. */
export function NoteStatus({ note }: { note: SessionNote }) {
  return (
    <span className="flex flex-wrap gap-1.5">
      {note.status === 'DRAFT' ? (
        <Badge tone="amber">Draft: only you can see it</Badge>
      ) : (
        <Badge tone="teal">Signed</Badge>
      )}
      {note.withheld ? <Badge tone="orange">Withheld from the patient</Badge> : null}
    </span>
  );
}

const PLAIN_LABELS: Record<string, string> = {
  data: 'What we talked about',
  subjective: 'What you told us',
  objective: 'What we noticed',
  assessment: 'How things are going',
  plan: 'What happens next',
};

/** A session note's sections and addenda, read-only; `plain` titles the sections for patients. */
export function SessionNoteBody({ note, plain = false }: { note: SessionNote; plain?: boolean }) {
  return (
    <div className="space-y-4">
      <dl className="space-y-3">
        {NOTE_SECTIONS[note.format].map(([key, label]) => (
          <div key={key}>
            <dt className="text-sm font-semibold text-slate-900">
              {plain ? (PLAIN_LABELS[key] ?? label) : label}
            </dt>
            <dd className="mt-0.5 whitespace-pre-line text-slate-800">
              {note.body[key] || <span className="text-slate-600">(empty)</span>}
            </dd>
          </div>
        ))}
      </dl>
      {note.withheld ? (
        <p className="rounded-md bg-orange-50 px-3 py-2 text-sm text-orange-950">
          Withheld from the patient: {note.withheld.reason}
        </p>
      ) : null}
      {note.addenda.length > 0 ? (
        <section aria-label="Addenda" className="space-y-2 border-t border-slate-200 pt-3">
          <h3 className="text-sm font-semibold text-slate-900">
            {plain ? 'Added later' : 'Addenda'}
          </h3>
          <ol className="space-y-2">
            {note.addenda.map((a) => (
              <li key={a.id} className="rounded-md bg-slate-50 px-3 py-2 text-sm">
                <p className="text-slate-700">
                  {a.author.name}, <LocalDateTime iso={a.createdAt} withRelative={false} />
                </p>
                <p className="mt-1 whitespace-pre-line text-slate-900">{a.body}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

/** The line under a note's title: session date, author, when signed. */
export function NoteByline({ note }: { note: SessionNote }) {
  return (
    <p className="text-sm text-slate-700">
      Session {formatDate(note.sessionDate, 'long')} · {note.author.name}
      {note.signedAt ? (
        <>
          {' '}
          · signed <LocalDateTime iso={note.signedAt} withRelative={false} />
        </>
      ) : null}
    </p>
  );
}

/**
 * The kind a new note starts as: a prescriber's sessions are medication management, a
 * therapist's are therapy. A default the author may change, not a permission.
 */
export function defaultNoteKind(role: string): SessionNote['kind'] {
  return role === 'PRESCRIBER' ? 'MEDICATION_MANAGEMENT' : 'THERAPY';
}
