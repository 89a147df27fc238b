/** Small pieces the people forms share: a field's error text and the form's summary of what the server refused. */
import type { PlacedErrors } from './field-errors.js';

export function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors) return null;
  return (
    <p id={id} className="error field-error">
      {errors.join(' ')}
    </p>
  );
}

/** role=alert: the summary is read out when the server refuses; empty (and silent) otherwise. */
export function ErrorSummary<K extends string>({
  title,
  errors,
  testId,
}: {
  title: string;
  errors: PlacedErrors<K> | undefined;
  testId?: string;
}) {
  return (
    <div role="alert" className={errors ? 'error summary' : 'error empty'} data-testid={testId}>
      {errors && (
        <>
          <p>{title}</p>
          <ul>
            {errors.all.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
