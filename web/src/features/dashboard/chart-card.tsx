// A dashboard card: a title, the chart (described in words for screen readers), and links that
// open the same filtered lists a click on the chart opens, for keyboards and screen readers.
import { useId, type ReactNode, type RefObject } from 'react';
import { t } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router/link';
import { ErrorMessage } from '../../shared/ui/error-message';

interface Props {
  title: string;
  note?: ReactNode;
  error?: unknown;
  loading?: boolean;
  children: ReactNode;
  wide?: boolean;
}

export function ChartCard({ title, note, error, loading, children, wide }: Props) {
  const id = useId();
  return (
    <section className={`card chart-card${wide ? ' wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="muted chart-note">{note}</p>}
      <ErrorMessage error={error} />
      {loading && <p className="muted" role="status">{t('web.common.loading')}</p>}
      {children}
    </section>
  );
}

/** The canvas the chart draws into, announced as one image with its summary. */
export function ChartCanvas({ chartRef, summary, height = 280 }: { chartRef: RefObject<HTMLDivElement | null>; summary: string; height?: number }) {
  return <div ref={chartRef} className="chart" role="img" aria-label={summary} style={{ height }} />;
}

export interface LinkItem {
  label: string;
  to: string;
  count?: string;
}

export function ListLinks({ title, items }: { title: string; items: LinkItem[] }) {
  if (items.length === 0) return null;
  return (
    <nav className="chart-links" aria-label={title}>
      <span className="muted">{t('web.dashboard.listTitle', { title })}</span>
      <ul>
        {items.map((item) => (
          <li key={item.to}><Link to={item.to}>{item.label}</Link>{item.count && <span className="muted"> {item.count}</span>}</li>
        ))}
      </ul>
    </nav>
  );
}
