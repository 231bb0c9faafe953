import { pino, type Logger } from 'pino';

/** The collector's JSON logger; level from MAIDIAN_LOG_LEVEL (default info; tests use silent). */
export function createLogger(): Logger {
  return pino({ name: 'maidian-collector', level: process.env.MAIDIAN_LOG_LEVEL ?? 'info' });
}
