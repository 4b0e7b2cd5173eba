// What an import found or did: the columns it recognised, the problems row by row, the first
// records as they would be stored, and the counts.
import { countryName, formatMoney, formatNumber } from '../../shared/ui/words';
import { importApi, type ImportJob, type ImportReport } from './import-api';

export function MappingTable({ mapping }: { mapping: ImportReport['mapping'] }) {
  const columns = Object.entries(mapping.columns);
  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">Columns recognised</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead><tr><th scope="col">Column in the file</th><th scope="col">Field</th></tr></thead>
          <tbody>
            {columns.map(([header, field]) => <tr key={header}><td>{header}</td><td>{field}</td></tr>)}
            {mapping.unmatched.map((header) => <tr key={header}><td>{header}</td><td className="muted">not imported (no matching field)</td></tr>)}
          </tbody>
        </table>
      </div>
      {mapping.clashes.map((c) => (
        <p key={c.field} className="error-text">Columns {c.headers.join(' and ')} both map to {c.field}; keep one.</p>
      ))}
      <p className="muted">
        Dates: {mapping.dateFormatSource === 'none' ? 'no date column' : `${mapping.dateFormat} (${mapping.dateFormatSource === 'stated' ? 'as chosen' : 'detected from the column'})`}
      </p>
    </section>
  );
}

const lines = (n: number) => `${formatNumber(n)} line${n === 1 ? '' : 's'}`;

/** What an orders import as a whole does, said before its rows. */
export function OrderSummary({ summary, dryRun }: { summary: NonNullable<ImportReport['summary']>; dryRun: boolean }) {
  const { guests, countries, creditNotes } = summary;
  // To the cent: the summary's amounts are exact sums of the file.
  const amount = (decimal: string) => formatMoney(decimal, summary.currency, { exact: true });
  const will = (done: string, toBe: string) => (dryRun ? toBe : done);
  return (
    <section aria-labelledby="summary-title">
      <h3 id="summary-title">Summary</h3>
      <dl className="import-summary">
        {summary.accountsCreated !== null && (
          <><dt>{will('Accounts created', 'Accounts to create')}</dt>
            <dd>{formatNumber(summary.accountsCreated)}{!summary.createAccounts && ' (only existing accounts: lines of others are refused)'}</dd></>
        )}
        {(guests.lines > 0 || guests.handling === 'leave-out') && (
          <><dt>Guest lines (no customer)</dt>
            <dd>{lines(guests.lines)} worth {amount(guests.amount)}, {guests.handling === 'walk-in'
              ? `${will('kept', 'to keep')} as orders of “${guests.account}”` : will('left out', 'to leave out')}</dd></>
        )}
        {countries && (
          <><dt>Countries recognised</dt>
            <dd>{countries.recognised.length ? countries.recognised.slice(0, 8).map((c) => `${countryName(c.code)} (${lines(c.lines)})`).join(', ') : 'none'}
              {countries.recognised.length > 8 && ` and ${countries.recognised.length - 8} more`}</dd></>
        )}
        {countries && countries.unknown.length > 0 && (
          <><dt>Not a country, kept as region</dt>
            <dd className="warning-text">{countries.unknown.map((p) => `“${p.text}” (${lines(p.lines)})`).join(', ')}</dd></>
        )}
        {countries && countries.notStated > 0 && <><dt>Country not stated</dt><dd>{lines(countries.notStated)}</dd></>}
        {summary.orders && <><dt>Orders</dt><dd>{formatNumber(summary.orders.count)} worth {amount(summary.orders.amount)}</dd></>}
        {creditNotes && (
          <><dt>Credit notes (cancellations)</dt>
            <dd>{creditNotes.count === 0 ? 'none' : `${formatNumber(creditNotes.count)} worth ${amount(creditNotes.amount)}`}
              {creditNotes.linked > 0 && `, ${formatNumber(creditNotes.linked)} linked to the invoice they cancel`}
              {creditNotes.namedNotFound > 0 && `, ${formatNumber(creditNotes.namedNotFound)} ${creditNotes.namedNotFound === 1 ? 'names' : 'name'} an invoice not found`}</dd></>
        )}
        {summary.netRevenue !== null && <><dt>Net revenue</dt><dd>{amount(summary.netRevenue)}</dd></>}
      </dl>
    </section>
  );
}

export function ProblemsTable({ report }: { report: ImportReport }) {
  if (report.problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-title">
      <h3 id="problems-title">Problems ({report.problems.length === 200 ? 'first 200' : report.problems.length})</h3>
      <div className="table-wrap problems">
        <table className="data-table">
          <thead><tr><th scope="col" className="number">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i}><td className="number">{p.row}</td><td>{p.column}</td><td>{p.value}</td><td>{p.reason}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function PreviewTable({ report }: { report: ImportReport }) {
  if (report.preview.length === 0) return null;
  const fields = [...new Set(report.preview.flatMap((r) => Object.keys(r)))];
  const text = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return (
    <section aria-labelledby="preview-title">
      <h3 id="preview-title">First records as they would be stored</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead><tr>{fields.map((f) => <th scope="col" key={f}>{f}</th>)}</tr></thead>
          <tbody>{report.preview.map((r, i) => <tr key={i}>{fields.map((f) => <td key={f}>{text(r[f])}</td>)}</tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}

const OUTCOME: Record<ImportReport['status'], string> = {
  dry_run: 'Checked; nothing was written.',
  committed: 'Imported.',
  partial: 'Imported in part.',
  rejected: 'Nothing was imported.',
};

export function Outcome({ job }: { job: ImportJob }) {
  const report = job.report!;
  const bad = report.status === 'rejected' || report.fatal.length > 0;
  const problemRows = report.problems.length ? new Set(report.problems.map((p) => p.row)).size : 0;
  // Green only when every row went in (or, for a check, would): rows set aside are a warning.
  const setAside = report.rejectedRows > 0 || report.status === 'partial' || (report.status === 'dry_run' && problemRows > 0);
  return (
    <div className={bad ? 'error-banner' : setAside ? 'warning-banner' : 'success-banner'} role={bad || setAside ? 'alert' : 'status'}>
      <strong>{OUTCOME[report.status]}</strong>{' '}
      {formatNumber(report.rowsRead)} rows read
      {report.status !== 'dry_run' && `, ${formatNumber(report.inserted)} added, ${formatNumber(report.updated)} updated, ${formatNumber(report.unchanged)} unchanged`}
      {report.rejectedRows > 0 && `, ${formatNumber(report.rejectedRows)} rejected`}
      {report.status === 'dry_run' && problemRows > 0 && `; ${report.problems.length === 200 ? 'at least ' : ''}${formatNumber(problemRows)} rows have problems`}
      .
      {report.fatal.map((f) => <span key={f} className="fatal"> {f}</span>)}
      {(report.hasProblemFile || report.hasRejectedFile) && (
        <span className="downloads">
          {report.hasProblemFile && <a href={importApi.problemsUrl(job.id)} download>Download the problems (CSV)</a>}
          {report.hasRejectedFile && <a href={importApi.rejectedUrl(job.id)} download>Download the rejected rows (CSV)</a>}
        </span>
      )}
    </div>
  );
}
