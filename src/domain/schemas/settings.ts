// The organisation's settings the API reads and changes: who sees which accounts, and the currency.
import { Type, type Static } from 'typebox';
import { REP_VISIBILITIES } from '../access.js';
import { Currency, Enum } from './common.js';

export const AccessSettingsSchema = Type.Object({
  repVisibility: Enum(REP_VISIBILITIES, 'all: reps see every account; own: reps see only the accounts they own'),
}, { additionalProperties: false, $id: 'AccessSettings' });
export type AccessSettings = Static<typeof AccessSettingsSchema>;

export const CurrencySettingsSchema = Type.Object({ currency: Currency }, { additionalProperties: false, $id: 'CurrencySettings' });
export type CurrencySettings = Static<typeof CurrencySettingsSchema>;
