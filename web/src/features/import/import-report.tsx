// What an import found or did: the columns it recognised, the problems row by row, the first
// records as they would be stored, and the counts.
import { t } from '../../shared/i18n/i18n';
import { countryName, fieldWords, formatMoney, formatNumber, joinAll } from '../../shared/ui/words';
import { importApi, type ImportJob, type ImportReport } from './import-api';

export function MappingTable({ mapping }: { mapping: ImportReport['mapping'] }) {
  const columns = Object.entries(mapping.columns);
  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">{t('web.importReport.mappingTitle')}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead><tr><th scope="col">{t('web.importReport.columnInFile')}</th><th scope="col">{t('web.importReport.field')}</th></tr></thead>
          <tbody>
            {columns.map(([header, field]) => <tr key={header}><td>{header}</td><td>{fieldWords(field)}</td></tr>)}
            {mapping.unmatched.map((header) => <tr key={header}><td>{header}</td><td className="muted">{t('web.importReport.notImported')}</td></tr>)}
          </tbody>
        </table>
      </div>
      {mapping.clashes.map((c) => (
        <p key={c.field} className="error-text">{t('web.importReport.clash', { headers: joinAll(c.headers), field: fieldWords(c.field) })}</p>
      ))}
      <p className="muted">
        {t('web.importReport.dates', {
          format: mapping.dateFormatSource === 'none' ? t('web.importReport.noDateColumn') : t('web.importReport.dateFormat', {
            format: dateFormatWords(mapping.dateFormat), source: t(mapping.dateFormatSource === 'stated' ? 'web.importReport.asChosen' : 'web.importReport.detected'),
          }),
        })}
      </p>
    </section>
  );
}

/** A date format as the import form names it ("Day first (31/01/2026)"), else as it is. */
function dateFormatWords(format: string): string {
  const key = `web.import.${format}`;
  const label = t(key);
  return label === key ? format : label;
}

const lines = (n: number) => t('web.importReport.lines', { count: n, formatted: formatNumber(n) });

/** What an orders import as a whole does, said before its rows. */
export function OrderSummary({ summary, dryRun }: { summary: NonNullable<ImportReport['summary']>; dryRun: boolean }) {
  const { guests, countries, creditNotes } = summary;
  // To the cent: the summary's amounts are exact sums of the file.
  const amount = (decimal: string) => formatMoney(decimal, summary.currency, { exact: true });
  const will = (done: string, toBe: string) => (dryRun ? toBe : done);
  return (
    <section aria-labelledby="summary-title">
      <h3 id="summary-title">{t('web.importReport.summaryTitle')}</h3>
      <dl className="import-summary">
        {summary.accountsCreated !== null && (
          <><dt>{t(will('web.importReport.accountsCreated', 'web.importReport.accountsToCreate'))}</dt>
            <dd>{formatNumber(summary.accountsCreated)}{!summary.createAccounts && t('web.importReport.onlyExisting')}</dd></>
        )}
        {(guests.lines > 0 || guests.handling === 'leave-out') && (
          <><dt>{t('web.importReport.guestLines')}</dt>
            <dd>{t('web.importReport.guestsValue', {
              worth: t('web.importReport.worth', { what: lines(guests.lines), amount: amount(guests.amount) }),
              handling: guests.handling === 'walk-in' ? t(will('web.importReport.kept', 'web.importReport.toKeep'), { account: guests.account })
                : t(will('web.importReport.leftOut', 'web.importReport.toLeaveOut')),
            })}</dd></>
        )}
        {countries && (
          <><dt>{t('web.importReport.countriesRecognised')}</dt>
            <dd>{countries.recognised.length ? countries.recognised.slice(0, 8).map((c) => `${countryName(c.code)} (${lines(c.lines)})`).join(', ') : t('web.importReport.none')}
              {countries.recognised.length > 8 && t('web.importReport.andMore', { formatted: formatNumber(countries.recognised.length - 8) })}</dd></>
        )}
        {countries && countries.unknown.length > 0 && (
          <><dt>{t('web.importReport.notCountry')}</dt>
            <dd className="warning-text">{countries.unknown.map((p) => `“${p.text}” (${lines(p.lines)})`).join(', ')}</dd></>
        )}
        {countries && countries.notStated > 0 && <><dt>{t('web.importReport.countryNotStated')}</dt><dd>{lines(countries.notStated)}</dd></>}
        {summary.orders && <><dt>{t('web.importReport.orders')}</dt><dd>{t('web.importReport.worth', { what: formatNumber(summary.orders.count), amount: amount(summary.orders.amount) })}</dd></>}
        {creditNotes && (
          <><dt>{t('web.importReport.creditNotes')}</dt>
            <dd>{creditNotes.count === 0 ? t('web.importReport.none') : t('web.importReport.worth', { what: formatNumber(creditNotes.count), amount: amount(creditNotes.amount) })}
              {creditNotes.linked > 0 && t('web.importReport.linked', { count: creditNotes.linked, formatted: formatNumber(creditNotes.linked) })}
              {creditNotes.namedNotFound > 0 && t('web.importReport.notFound', { count: creditNotes.namedNotFound, formatted: formatNumber(creditNotes.namedNotFound) })}</dd></>
        )}
        {summary.netRevenue !== null && <><dt>{t('web.importReport.netRevenue')}</dt><dd>{amount(summary.netRevenue)}</dd></>}
      </dl>
    </section>
  );
}

export function ProblemsTable({ report }: { report: ImportReport }) {
  if (report.problems.length === 0) return null;
  return (
    <section aria-labelledby="problems-title">
      <h3 id="problems-title">{t('web.importReport.problemsTitle', { count: report.problems.length === 200 ? t('web.importReport.first200') : formatNumber(report.problems.length) })}</h3>
      <div className="table-wrap problems">
        <table className="data-table">
          <thead><tr><th scope="col" className="number">{t('web.importReport.row')}</th><th scope="col">{t('web.importReport.column')}</th><th scope="col">{t('web.importReport.value')}</th><th scope="col">{t('web.importReport.why')}</th></tr></thead>
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
      <h3 id="preview-title">{t('web.importReport.previewTitle')}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead><tr>{fields.map((f) => <th scope="col" key={f}>{fieldWords(f)}</th>)}</tr></thead>
          <tbody>{report.preview.map((r, i) => <tr key={i}>{fields.map((f) => <td key={f}>{text(r[f])}</td>)}</tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}


export function Outcome({ job }: { job: ImportJob }) {
  const report = job.report!;
  const bad = report.status === 'rejected' || report.fatal.length > 0;
  const problemRows = report.problems.length ? new Set(report.problems.map((p) => p.row)).size : 0;
  // Green only when every row went in (or, for a check, would): rows set aside are a warning.
  const setAside = report.rejectedRows > 0 || report.status === 'partial' || (report.status === 'dry_run' && problemRows > 0);
  return (
    <div className={bad ? 'error-banner' : setAside ? 'warning-banner' : 'success-banner'} role={bad || setAside ? 'alert' : 'status'}>
      <strong>{t(`web.importReport.outcome.${report.status}`)}</strong>{' '}
      {t('web.importReport.rowsRead', { count: report.rowsRead, formatted: formatNumber(report.rowsRead) })}
      {report.status !== 'dry_run' && t('web.importReport.written', { inserted: formatNumber(report.inserted), updated: formatNumber(report.updated), unchanged: formatNumber(report.unchanged) })}
      {report.rejectedRows > 0 && t('web.importReport.rejected', { formatted: formatNumber(report.rejectedRows) })}
      {report.status === 'dry_run' && problemRows > 0
        && t(report.problems.length === 200 ? 'web.importReport.problemRowsAtLeast' : 'web.importReport.problemRows', { count: problemRows, formatted: formatNumber(problemRows) })}
      .
      {report.fatal.map((f) => <span key={f} className="fatal"> {f}</span>)}
      {(report.hasProblemFile || report.hasRejectedFile) && (
        <span className="downloads">
          {report.hasProblemFile && <a href={importApi.problemsUrl(job.id)} download>{t('web.importReport.downloadProblems')}</a>}
          {report.hasRejectedFile && <a href={importApi.rejectedUrl(job.id)} download>{t('web.importReport.downloadRejected')}</a>}
        </span>
      )}
    </div>
  );
}
