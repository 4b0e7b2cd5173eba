import { t } from '../../shared/i18n/i18n';
import type { Account } from '../../shared/api/types';
import { useUsers } from '../../shared/users/use-users';
import { countryName, formatDate, words } from '../../shared/ui/words';
import { StatusBadge } from '../accounts/status-badge';
import { AccountFigures } from './account-figures';

/** Name, status and the facts a rep wants before a call. */
export function ProfileHeader({ account }: { account: Account }) {
  const users = useUsers();
  const place = [account.city, account.region, countryName(account.country)].filter(Boolean).join(', ');
  const facts: [string, string][] = [
    [t('web.profile.owner'), users.nameOf(account.ownerId) || t('web.profile.nobody')],
    [t('web.profile.statusSince'), formatDate(account.statusChangedAt)],
    [t('labels.field.segment'), account.segment ?? ''],
    [t('labels.field.sector'), account.sector ?? ''],
    [t('labels.field.size'), words(account.size, 'accountSize')],
    [t('labels.field.relationshipType'), words(account.relationshipType, 'relationshipType')],
    [t('web.profile.place'), place],
  ];
  return (
    <header className="profile-header card">
      <div className="profile-title-line">
        <h1 id="profile-title">{account.name}</h1>
        <StatusBadge status={account.status} />
        <span className="muted">{words(account.kind, 'accountKind')}{account.externalId ? ` · ${account.externalId}` : ''}</span>
      </div>
      <dl className="facts">
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
        {account.email && <div><dt>{t('labels.field.email')}</dt><dd><a href={`mailto:${account.email}`}>{account.email}</a></dd></div>}
        {account.phone && <div><dt>{t('labels.field.phone')}</dt><dd><a href={`tel:${account.phone.replace(/[^+\d]/g, '')}`}>{account.phone}</a></dd></div>}
        {account.website && <div><dt>{t('labels.field.website')}</dt><dd>{account.website}</dd></div>}
        {account.tags.length > 0 && <div><dt>{t('labels.field.tags')}</dt><dd>{account.tags.join(', ')}</dd></div>}
      </dl>
      <AccountFigures accountId={account.id} />
    </header>
  );
}
