// The account list as a virtualised table: only the rows in view exist in the page, and the
// next cursor page loads as the scroll nears the end, so the whole portfolio scrolls smoothly.
import { t } from '../../shared/i18n/i18n';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Account } from '../../shared/api/types';
import { describeError } from '../../shared/api/api-error';
import { Link } from '../../shared/router/link';
import { cardFigure, cellClass, type Column } from './account-columns';
import { StatusBadge } from './status-badge';
import type { AccountPages } from './use-account-pages';
import { trackOf, useFittedWidths } from './use-fitted-widths';

interface Props {
  pages: AccountPages;
  columns: Column[];
  nameOf(id: number | null): string;
  selected: ReadonlySet<number>;
  onToggle(id: number): void;
  onToggleAll(): void;
  sort: string;
  onSort(column: string): void;
  /** Phone layout: each row is a two-line card, no columns. */
  compact: boolean;
}

const ROW = 40;
const CARD = 68;
/** Ask for the next page this many rows before the end. */
const AHEAD = 40;

function ariaSort(sort: string, column: Column): 'ascending' | 'descending' | undefined {
  if (!column.sort) return undefined;
  if (sort === column.sort) return 'ascending';
  if (sort === `-${column.sort}`) return 'descending';
  return undefined;
}

export function AccountsTable({ pages, columns, nameOf, selected, onToggle, onToggleAll, sort, onSort, compact }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const { items, hasMore, error } = pages;
  const tail = hasMore || error ? 1 : 0;
  const rowHeight = compact ? CARD : ROW;
  const virtualizer = useVirtualizer({
    count: items.length + tail,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - AHEAD) pages.loadMore();
  }, [lastIndex, items.length, hasMore, pages]);

  const fitted = useFittedWidths(scroller, compact ? [] : columns);
  const template = compact ? '2.75rem 1fr' : `2.75rem ${columns.map((c) => trackOf(c, fitted)).join(' ')}`;
  const figure = compact ? cardFigure(columns) : undefined;
  const allSelected = items.length > 0 && items.every((a) => selected.has(a.id));

  const renderRow = (account: Account) => (compact ? (
    <div role="cell" className="card-cell">
      <span className="card-top">
        <Link to={`/accounts/${account.id}`} className="card-name">{account.name}</Link>
        {figure && (
          <span className={`card-figure card-${figure.key}`}><span className="visually-hidden">{t('web.accounts.cardFigure', { label: t(figure.label) })}</span>{figure.render(account, nameOf)}</span>
        )}
      </span>
      <span className="card-line">
        <StatusBadge status={account.status} />
        <span>{[nameOf(account.ownerId), account.city].filter(Boolean).join(' · ')}</span>
      </span>
    </div>
  ) : columns.map((column) => <div role="cell" key={column.key} className={cellClass(column)}>{column.render(account, nameOf)}</div>));

  return (
    <div className="table-scroller" ref={scroller} tabIndex={-1}>
      <div role="table" aria-label={t('web.accounts.table')} aria-rowcount={hasMore ? -1 : items.length + 1} className={compact ? 'accounts-table compact' : 'accounts-table'}>
        <div role="rowgroup" className="table-head">
          <div role="row" aria-rowindex={1} className="table-row" style={{ gridTemplateColumns: template }}>
            <div role="columnheader" className="cell cell-select">
              <input type="checkbox" aria-label={t('web.accounts.selectAll')} checked={allSelected} onChange={onToggleAll} disabled={items.length === 0} />
            </div>
            {compact ? <div role="columnheader" className="cell">{t('web.accounts.account')}</div> : columns.map((column) => (
              <div role="columnheader" key={column.key} className={cellClass(column)} aria-sort={ariaSort(sort, column)}>
                {column.sort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(column.sort!)}>
                    {t(column.label)}
                    <span aria-hidden="true">{sort === column.sort ? ' ▲' : sort === `-${column.sort}` ? ' ▼' : ''}</span>
                  </button>
                ) : t(column.label)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const account = items[row.index];
            const style = { transform: `translateY(${row.start}px)`, height: rowHeight, gridTemplateColumns: template };
            if (!account) {
              return (
                <div role="row" key="tail" aria-rowindex={row.index + 2} className="table-row table-tail" style={{ ...style, gridTemplateColumns: '1fr' }}>
                  <div role="cell" className="cell">
                    {error ? (
                      <span role="alert">{describeError(error)} <button type="button" onClick={pages.retry}>{t('web.common.tryAgain')}</button></span>
                    ) : items.length === 0 ? t('web.accounts.loading') : t('web.accounts.loadingMore')}
                  </div>
                </div>
              );
            }
            const isSelected = selected.has(account.id);
            return (
              <div role="row" key={account.id} aria-rowindex={row.index + 2} aria-selected={isSelected} data-account-id={account.id}
                className={isSelected ? 'table-row selected' : 'table-row'} style={style}>
                <div role="cell" className="cell cell-select">
                  <input type="checkbox" aria-label={t('web.accounts.select', { name: account.name })} checked={isSelected} onChange={() => onToggle(account.id)} />
                </div>
                {renderRow(account)}
              </div>
            );
          })}
        </div>
      </div>
      {!pages.loading && !error && items.length === 0 && <p className="empty">{t('web.accounts.empty')}</p>}
    </div>
  );
}
