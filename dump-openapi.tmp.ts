import { buildApp } from './src/api/app.js';
import { openPglite } from './src/store/connection.js';
import { createStore } from './src/store/store.js';
const connection = await openPglite();
const app = await buildApp({ store: createStore(connection), logger: false, rateLimits: false, webRoot: false });
const r = await app.inject({ method: 'GET', url: '/api/openapi.json' });
process.stdout.write(r.body);
await app.close(); await connection.close();
