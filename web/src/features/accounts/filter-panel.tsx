// One control per filter field; each change applies at once (typed text after a pause).
import { t } from '../../shared/i18n/i18n';
import { useId } from 'react';
import { COUNTRY_CODES } from '../../shared/api/vocabulary';
import type { User } from '../../shared/api/types';
import type { AccountValues, ValueInUse } from '../../../../src/domain/schemas/account-values';
import { classWords } from '../../shared/ui/class-words';
import { CommittedInput } from '../../shared/ui/committed-input';
import { countryName, formatNumber, words } from '../../shared/ui/words';
import { rangeText, rangeValue, type FilterField } from './account-filters';

interface Props {
  fields: FilterField[];
  values: Record<string, string>;
  users: User[];
  /** The segments, sectors and countries in use, once loaded: the choices of those filters. */
  known?: AccountValues;
  onChange(key: string, value: string): void;
  onClear(): void;
}

/** The countries by name in the current language; the page is drawn again when it changes. */
const allCountries = () => [...COUNTRY_CODES].map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => a.label.localeCompare(b.label));

/**
 * A field's values in use as options, by label, each with how many accounts carry it; the value
 * chosen stays on offer even when none of the accounts in view carries it (an old bookmark).
 */
function inUseOptions(values: ValueInUse[], chosen: string, labelOf: (value: string) => string) {
  const options = values.map(({ value, count }) => ({ value, label: t('web.filter.valueCount', { value: labelOf(value), count: formatNumber(count) }) }));
  if (chosen && !values.some((v) => v.value === chosen)) options.push({ value: chosen, label: labelOf(chosen) });
  return options.sort((a, b) => a.label.localeCompare(b.label));
}

const CHURN: Record<string, string> = { true: 'web.filter.withSignals', false: 'web.filter.withoutSignals' };

function valueWords(field: FilterField, value: string): string {
  if (field.dimension === 'churn') return CHURN[value] ? t(CHURN[value]) : value;
  return field.dimension ? classWords(field.dimension, value) : words(value);
}

function ChoiceOptions({ field }: { field: FilterField }) {
  const groups = field.groups ?? [];
  if (groups.length === 1) return <>{groups[0]!.values.map((v) => <option key={v} value={v}>{valueWords(field, v)}</option>)}</>;
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.label} label={t(group.label)}>
          {group.values.map((v) => <option key={v} value={v}>{valueWords(field, v)}</option>)}
        </optgroup>
      ))}
    </>
  );
}

export function FilterPanel({ fields, values, users, known, onChange, onClear }: Props) {
  const base = useId();
  return (
    <fieldset className="filter-panel">
      <legend className="visually-hidden">{t('web.accounts.filters')}</legend>
      {fields.map((field) => {
        const id = `${base}-${field.key}`;
        const value = values[field.key] ?? '';
        if (field.kind === 'range' && field.range) {
          const { min, max, scale = 1, unit } = field.range;
          return (
            <fieldset className="field range-field" key={field.key}>
              <legend>{t(field.label)}{unit ? ` (${unit})` : ''}</legend>
              <div className="range-inputs">
                <CommittedInput aria-label={t('web.filter.from', { label: t(field.label) })} inputMode="decimal" placeholder={t('web.filter.fromPlaceholder')} value={rangeText(values[min], scale)}
                  onCommit={(v) => onChange(min, rangeValue(v, scale))} />
                <span aria-hidden="true">–</span>
                <CommittedInput aria-label={t('web.filter.upTo', { label: t(field.label) })} inputMode="decimal" placeholder={t('web.filter.toPlaceholder')} value={rangeText(values[max], scale)}
                  onCommit={(v) => onChange(max, rangeValue(v, scale))} />
              </div>
            </fieldset>
          );
        }
        return (
          <div className="field" key={field.key}>
            <label htmlFor={id}>{t(field.label)}</label>
            {field.kind === 'choice' && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
                <option value="">{t('web.common.any')}</option>
                <ChoiceOptions field={field} />
              </select>
            )}
            {field.kind === 'owner' && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
                <option value="">{t('web.common.anyone')}</option>
                {users.map((u) => <option key={u.id} value={String(u.id)}>{u.name}</option>)}
              </select>
            )}
            {field.kind === 'country' && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
                <option value="">{t('web.common.any')}</option>
                {(known?.country ? inUseOptions(known.country.values, value, countryName) : allCountries()).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </select>
            )}
            {field.kind === 'known' && (known?.[field.key as keyof AccountValues]?.complete ?? true) && (
              <select id={id} value={value} onChange={(e) => onChange(field.key, e.target.value)} aria-busy={!known}>
                <option value="">{t('web.common.any')}</option>
                {inUseOptions(known?.[field.key as keyof AccountValues]?.values ?? [], value, (v) => v).map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
              </select>
            )}
            {/* More values in use than a list can hold: type one, the most used suggested. */}
            {field.kind === 'known' && known?.[field.key as keyof AccountValues]?.complete === false && (
              <>
                <CommittedInput id={id} type="text" value={value} onCommit={(v) => onChange(field.key, v)} list={`${id}-values`} placeholder={t('web.filter.exactValue')} />
                <datalist id={`${id}-values`}>{known[field.key as keyof AccountValues]!.values.map((v) => <option key={v.value} value={v.value} />)}</datalist>
              </>
            )}
            {field.kind === 'tags' && (
              <CommittedInput id={id} type="text" value={value} onCommit={(v) => onChange(field.key, v)} placeholder="vip, export" />
            )}
          </div>
        );
      })}
      <div className="field filter-actions">
        <button type="button" onClick={onClear}>{t('web.filter.clear')}</button>
      </div>
    </fieldset>
  );
}
