// The browser's <input type="datetime-local"> speaks local wall-clock time without a zone;
// the API speaks UTC ISO timestamps. These two convert between them.

/** "2026-03-04T09:30" in local time for a Date, as the input expects. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's local time as a UTC ISO timestamp, or null when it is empty or not a time. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A date input's "2026-03-04" as the end of that local day, for due dates. */
export function endOfLocalDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T18:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
