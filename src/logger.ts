// The server's log: lines a person reads on a terminal (pino-pretty, in this process, so the
// start-up message and the log share one readable screen), JSON lines for a log collector
// everywhere else. Request logs are at debug level (api/app.ts): LOG_LEVEL=debug shows them.
import { type DestinationStream, type Logger, pino } from 'pino';
import { PinoPretty } from 'pino-pretty';

export function createLogger(level: string, out: NodeJS.WriteStream | (DestinationStream & { isTTY?: boolean }) = process.stdout): Logger {
  if (!out.isTTY) return pino({ level }, out);
  return pino({ level }, PinoPretty({ destination: out, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }));
}
