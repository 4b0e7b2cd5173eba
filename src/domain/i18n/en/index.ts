import { cli } from './cli.js';
import { figures } from './figures.js';
import { labels } from './labels.js';
import { timeline } from './timeline.js';
import { web } from './web.js';

export const en = { labels, timeline, cli, web, figures } as const;
