import { ApiError, errorMessage } from '../api/api-error';

/** An API error with its `error` message, and every problem it listed. */
export function ErrorNotice({ error }: { readonly error: unknown }) {
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="notice notice-error" role="alert">
      <p>{errorMessage(error)}</p>
      {problems.length > 0 && (
        <ul className="problems" data-testid="problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
