import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ name: 'wake-gateway', level, base: { component: 'gateway' } });
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly verb: string;
  readonly resource: string;
  readonly user: string;
  readonly status: number;
  readonly latencyMs: number;
  readonly userAgent?: string;
}

/** One structured line per request. */
export function logRequest(logger: Logger, r: RequestRecord): void {
  const level = r.status >= 500 ? 'error' : 'info';
  logger[level]({ req: r }, `${r.method} ${r.path} ${r.status} ${r.latencyMs.toFixed(1)}ms`);
}
