import { words } from '../../shared/ui/words';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{words(status)}</span>;
}
