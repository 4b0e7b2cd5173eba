// Splits an API failure between the form's fields (shown beside them) and the form as a whole.
import { ApiError, describeError } from '../api/api-error';

export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/** `fields` lists the form's own field names; an error naming another field goes to the form. */
export function formErrorsFrom(error: unknown, fields: readonly string[]): FormErrors {
  if (error instanceof ApiError && error.field) {
    const top = error.field.split('.')[0]!;
    if (fields.includes(top)) return { fields: { [top]: besideField(error.message, error.field) }, form: null };
  }
  return { fields: {}, form: describeError(error) };
}

/** 'Field "subject" must not be empty.' reads "Must not be empty." next to the Subject box. */
export function besideField(message: string, field: string): string {
  const prefix = `Field "${field}" `;
  if (!message.startsWith(prefix)) return message;
  const rest = message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
