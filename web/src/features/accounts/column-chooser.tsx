import { t } from '../../shared/i18n/i18n';
import type { Column } from './account-columns';

/** A disclosure with one checkbox per column; the name column always shows. */
export function ColumnChooser({ columns, chosen, onChange }: { columns: Column[]; chosen: string[]; onChange(next: string[]): void }) {
  const toggle = (key: string) => onChange(chosen.includes(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
  return (
    <details className="menu">
      <summary>{t('web.accounts.columns')}</summary>
      <fieldset className="menu-body">
        <legend>{t('web.accounts.columnsToShow')}</legend>
        {columns.filter((c) => c.key !== 'name').map((column) => (
          <label key={column.key} className="check">
            <input type="checkbox" checked={chosen.includes(column.key)} onChange={() => toggle(column.key)} />
            {t(column.label)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
