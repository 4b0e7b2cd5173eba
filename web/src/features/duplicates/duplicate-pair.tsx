// One likely duplicate: both records side by side, why they look alike, and the two decisions:
// the merge, which asks once more before deleting the other record, or "not a duplicate",
// which the list remembers for everyone (and the page can undo).
import { useState } from 'react';
import { t } from '../../shared/i18n/i18n';
import { describeError } from '../../shared/api/api-error';
import { Link } from '../../shared/router/link';
import { countryName } from '../../shared/ui/words';
import { candidateName, duplicatesApi, type Candidate, type DuplicatePair } from './duplicates-api';

function CandidateCard({ candidate, kind }: { candidate: Candidate; kind: DuplicatePair['kind'] }) {
  const accountId = kind === 'account' ? candidate.id : candidate.accountId;
  return (
    <div className="candidate">
      <strong>{candidateName(candidate)}</strong> <span className="muted">#{candidate.id}</span>
      <ul className="plain">
        {candidate.email && <li>{candidate.email}</li>}
        {candidate.phone && <li>{candidate.phone}</li>}
        {candidate.website && <li>{candidate.website}</li>}
        {(candidate.city || candidate.country) && <li>{[candidate.city, countryName(candidate.country)].filter(Boolean).join(', ')}</li>}
        {accountId && <li><Link to={`/accounts/${accountId}`}>{t(kind === 'account' ? 'web.duplicates.openAccount' : 'web.duplicates.openTheirAccount')}</Link></li>}
      </ul>
    </div>
  );
}

export interface PairDecision {
  message: string;
  /** Takes a "not a duplicate" decision back; a merge cannot be undone. */
  undo?: () => Promise<void>;
}

export function DuplicatePairCard({ pair, onDecided }: { pair: DuplicatePair; onDecided(decision: PairDecision): void }) {
  const [keep, setKeep] = useState<'a' | 'b' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kept = keep ? pair[keep] : null;
  const gone = keep ? pair[keep === 'a' ? 'b' : 'a'] : null;

  const merge = async () => {
    if (!kept || !gone) return;
    setBusy(true);
    try {
      await duplicatesApi.merge(pair.kind, kept.id, gone.id);
      onDecided({ message: t('web.duplicates.merged', { gone: candidateName(gone), goneId: gone.id, kept: candidateName(kept), keptId: kept.id }) });
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  const dismiss = async () => {
    setBusy(true);
    try {
      await duplicatesApi.dismiss(pair.kind, pair.a.id, pair.b.id);
      onDecided({
        message: t('web.duplicates.dismissed', { a: candidateName(pair.a), aId: pair.a.id, b: candidateName(pair.b), bId: pair.b.id }),
        undo: () => duplicatesApi.undoDismiss(pair.kind, pair.a.id, pair.b.id),
      });
    } catch (failure) {
      setError(describeError(failure));
      setBusy(false);
    }
  };

  return (
    <li className="card duplicate-pair">
      <div className="pair-score"><strong>{pair.score}</strong><span className="muted">/100</span></div>
      <div className="pair-body">
        <div className="pair-candidates">
          <CandidateCard candidate={pair.a} kind={pair.kind} />
          <CandidateCard candidate={pair.b} kind={pair.kind} />
        </div>
        <p className="muted">{t('web.duplicates.why', { reasons: pair.reasons.join('; ') })}</p>
        {error && <p className="error-banner" role="alert">{error}</p>}
        {!keep ? (
          <div className="form-actions">
            <button type="button" onClick={() => setKeep('a')}>{t('web.duplicates.keep', { kept: pair.a.id, gone: pair.b.id })}</button>
            <button type="button" onClick={() => setKeep('b')}>{t('web.duplicates.keep', { kept: pair.b.id, gone: pair.a.id })}</button>
            <button type="button" disabled={busy} onClick={() => void dismiss()}>{t('web.duplicates.notDuplicate')}</button>
          </div>
        ) : (
          <div className="form-actions confirm" role="group" aria-label={t('web.duplicates.confirmTitle')}>
            <span>{t('web.duplicates.mergeBefore')}<strong>{candidateName(gone!)}</strong>{t('web.duplicates.mergeInto')}<strong>{candidateName(kept!)}</strong>{t('web.duplicates.mergeAfter', { id: gone!.id })}</span>
            <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>{busy ? t('web.duplicates.merging') : t('web.duplicates.confirm')}</button>
            <button type="button" disabled={busy} onClick={() => setKeep(null)}>{t('web.common.cancel')}</button>
          </div>
        )}
      </div>
    </li>
  );
}
