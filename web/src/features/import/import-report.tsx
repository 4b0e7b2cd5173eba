// What an import found or did: the columns it recognised, the problems row by row, the first
// records as they would be stored, and the counts.
import { formatNumber } from '../../shared/ui/words';
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

export function ProblemsTable({ report }: { report: ImportReport }) {
  if (report.problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-title">
      <h3 id="problems-title">Problems ({report.problems.length === 200 ? 'first 200' : report.problems.length})</h3>
      <div className="table-wrap problems">
        <table className="data-table">
          <thead><tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i}><td>{p.row}</td><td>{p.column}</td><td>{p.value}</td><td>{p.reason}</td></tr>
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
  return (
    <div className={bad ? 'error-banner' : 'success-banner'} role={bad ? 'alert' : 'status'}>
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
