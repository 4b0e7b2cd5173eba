// `npm run build`: builds the web app into web/dist, whatever its state.
import { buildWeb, WEB_DIST } from './web-build.js';

const started = Date.now();
await buildWeb();
process.stdout.write(`Web app built into ${WEB_DIST} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
