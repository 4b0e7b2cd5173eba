// How figures read in the cross-sell and up-sell reasons.
import { percent } from '../portfolio/wording.js';

/** Whole percents, but one decimal below 1 % so a rare product does not read "0 %". */
export const share = (value: number) => percent(value, value > 0 && value < 0.01 ? 1 : 0);

export type ProductNames = ReadonlyMap<number, string>;

export const productName = (names: ProductNames | undefined, id: number) => names?.get(id) ?? `product ${id}`;
