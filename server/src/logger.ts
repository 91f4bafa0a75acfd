import pino, { type Logger } from 'pino';

/** Paths pino blanks out wherever they appear: credentials must never reach a log line. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'passwordHash',
  '*.passwordHash',
  'adminPassword',
  '*.adminPassword',
  'mongodbUri',
  '*.mongodbUri',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { service: 'covenant' } }, destination);
}

export type { Logger };
