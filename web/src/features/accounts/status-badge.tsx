import { t } from '../../shared/i18n/i18n';
import { words } from '../../shared/ui/words';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{words(status, 'accountStatus')}</span>;
}
