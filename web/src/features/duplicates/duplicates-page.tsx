// The duplicates review: likely pairs, most likely first, each merged after a look.
import { useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { useAsync } from '../../shared/api/use-async';
import { Link } from '../../shared/router/link';
import { useUser } from '../../shared/session/session';
import { ErrorMessage } from '../../shared/ui/error-message';
import { SelectField } from '../../shared/ui/field';
import { formatNumber } from '../../shared/ui/words';
import { describeError } from '../../shared/api/api-error';
import { DuplicatePairCard, type PairDecision } from './duplicate-pair';
import { duplicatesApi } from './duplicates-api';

/** The count as `clientele duplicates` words it, then how many are shown and how many were dismissed. */
function duplicatesFound(kind: 'account' | 'contact', pairs: number, minScore: number, shown: number, dismissed: number): string {
  const found = t(`web.duplicates.found.${kind}`, { count: pairs, formatted: formatNumber(pairs), score: minScore });
  const left = dismissed ? t('web.duplicates.leftOut', { count: dismissed, formatted: formatNumber(dismissed) }) : '';
  return `${pairs > shown ? t('web.duplicates.someShown', { found, shown: formatNumber(shown) }) : t('web.duplicates.allShown', { found })}${left}`;
}

export default function DuplicatesPage() {
  const user = useUser();
  const [kind, setKind] = useState('account');
  const [minScore, setMinScore] = useState(60);
  const [decision, setDecision] = useState<PairDecision | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const pairs = useAsync((signal) => duplicatesApi.list(kind, minScore, signal), [kind, minScore]);

  if (user.role === 'rep') {
    return (
      <section className="page">
        <h1>{t('web.shell.duplicates')}</h1>
        <p>{t('web.duplicates.staffOnly')} <Link to="/accounts">{t('web.import.back')}</Link>.</p>
      </section>
    );
  }
  const items = pairs.data?.items ?? [];
  return (
    <section className="page" aria-labelledby="duplicates-title">
      <h1 id="duplicates-title">{t('web.shell.duplicates')}</h1>
      <div className="toolbar">
        <SelectField label={t('web.duplicates.records')} value={kind} onChange={(e) => setKind(e.target.value)}
          choices={[{ value: 'account', label: t('web.duplicates.accounts') }, { value: 'contact', label: t('web.duplicates.contacts') }]} />
        <SelectField label={t('web.duplicates.atLeast')} value={String(minScore)} onChange={(e) => setMinScore(Number(e.target.value))}
          choices={[40, 60, 80, 90].map((s) => ({ value: String(s), label: `${s} / 100` }))} />
      </div>
      {decision && (
        <p className="success-banner" role="status">
          {decision.message}{' '}
          {decision.undo && (
            <button type="button" className="link-button" onClick={() => {
              decision.undo!().then(() => { setDecision(null); pairs.reload(); }, (failure) => setUndoError(describeError(failure)));
            }}>{t('web.duplicates.undo')}</button>
          )}
        </p>
      )}
      {undoError && <p className="error-banner" role="alert">{undoError}</p>}
      <ErrorMessage error={pairs.error} />
      {pairs.loading && <p className="muted" role="status">{t('web.duplicates.looking')}</p>}
      {pairs.data && (
        <p className="muted" role="status">{duplicatesFound(kind as 'account' | 'contact', pairs.data.pairs[kind as 'account' | 'contact'] ?? 0, minScore, items.length,
          pairs.data.dismissed?.[kind as 'account' | 'contact'] ?? 0)}</p>
      )}
      <ol className="plain stack">
        {items.map((pair) => (
          <DuplicatePairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} onDecided={(next) => { setDecision(next); setUndoError(null); pairs.reload(); }} />
        ))}
      </ol>
    </section>
  );
}
