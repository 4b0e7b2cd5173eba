// One control per filter field; each change applies at once (typed text after a pause).
import { useId } from 'react';
import { COUNTRY_CODES } from '../../shared/api/vocabulary';
import type { User } from '../../shared/api/types';
import { classWords } from '../../shared/ui/class-words';
import { CommittedInput } from '../../shared/ui/committed-input';
import { countryName, words } from '../../shared/ui/words';
import { rangeText, rangeValue, type FilterField } from './account-filters';

interface Props {
  fields: FilterField[];
  values: Record<string, string>;
  users: User[];
  /** Values in use for the text filters, offered as suggestions. */
  suggestions?: Record<string, string[]>;
  onChange(key: string, value: string): void;
  onClear(): void;
}

const COUNTRIES = [...COUNTRY_CODES].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
const CHURN: Record<string, string> = { true: 'With signals', false: 'Without signals' };

function valueWords(field: FilterField, value: string): string {
  if (field.dimension === 'churn') return CHURN[value] ?? value;
  return field.dimension ? classWords(field.dimension, value) : words(value);
}

function ChoiceOptions({ field }: { field: FilterField }) {
  const groups = field.groups ?? [];
  if (groups.length === 1) return <>{groups[0]!.values.map((v) => <option key={v} value={v}>{valueWords(field, v)}</option>)}</>;
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.values.map((v) => <option key={v} value={v}>{valueWords(field, v)}</option>)}
        </optgroup>
      ))}
    </>
  );
}

export function FilterPanel({ fields, values, users, suggestions = {}, onChange, onClear }: Props) {
  const base = useId();
  return (
    <fieldset className="filter-panel">
      <legend className="visually-hidden">Filters</legend>
      {fields.map((field) => {
        const id = `${base}-${field.key}`;
        const value = values[field.key] ?? '';
        if (field.kind === 'range' && field.range) {
          const { min, max, scale = 1, unit } = field.range;
          return (
            <fieldset className="field range-field" key={field.key}>
              <legend>{field.label}{unit ? ` (${unit})` : ''}</legend>
              <div className="range-inputs">
                <CommittedInput aria-label={`${field.label} from`} inputMode="decimal" placeholder="from" value={rangeText(values[min], scale)}
                  onCommit={(v) => onChange(min, rangeValue(v, scale))} />
                <span aria-hidden="true">–</span>
                <CommittedInput aria-label={`${field.label} up to`} inputMode="decimal" placeholder="to" value={rangeText(values[max], scale)}
                  onCommit={(v) => onChange(max, rangeValue(v, scale))} />
              </div>
            </fieldset>
          );
        }
        return (
          <div className="field" key={field.key}>
            <label htmlFor={id}>{field.label}</label>
            {field.kind === 'choice' && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
                <option value="">Any</option>
                <ChoiceOptions field={field} />
              </select>
            )}
            {field.kind === 'owner' && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
                <option value="">Anyone</option>
                {users.map((u) => <option key={u.id} value={String(u.id)}>{u.name}</option>)}
              </select>
            )}
            {field.kind === 'country' && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
                <option value="">Any</option>
                {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            )}
            {(field.kind === 'text' || field.kind === 'tags') && (
              <CommittedInput id={id} type="text" value={value} onCommit={(v) => onChange(field.key, v)}
                list={suggestions[field.key] ? `${id}-values` : undefined}
                placeholder={field.kind === 'tags' ? 'vip, export' : 'Exact value'} />
            )}
            {suggestions[field.key] && (
              <datalist id={`${id}-values`}>{suggestions[field.key]!.map((v) => <option key={v} value={v} />)}</datalist>
            )}
          </div>
        );
      })}
      <div className="field filter-actions">
        <button type="button" onClick={onClear}>Clear filters</button>
      </div>
    </fieldset>
  );
}
