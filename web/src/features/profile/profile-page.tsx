// The account in 360°: who they are, their people, their history, and the quick actions that
// add to it. Every part loads on its own so a slow timeline does not hold the header back.
import { t } from '../../shared/i18n/i18n';
import { useState } from 'react';
import { ApiError } from '../../shared/api/api-error';
import { useAsync } from '../../shared/api/use-async';
import type { Account } from '../../shared/api/types';
import { Link } from '../../shared/router/link';
import type { Params } from '../../shared/router/match-route';
import { ErrorMessage } from '../../shared/ui/error-message';
import { accountsApi } from '../accounts/accounts-api';
import { AccountDetailsForm } from './account-details-form';
import { ContactsSection } from './contacts-section';
import { ProfileHeader } from './profile-header';
import { QuickActions } from './quick-actions';
import { TimelineSection } from './timeline-section';

export default function ProfilePage({ params }: { params: Params }) {
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useAsync((signal) => (valid ? accountsApi.get(id, signal) : Promise.reject(new ApiError(404, 'not_found', t('web.profile.notAccountNumber', { id: params.id })))), [id]);
  const [account, setAccount] = useState<Account | undefined>(undefined);
  const [timelineVersion, setTimelineVersion] = useState(0);
  const current = account?.id === id ? account : loaded.data;

  if (loaded.error && !current) {
    return (
      <section className="page">
        <h1>{t('web.profile.notAvailable')}</h1>
        <ErrorMessage error={loaded.error} />
        <p><Link to="/accounts">{t('web.import.back')}</Link></p>
      </section>
    );
  }
  if (!current) return <p className="page-loading">{t('web.profile.loading')}</p>;

  const changed = (next: Account) => {
    setAccount(next);
    setTimelineVersion((v) => v + 1);
  };

  return (
    <article className="page profile" aria-labelledby="profile-title">
      <p className="breadcrumb"><Link to="/accounts">{t('web.profile.back')}</Link></p>
      <ProfileHeader account={current} />
      <div className="profile-grid">
        <div className="stack">
          <QuickActions account={current} onAccountChanged={changed} onLogged={() => setTimelineVersion((v) => v + 1)} />
          <TimelineSection accountId={current.id} currency={current.currency} version={timelineVersion} />
        </div>
        <div className="stack">
          <ContactsSection accountId={current.id} />
          <AccountDetailsForm account={current} onSaved={changed} />
        </div>
      </div>
    </article>
  );
}
