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
  /** API requests per minute per address and per signed-in user; 0 turns a limit off. */
  rateLimits: { perAddress: number; perUser: number };
  /** Other origins whose pages may send changes with the session cookie (e.g. a dev server). */
  trustedOrigins: string[];
}

/** Generous: a person in the web app stays far below; a busy script may need more (set the variables). */
export const DEFAULT_RATE_LIMITS = { perAddress: 3000, perUser: 1200 };

function perMinute(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of requests per minute (0 for no limit), not "${raw}".`);
  return value;
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
    rateLimits: {
      perAddress: perMinute(env, 'CLIENTELE_RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress),
      perUser: perMinute(env, 'CLIENTELE_RATE_LIMIT_PER_USER', DEFAULT_RATE_LIMITS.perUser),
    },
    trustedOrigins: (env.CLIENTELE_TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
  };
}
