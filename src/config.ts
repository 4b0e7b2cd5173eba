// Everything Clientele reads from the environment, read once and checked at start-up.
import { resolve } from 'node:path';

export interface Config {
  databaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  adminEmail?: string;
  adminPassword?: string;
  logLevel: string;
  /** Cookies need `Secure` behind HTTPS; off by default so http://127.0.0.1 works. */
  secureCookies: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a number from 0 to 65535, not "${env.PORT}".`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.CLIENTELE_DATA_DIR ?? './data'),
    host: env.HOST ?? '127.0.0.1',
    port,
    adminEmail: env.CLIENTELE_ADMIN_EMAIL || undefined,
    adminPassword: env.CLIENTELE_ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: env.CLIENTELE_SECURE_COOKIES === 'true',
  };
}
