// The account's people, with the channel each prefers and what they consented to.
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import type { Contact } from '../../shared/api/types';
import { CHANNELS } from '../../shared/api/vocabulary';
import { ErrorMessage } from '../../shared/ui/error-message';
import { formatDate, words } from '../../shared/ui/words';
import { profileApi } from './profile-api';

function ConsentList({ contact }: { contact: Contact }) {
  if (contact.doNotContact) return <span className="badge status-ex_customer">{t('web.contacts.doNotContact')}</span>;
  const known = CHANNELS.filter((c) => contact.consent[c]);
  if (known.length === 0) return <span className="muted">{t('web.contacts.noConsent')}</span>;
  return (
    <ul className="consents">
      {known.map((channel) => {
        const consent = contact.consent[channel]!;
        return (
          <li key={channel} title={`${consent.source}, ${formatDate(consent.at)}`}>
            <span aria-hidden="true">{consent.granted ? '✓' : '✗'}</span> {words(channel)}
            <span className="visually-hidden">{t(consent.granted ? 'web.contacts.granted' : 'web.contacts.withdrawn', { source: consent.source, day: formatDate(consent.at) })}</span>
          </li>
        );
      })}
    </ul>
  );
}

export function ContactsSection({ accountId }: { accountId: number }) {
  const contacts = useAsync((signal) => profileApi.contacts(accountId, signal), [accountId]);
  const items = contacts.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('web.contacts.title')} {contacts.data && <span className="muted">({items.length})</span>}</h2>
      <ErrorMessage error={contacts.error} />
      {contacts.loading && !contacts.data && <p className="muted">{t('web.contacts.loading')}</p>}
      {contacts.data && items.length === 0 && <p className="muted">{t('web.contacts.none')}</p>}
      <ul className="contact-list">
        {items.map((c) => (
          <li key={c.id} className="contact">
            <div className="contact-name">
              <strong>{[words(c.civility), c.firstName, c.lastName].filter(Boolean).join(' ')}</strong>
              {c.jobTitle && <span className="muted"> · {c.jobTitle}</span>}
            </div>
            <div className="contact-ways">
              {c.email && <a href={`mailto:${c.email}`}>{c.email}</a>}
              {c.phone && <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a>}
            </div>
            <div className="contact-prefs">
              <span>{t('web.contacts.prefers')} <strong>{c.preferredChannel ? words(c.preferredChannel, 'channel') : t('web.contacts.notSaid')}</strong></span>
              <ConsentList contact={c} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
