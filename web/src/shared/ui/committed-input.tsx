// A text box whose value takes effect after a short pause in typing, on Enter or on leaving
// it, so the list is not asked again at every keystroke.
import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  onCommit(value: string): void;
  delayMs?: number;
}

export function CommittedInput({ value, onCommit, delayMs = 350, onKeyDown, onBlur, ...input }: Props) {
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const committed = useRef(value);

  useEffect(() => {
    committed.current = value;
    setText(value);
  }, [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (next: string) => {
    window.clearTimeout(timer.current);
    if (next.trim() === committed.current) return;
    committed.current = next.trim();
    onCommit(next.trim());
  };

  return (
    <input
      {...input}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => commit(next), delayMs);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit(text);
        onKeyDown?.(event);
      }}
      onBlur={(event) => {
        commit(text);
        onBlur?.(event);
      }}
    />
  );
}
