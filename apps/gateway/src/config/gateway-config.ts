import path from 'node:path';
import { snapshotEveryFromEnv } from '@wake/history';

/** The gateway's settings, from the environment. */
export interface GatewayConfig {
  /** Data folder: CA, serving certificate, token, kubeconfig. */
  readonly home: string;
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Plain HTTP only when explicitly asked for (WAKE_GATEWAY_INSECURE_HTTP=1). */
  readonly insecureHttp: boolean;
  readonly natsUrl: string;
  readonly databaseUrl: string;
  readonly maxBodyBytes: number;
  /** How long a LIST waits for the projection to catch up (read-your-writes). */
  readonly listWaitMs: number;
  /** Interval of watch bookmarks when the client allows them. */
  readonly bookmarkIntervalMs: number;
  /** The history index writes a snapshot every this many events when the gateway catches it up (undefined: the indexer's default). */
  readonly historySnapshotEvery?: number;
  /** pino level; 'silent' in tests. */
  readonly logLevel: string;
  /** Where to write the kubeconfig (default <home>/kubeconfig). */
  readonly kubeconfigPath: string;
  /** More bearer tokens, in kube-apiserver's --token-auth-file format (users, and nodes as system:node:<name> in system:nodes). */
  readonly tokenFile?: string;
}

export const GATEWAY_CONFIG = Symbol('GatewayConfig');

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  const home = overrides.home ?? path.resolve(env.WAKE_HOME ?? '.wake');
  return {
    home,
    host: '127.0.0.1',
    port: env.WAKE_GATEWAY_PORT !== undefined ? Number(env.WAKE_GATEWAY_PORT) : 6443,
    insecureHttp: env.WAKE_GATEWAY_INSECURE_HTTP === '1' || env.WAKE_GATEWAY_INSECURE_HTTP === 'true',
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:14222',
    databaseUrl: env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:15432/wake',
    maxBodyBytes: Number(env.WAKE_GATEWAY_MAX_BODY_BYTES ?? 3 * 1024 * 1024),
    listWaitMs: Number(env.WAKE_GATEWAY_LIST_WAIT_MS ?? 5000),
    bookmarkIntervalMs: Number(env.WAKE_GATEWAY_BOOKMARK_MS ?? 60_000),
    historySnapshotEvery: snapshotEveryFromEnv(env),
    logLevel: env.WAKE_LOG_LEVEL ?? 'info',
    kubeconfigPath: env.WAKE_KUBECONFIG ?? path.join(home, 'kubeconfig'),
    tokenFile: env.WAKE_GATEWAY_TOKEN_FILE || undefined,
    ...overrides,
  };
}
