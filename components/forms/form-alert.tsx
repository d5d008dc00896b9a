/**
 * The form's summary of what went wrong that is not about one field. The live region is always in
 * the page, so a message put into it is announced.
 */
export function FormAlert({ messages, id }: { messages: string[]; id?: string }) {
  return (
    <div role="alert" id={id} aria-atomic="true">
      {messages.length > 0 ? (
        <div className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          {messages.length === 1 ? (
            <p>{messages[0]}</p>
          ) : (
            <ul className="list-disc space-y-1 pl-5">
              {messages.map((message, i) => (
                <li key={i}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
