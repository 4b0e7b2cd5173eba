// A timeline entry in words, from its facts: "Status: Prospect → Customer", never the stored values.
import type { TimelineKind } from '../customer-file.js';
import type { TimelineFacts } from '../schemas/timeline.js';
import type { Translate } from './translator.js';

export interface TimelineWords {
  title: string;
  /** The order's amount and items; for the others, what was written with them. */
  detail: string | null;
}

/** `money` shows an order's total as the reader reads amounts ("1 234,50 €"). */
export function timelineWords(entry: { kind: TimelineKind; facts: TimelineFacts; detail: string | null }, t: Translate, money: (total: string) => string): TimelineWords {
  const f = entry.facts;
  switch (entry.kind) {
    case 'interaction':
      return { title: t('timeline.interaction', { type: t(`labels.interactionType.${f.interactionType}`), subject: f.subject }), detail: entry.detail };
    case 'order':
      return {
        title: t('timeline.order', { number: f.orderNumber, status: t(`labels.orderStatus.${f.orderStatus}`) }),
        detail: t('timeline.orderDetail', { total: money(f.total ?? '0.00'), count: f.itemCount }),
      };
    case 'task':
      return { title: t(f.done ? 'timeline.taskDone' : 'timeline.task', { title: f.taskTitle }), detail: entry.detail };
    case 'status_change':
      return {
        title: f.fromStatus
          ? t('timeline.statusChange', { from: t(`labels.accountStatus.${f.fromStatus}`), to: t(`labels.accountStatus.${f.toStatus}`) })
          : t('timeline.statusSet', { to: t(`labels.accountStatus.${f.toStatus}`) }),
        detail: null,
      };
  }
}
