import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { IsInt, IsIP, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';

/** The node agent's configuration: flags over WAKE_* environment variables over defaults. */
export class AgentConfig {
  /** The Node's name (a DNS subdomain). */
  @Matches(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, { message: 'nodeName must be a DNS subdomain' })
  nodeName!: string;

  /** InternalIP; host ports are published here (127.0.0.2, 127.0.0.3… on one machine). */
  @IsIP()
  nodeAddress!: string;

  @IsString()
  dataDir!: string;

  @IsString()
  natsUrl!: string;

  @IsInt() @Min(1) @Max(3600)
  leaseRenewSeconds!: number;

  @IsInt() @Min(1) @Max(3600)
  leaseDurationSeconds!: number;

  /** Node status is written when it changes, and at least this often (kubelet's nodeStatusReportFrequency). */
  @IsInt() @Min(1) @Max(3600)
  statusReportSeconds!: number;

  /** Every pod is reconciled at least this often, even without an event. */
  @IsInt() @Min(1) @Max(3600)
  resyncSeconds!: number;

  @IsInt() @Min(1) @Max(64)
  workers!: number;

  /** Seconds between resource metrics samples (`kubectl top`; metrics-server's resolution). */
  @IsInt() @Min(1) @Max(3600)
  metricsSeconds!: number;

  @IsOptional() @Matches(/^\d+(\.\d+)?m?$/, { message: 'cpu must be a CPU quantity such as 2 or 1500m' })
  cpu?: string;

  @IsOptional() @Matches(/^\d+(\.\d+)?([KMGTPE]i?|[kmu]|e\d+)?$/, { message: 'memory must be a memory quantity such as 4Gi' })
  memory?: string;

  @IsInt() @Min(1) @Max(10000)
  maxPods!: number;

  labels!: Record<string, string>;

  /** Extra labels on every container this agent runs (tests use one to clean up). */
  containerLabels!: Record<string, string>;

  @IsOptional() @IsString()
  dockerNetwork?: string;

  /** The cluster DNS port on the node address (0: a free one). */
  @IsInt() @Min(0) @Max(65535)
  dnsPort!: number;
}

const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));

/** `a=b,c=d` → { a: 'b', c: 'd' }. */
export function parseLabels(s: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (s ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) throw new Error(`invalid label "${part}" (want key=value)`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

/** Reads flags (argv without node and script) and the environment; throws on invalid values. */
export function loadConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const cmd = new Command('wake-node-agent')
    .exitOverride()
    .option('--node-name <name>', 'Node name (WAKE_NODE_NAME; default: hostname)')
    .option('--node-address <ip>', 'node address (WAKE_NODE_ADDRESS; default 127.0.0.1)')
    .option('--data-dir <dir>', 'pod volumes and state (WAKE_DATA_DIR)')
    .option('--nats-url <url>', 'NATS server (NATS_URL)')
    .option('--lease-renew-seconds <n>', 'Lease renewal interval (WAKE_LEASE_RENEW_SECONDS, default 10)')
    .option('--status-report-seconds <n>', 'Node status report interval (WAKE_NODE_STATUS_SECONDS, default 40)')
    .option('--resync-seconds <n>', 'pod resync interval (WAKE_RESYNC_SECONDS, default 10)')
    .option('--workers <n>', 'concurrent pod workers (WAKE_WORKERS, default 8)')
    .option('--metrics-seconds <n>', 'resource metrics sampling interval (WAKE_METRICS_SECONDS, default 15)')
    .option('--cpu <q>', 'CPU capacity override (WAKE_NODE_CPU)')
    .option('--memory <q>', 'memory capacity override (WAKE_NODE_MEMORY)')
    .option('--max-pods <n>', 'pods capacity (WAKE_NODE_MAX_PODS, default 110)')
    .option('--labels <k=v,…>', 'extra Node labels (WAKE_NODE_LABELS)')
    .option('--container-labels <k=v,…>', 'extra labels on every container (WAKE_CONTAINER_LABELS)')
    .option('--docker-network <name>', 'network of pod sandboxes (WAKE_DOCKER_NETWORK, default bridge)')
    .option('--dns-port <n>', 'cluster DNS port on the node address (WAKE_DNS_PORT, default 53)');
  cmd.parse([...argv], { from: 'user' });
  const o = cmd.opts<Record<string, string | undefined>>();
  const nodeName = o.nodeName ?? env.WAKE_NODE_NAME ?? os.hostname().toLowerCase();
  const raw = {
    nodeName,
    nodeAddress: o.nodeAddress ?? env.WAKE_NODE_ADDRESS ?? '127.0.0.1',
    dataDir: path.resolve(o.dataDir ?? env.WAKE_DATA_DIR ?? path.join(os.tmpdir(), 'wake-node-agent', nodeName)),
    natsUrl: o.natsUrl ?? env.NATS_URL ?? 'nats://127.0.0.1:14222',
    leaseRenewSeconds: num(o.leaseRenewSeconds ?? env.WAKE_LEASE_RENEW_SECONDS) ?? 10,
    leaseDurationSeconds: num(env.WAKE_LEASE_DURATION_SECONDS) ?? 40,
    statusReportSeconds: num(o.statusReportSeconds ?? env.WAKE_NODE_STATUS_SECONDS) ?? 40,
    resyncSeconds: num(o.resyncSeconds ?? env.WAKE_RESYNC_SECONDS) ?? 10,
    workers: num(o.workers ?? env.WAKE_WORKERS) ?? 8,
    metricsSeconds: num(o.metricsSeconds ?? env.WAKE_METRICS_SECONDS) ?? 15,
    cpu: o.cpu ?? env.WAKE_NODE_CPU,
    memory: o.memory ?? env.WAKE_NODE_MEMORY,
    maxPods: num(o.maxPods ?? env.WAKE_NODE_MAX_PODS) ?? 110,
    labels: parseLabels(o.labels ?? env.WAKE_NODE_LABELS),
    containerLabels: parseLabels(o.containerLabels ?? env.WAKE_CONTAINER_LABELS),
    dockerNetwork: o.dockerNetwork ?? env.WAKE_DOCKER_NETWORK,
    dnsPort: num(o.dnsPort ?? env.WAKE_DNS_PORT) ?? 53,
  };
  const config = plainToInstance(AgentConfig, raw);
  const errors = validateSync(config);
  if (errors.length) {
    throw new Error(`invalid node agent configuration: ${errors.flatMap((e) => Object.values(e.constraints ?? {})).join('; ')}`);
  }
  return config;
}
