// The shape every language's messages take: the English catalog's keys, each a string.
// Languages may add plural forms English does not need (French and Spanish "_many");
// catalogs.test.ts checks that no key is missing in any shipped language.
import type { en } from './en/index.js';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> } & { [pluralForm: string]: unknown };
export type Catalog = Strings<typeof en>;
