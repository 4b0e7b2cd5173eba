// Every shipped language's messages, in one place for the web app and the CLI alike.
import type { Catalog } from './catalog.js';
import { en } from './en/index.js';
import { es } from './es/index.js';
import { fr } from './fr/index.js';
import type { Language } from './languages.js';

export const CATALOGS: Record<Language, Catalog> = { en, fr, es };
