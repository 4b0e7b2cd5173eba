// The few things done most often on an account, one tap away: log a call, visit, email or note,
// add a task, change the owner or the status.
import { t } from '../../shared/i18n/i18n';
import { useState } from 'react';
import type { Account } from '../../shared/api/types';
import { InteractionForm, type LoggedType } from './interaction-form';
import { OwnerStatusForm } from './owner-status-form';
import { TaskForm } from './task-form';

type Action = LoggedType | 'task' | 'owner';

const ACTIONS: { action: Action; label: string }[] = [
  { action: 'call', label: 'web.profile.logCall' },
  { action: 'visit', label: 'web.profile.logVisit' },
  { action: 'email', label: 'web.profile.logEmail' },
  { action: 'note', label: 'web.profile.addNote' },
  { action: 'task', label: 'web.profile.addTask' },
  { action: 'owner', label: 'web.profile.ownerOrStatus' },
];

interface Props {
  account: Account;
  onLogged(): void;
  onAccountChanged(account: Account): void;
}

export function QuickActions({ account, onLogged, onAccountChanged }: Props) {
  const [open, setOpen] = useState<Action | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
  };
  return (
    <section className="card quick-actions" aria-labelledby="quick-title">
      <h2 id="quick-title">{t('web.profile.quickActions')}</h2>
      <div className="action-buttons">
        {ACTIONS.map(({ action, label }) => (
          <button key={action} type="button" aria-expanded={open === action} aria-controls="quick-form"
            className={open === action ? 'primary' : undefined}
            onClick={() => { setDone(null); setOpen(open === action ? null : action); }}>
            {t(label)}
          </button>
        ))}
      </div>
      {done && <p className="success-banner" role="status">{done}</p>}
      <div id="quick-form">
        {open && open !== 'task' && open !== 'owner' && (
          <InteractionForm key={open} type={open} account={account} onCancel={() => setOpen(null)}
            onSaved={(what) => { onLogged(); finish(what); }} />
        )}
        {open === 'task' && <TaskForm account={account} onCancel={() => setOpen(null)} onSaved={(what) => { onLogged(); finish(what); }} />}
        {open === 'owner' && (
          <OwnerStatusForm account={account} onCancel={() => setOpen(null)}
            onSaved={(next, what) => { onAccountChanged(next); finish(what); }} />
        )}
      </div>
    </section>
  );
}
