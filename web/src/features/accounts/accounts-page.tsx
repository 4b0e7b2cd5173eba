// The account list: search, filters, sort, columns, saved views, bulk actions and export over
// a virtualised table of the whole portfolio.
import { t } from '../../shared/i18n/i18n';
import { useCallback, useMemo, useState } from 'react';
import { navigate, useLocation } from '../../shared/router/navigation';
import { useUser } from '../../shared/session/session';
import { CommittedInput } from '../../shared/ui/committed-input';
import { PHONE, useMediaQuery } from '../../shared/ui/use-media-query';
import { useUsers } from '../../shared/users/use-users';
import { useAnalysisRun } from '../../shared/analysis/use-analysis-run';
import { columnsFor, DEFAULT_COLUMNS, visibleColumns } from './account-columns';
import {
  activeFilterCount, ANALYSIS_SORTS, filterFieldsFor, listQuery, nextSort, normalizeTags, readListState, SORTS, writeListState, type ListState,
} from './account-filters';
import { accountsApi } from './accounts-api';
import { AccountsTable } from './accounts-table';
import { BulkActions } from './bulk-actions';
import { ColumnChooser } from './column-chooser';
import { FilterPanel } from './filter-panel';
import { deleteView, readColumns, readViews, saveView, writeColumns, type SavedView } from './saved-views';
import { SavedViewsMenu } from './saved-views-menu';
import { useAccountPages } from './use-account-pages';
import { useAccountTotal } from './use-account-total';
import { formatNumber } from '../../shared/ui/words';
import { useKnownValues } from './use-known-values';


/** The list's size in words: the total the query selects, or the rows loaded while it is counted. */
function accountsCount(loading: boolean, loaded: number, more: boolean, total: number | null): string {
  if (loading) return t('web.common.loading');
  const count = total ?? (more ? null : loaded);
  if (count === null) return t('web.accounts.counting');
  return t('web.accounts.total', { count, formatted: formatNumber(count) });
}

export function AccountsPage() {
  const user = useUser();
  const { search } = useLocation();
  const state = useMemo(() => readListState(search), [search]);
  const query = useMemo(() => listQuery(state), [state]);
  // The rows are asked for first: on the embedded store the server answers one request at a time.
  const pages = useAccountPages(query);
  const total = useAccountTotal(query, !pages.loading || pages.items.length > 0);
  const users = useUsers();
  const compact = useMediaQuery(PHONE);
  const analysed = !!useAnalysisRun().run;

  const [columns, setColumns] = useState(() => readColumns(localStorage, user.id, DEFAULT_COLUMNS));
  const [views, setViews] = useState(() => readViews(localStorage, user.id));
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [filtersOpen, setFiltersOpen] = useState(() => !window.matchMedia(PHONE).matches);
  // The segments, sectors and countries in use, for the filters' choices: asked once the filters
  // show and the first rows are in (the embedded store answers one request at a time).
  const known = useKnownValues(filtersOpen && (!pages.loading || pages.items.length > 0));

  const update = useCallback((next: ListState) => {
    setSelected(new Set());
    navigate(`/accounts${writeListState(next)}`, { replace: true });
  }, []);
  const setFilter = (key: string, value: string) => {
    const filters = { ...state.filters, [key]: key === 'tags' ? normalizeTags(value) : value };
    if (!filters[key]) delete filters[key];
    update({ ...state, filters });
  };
  const chooseColumns = (next: string[]) => {
    setColumns(next);
    writeColumns(localStorage, user.id, next);
  };
  const openView = (view: SavedView) => {
    chooseColumns(view.columns);
    update(readListState(view.search));
  };
  const toggle = (id: number) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const toggleAll = () => setSelected((s) => (pages.items.every((a) => s.has(a.id)) ? new Set() : new Set(pages.items.map((a) => a.id))));
  const selectedAccounts = pages.items.filter((a) => selected.has(a.id));
  const count = activeFilterCount(state);

  return (
    <section className="page accounts-page" aria-labelledby="accounts-title">
      <div className="page-title">
        <h1 id="accounts-title">{t('web.accounts.title')}</h1>
        <span className="muted" aria-live="polite">
          {accountsCount(pages.loading && pages.items.length === 0, pages.items.length, pages.hasMore, total)}
        </span>
      </div>
      <div className="toolbar">
        <div className="field search-field">
          <label htmlFor="account-search">{t('web.accounts.search')}</label>
          <CommittedInput id="account-search" type="search" value={state.q} placeholder={t('web.accounts.searchPlaceholder')}
            onCommit={(q) => update({ ...state, q })} />
        </div>
        <div className="field">
          <label htmlFor="account-sort">{t('web.accounts.sort')}</label>
          <select id="account-sort" value={state.sort} onChange={(e) => update({ ...state, sort: e.target.value })}>
            {[...SORTS, ...(analysed ? ANALYSIS_SORTS : [])].map((s) => <option key={s} value={s}>{t(`web.sort.${s}`)}</option>)}
          </select>
        </div>
        <button type="button" aria-expanded={filtersOpen} aria-controls="account-filters" onClick={() => setFiltersOpen((o) => !o)}>
          {count > 0 ? t('web.accounts.filtersCount', { count }) : t('web.accounts.filters')}
        </button>
        <ColumnChooser columns={columnsFor(analysed)} chosen={columns} onChange={chooseColumns} />
        <SavedViewsMenu views={views}
          onOpen={openView}
          onSave={(name) => setViews(saveView(localStorage, user.id, { name, search: writeListState(state), columns }))}
          onDelete={(name) => setViews(deleteView(localStorage, user.id, name))} />
        <details className="menu">
          <summary>{t('web.accounts.export')}</summary>
          <div className="menu-body">
            <p className="muted">{t('web.accounts.exportHint')}</p>
            <a href={accountsApi.exportUrl(query, 'csv')} download>{t('web.accounts.downloadCsv')}</a>
            {' · '}
            <a href={accountsApi.exportUrl(query, 'xlsx')} download>{t('web.accounts.downloadXlsx')}</a>
          </div>
        </details>
      </div>
      <div id="account-filters" hidden={!filtersOpen}>
        <FilterPanel fields={filterFieldsFor(analysed)} values={state.filters} users={users.list} known={known} onChange={setFilter}
          onClear={() => update({ filters: {}, q: '', sort: state.sort })} />
      </div>
      {selectedAccounts.length > 0 && (
        <BulkActions selected={selectedAccounts} users={users.list} onChanged={pages.replace} onClear={() => setSelected(new Set())} />
      )}
      <AccountsTable pages={pages} columns={visibleColumns(columns, analysed, undefined, state.sort)} nameOf={users.nameOf} selected={selected}
        onToggle={toggle} onToggleAll={toggleAll} sort={state.sort} compact={compact}
        onSort={(column) => update({ ...state, sort: nextSort(state.sort, column) })} />
    </section>
  );
}
