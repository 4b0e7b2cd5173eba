// Save the list as it is (filters, search, sort, columns) under a name, and open it again.
import { t } from '../../shared/i18n/i18n';
import { useState, type FormEvent } from 'react';
import { TextField } from '../../shared/ui/field';
import type { SavedView } from './saved-views';

interface Props {
  views: SavedView[];
  onOpen(view: SavedView): void;
  onSave(name: string): void;
  onDelete(name: string): void;
}

export function SavedViewsMenu({ views, onOpen, onSave, onDelete }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('web.views.nameIt'));
      return;
    }
    onSave(name);
    setName('');
    setError(null);
  };
  return (
    <details className="menu">
      <summary>{t('web.views.title')}</summary>
      <div className="menu-body">
        {views.length === 0 ? <p className="muted">{t('web.views.none')}</p> : (
          <ul className="view-list">
            {views.map((view) => (
              <li key={view.name}>
                <button type="button" className="link-button" onClick={() => onOpen(view)}>{view.name}</button>
                <button type="button" className="small" aria-label={t('web.views.delete', { name: view.name })} onClick={() => onDelete(view.name)}>{t('web.common.delete')}</button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={save} className="inline-form">
          <TextField label={t('web.views.saveAs')} value={name} error={error} onChange={(e) => setName(e.target.value)} />
          <button type="submit">{t('web.views.save')}</button>
        </form>
      </div>
    </details>
  );
}
