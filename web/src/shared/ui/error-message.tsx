import { describeError } from '../api/api-error';

/** A failure in plain words, announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  return <p className="error-banner" role="alert">{describeError(error)}</p>;
}
