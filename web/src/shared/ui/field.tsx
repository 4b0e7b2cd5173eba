// A labelled form control with its validation message beside it, tied by aria-describedby.
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  label: string;
  error?: string | null;
  hint?: ReactNode;
}

function Frame({ label, error, hint, id, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && <small id={`${id}-hint`} className="field-hint">{hint}</small>}
      {error && <small id={`${id}-error`} className="field-error" role="alert">{error}</small>}
    </div>
  );
}

const describedBy = (id: string, frame: FieldFrame) => (frame.error ? `${id}-error` : frame.hint ? `${id}-hint` : undefined);

export function TextField({ label, error, hint, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Frame label={label} error={error} hint={hint} id={id}>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} {...input} />
    </Frame>
  );
}

export function TextAreaField({ label, error, hint, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Frame label={label} error={error} hint={hint} id={id}>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} {...input} />
    </Frame>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectField({ label, error, hint, choices, blank, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { choices: Choice[]; blank?: string }) {
  const id = useId();
  return (
    <Frame label={label} error={error} hint={hint} id={id}>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, { label, error, hint })} {...select}>
        {blank !== undefined && <option value="">{blank}</option>}
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </Frame>
  );
}
