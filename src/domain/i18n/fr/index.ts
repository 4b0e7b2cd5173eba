import { cli } from './cli.js';
import { figures } from './figures.js';
import { labels } from './labels.js';
import { timeline } from './timeline.js';
import { web } from './web.js';
import type { Catalog } from '../catalog.js';

export const fr: Catalog = { labels, timeline, cli, web, figures };
