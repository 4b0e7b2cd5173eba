// Upload a CSV or XLSX file, check it (the mapping, every problem, nothing written), then run
// it with a progress bar and download what was rejected. Managers and admins only.
import { t } from '../../shared/i18n/i18n';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../../shared/api/api-error';
import { useUser } from '../../shared/session/session';
import { Link } from '../../shared/router/link';
import { SelectField, TextField } from '../../shared/ui/field';
import { formatNumber, words } from '../../shared/ui/words';
import { followJob, IMPORT_TARGETS, importApi, type ImportJob, type ImportOptions, type ImportTarget } from './import-api';
import { MappingTable, OrderSummary, Outcome, PreviewTable, ProblemsTable } from './import-report';

const delimiters = () => [{ value: ',', label: t('web.import.comma') }, { value: ';', label: t('web.import.semicolon') }, { value: 'tab', label: t('web.import.tab') }, { value: '|', label: t('web.import.pipe') }, { value: 'whitespace', label: t('web.import.spaces') }];
const dateFormats = () => [{ value: 'iso', label: t('web.import.iso') }, { value: 'dmy', label: t('web.import.dmy') }, { value: 'mdy', label: t('web.import.mdy') }, { value: 'ymd_compact', label: t('web.import.compact') }];

type Phase = 'idle' | 'checking' | 'checked' | 'running' | 'finished';

export default function ImportPage() {
  const user = useUser();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Omit<ImportOptions, 'dryRun'>>({ target: 'accounts', skipInvalid: false, delimiter: '', encoding: '', dateFormat: '', decimalComma: false, sheet: '', existingAccountsOnly: false, guests: 'walk-in' });
  const [phase, setPhase] = useState<Phase>('idle');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const following = useRef<AbortController | null>(null);
  useEffect(() => () => following.current?.abort(), []);

  if (user.role === 'rep') {
    return (
      <section className="page">
        <h1>{t('web.import.title')}</h1>
        <p>{t('web.import.staffOnly')} <Link to="/accounts">{t('web.import.back')}</Link>.</p>
      </section>
    );
  }

  const set = <K extends keyof typeof options>(key: K, value: (typeof options)[K]) => {
    setOptions((o) => ({ ...o, [key]: value }));
    // How the file is read changes what a check finds; whether bad rows are set aside does not,
    // so ticking "Import the good rows" after a check leads straight to the import.
    if (key !== 'skipInvalid' && (phase === 'checked' || phase === 'finished')) setPhase('idle');
  };

  const start = async (dryRun: boolean) => {
    if (!file) return setFileError(t('web.import.chooseFile'));
    setError(null);
    setPhase(dryRun ? 'checking' : 'running');
    following.current?.abort();
    const controller = new AbortController();
    following.current = controller;
    try {
      const started = await importApi.start(file, { ...options, dryRun });
      setJob(started);
      const ended = await followJob(started.id, setJob, controller.signal);
      if (controller.signal.aborted) return;
      if (ended.status === 'failed') setError(ended.error ?? t('web.import.failed'));
      setPhase(dryRun ? 'checked' : 'finished');
    } catch (failure) {
      setError(describeError(failure));
      setPhase('idle');
    }
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    void start(true);
  };

  const busy = phase === 'checking' || phase === 'running';
  const report = job?.report;
  const canRun = phase === 'checked' && report && report.fatal.length === 0 && (report.problems.length === 0 || options.skipInvalid);
  const isSpreadsheet = file?.name.toLowerCase().endsWith('.xlsx');

  return (
    <section className="page import-page" aria-labelledby="import-title">
      <h1 id="import-title">{t('web.import.title')}</h1>
      <p className="muted">{t('web.import.lead')}</p>
      <form className="card stack" onSubmit={check} noValidate>
        <div className="form-grid">
          <SelectField label={t('web.import.target')} value={options.target} onChange={(e) => set('target', e.target.value as ImportTarget)}
            choices={IMPORT_TARGETS.map((t) => ({ value: t, label: words(t.replace('-', '_')) }))} />
          <TextField label={t('web.import.file')} type="file" accept=".csv,.txt,.tsv,.xlsx" error={fileError}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFileError(null); setPhase('idle'); setJob(null); }} />
        </div>
        <details>
          <summary>{t('web.import.readingOptions')}</summary>
          <div className="form-grid">
            <SelectField label={t('web.import.delimiter')} value={options.delimiter} onChange={(e) => set('delimiter', e.target.value)} blank={t('web.import.detect')} choices={delimiters()} />
            <SelectField label={t('web.import.encoding')} value={options.encoding} onChange={(e) => set('encoding', e.target.value)} blank="UTF-8"
              choices={[{ value: 'latin1', label: t('web.import.latin1') }]} />
            <SelectField label={t('web.import.dates')} value={options.dateFormat} onChange={(e) => set('dateFormat', e.target.value)} blank={t('web.import.detect')} choices={dateFormats()} />
            {isSpreadsheet && <TextField label={t('web.import.sheet')} value={options.sheet} onChange={(e) => set('sheet', e.target.value)} hint={t('web.import.sheetHint')} />}
          </div>
          <label className="check"><input type="checkbox" checked={options.decimalComma} onChange={(e) => set('decimalComma', e.target.checked)} /> {t('web.importReport.decimalComma')}</label>
        </details>
        {(options.target === 'orders' || options.target === 'order-lines') && (
          <>
            <div className="form-grid">
              <SelectField label={t('web.import.guests')} value={options.guests} onChange={(e) => set('guests', e.target.value as ImportOptions['guests'])}
                choices={[{ value: 'walk-in', label: t('web.import.walkIn') }, { value: 'leave-out', label: t('web.import.leaveOut') }]} />
            </div>
            <label className="check">
              <input type="checkbox" checked={options.existingAccountsOnly} onChange={(e) => set('existingAccountsOnly', e.target.checked)} />
              {t('web.importReport.existingOnly')}
            </label>
          </>
        )}
        <label className="check">
          <input type="checkbox" checked={options.skipInvalid} onChange={(e) => set('skipInvalid', e.target.checked)} />
          {t('web.importReport.skipInvalid')}
        </label>
        <div className="form-actions">
          <button type="submit" disabled={busy}>{t('web.import.check')}</button>
          <button type="button" className="primary" disabled={busy || !canRun} onClick={() => void start(false)}>{t('web.import.import')}</button>
          {phase === 'idle' && file && <span className="muted">{t('web.import.checkFirst')}</span>}
          {phase === 'checked' && !canRun && report && report.fatal.length === 0 && (
            <span className="muted">{t('web.import.fixOrSkip')}</span>
          )}
        </div>
      </form>

      {busy && job && (
        <div className="card" aria-live="polite">
          <label htmlFor="import-progress">{t(phase === 'checking' ? 'web.import.checking' : 'web.import.importing', { file: job.fileName, percent: job.progress.percent })}</label>
          <progress id="import-progress" className="progress" max={100} value={job.progress.percent} />
          <p className="muted">{t('web.importReport.rowsRead', { count: job.progress.rowsRead, formatted: formatNumber(job.progress.rowsRead) })}</p>
        </div>
      )}
      {error && <p className="error-banner" role="alert">{error}</p>}
      {job && report && !busy && (
        <div className="stack import-result">
          <Outcome job={job} />
          <MappingTable mapping={report.mapping} />
          {report.summary && <OrderSummary summary={report.summary} dryRun={report.status === 'dry_run'} />}
          <ProblemsTable report={report} />
          {phase === 'checked' && <PreviewTable report={report} />}
        </div>
      )}
    </section>
  );
}
