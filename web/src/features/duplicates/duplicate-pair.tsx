// One likely duplicate: both records side by side, why they look alike, and the two decisions:
// the merge, which asks once more before deleting the other record, or "not a duplicate",
// which the list remembers for everyone (and the page can undo).
import { useState } from 'react';
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
        {accountId && <li><Link to={`/accounts/${accountId}`}>Open {kind === 'account' ? 'the account' : 'their account'}</Link></li>}
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
      onDecided({ message: `${candidateName(gone)} (#${gone.id}) merged into ${candidateName(kept)} (#${kept.id}).` });
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
        message: `${candidateName(pair.a)} (#${pair.a.id}) and ${candidateName(pair.b)} (#${pair.b.id}) marked as not a duplicate; they will not be listed again.`,
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
        <p className="muted">Why: {pair.reasons.join('; ')}</p>
        {error && <p className="error-banner" role="alert">{error}</p>}
        {!keep ? (
          <div className="form-actions">
            <button type="button" onClick={() => setKeep('a')}>Keep #{pair.a.id}, merge #{pair.b.id} into it</button>
            <button type="button" onClick={() => setKeep('b')}>Keep #{pair.b.id}, merge #{pair.a.id} into it</button>
            <button type="button" disabled={busy} onClick={() => void dismiss()}>Not a duplicate</button>
          </div>
        ) : (
          <div className="form-actions confirm" role="group" aria-label="Confirm the merge">
            <span>Merge <strong>{candidateName(gone!)}</strong> into <strong>{candidateName(kept!)}</strong>? #{gone!.id} is then deleted; its history moves over.</span>
            <button type="button" className="primary" disabled={busy} onClick={() => void merge()}>{busy ? 'Merging…' : 'Confirm merge'}</button>
            <button type="button" disabled={busy} onClick={() => setKeep(null)}>Cancel</button>
          </div>
        )}
      </div>
    </li>
  );
}
