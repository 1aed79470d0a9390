/** Settings of the SIMULATED node mode (benchmarks and tests only; no containers run). */
export interface SimulatedNodesConfig {
  /** How many Node objects to register (WAKE_SIMULATED_NODES, 10). */
  readonly nodes: number;
  /** Node names are `<prefix><index>` (WAKE_SIMULATED_NODE_PREFIX, `sim-node-`). */
  readonly prefix: string;
  /** Lease renewal interval (WAKE_SIMULATED_RENEW_MS, 10000, as the kubelet's). */
  readonly renewIntervalMs: number;
  /** leaseDurationSeconds written on the Lease (WAKE_SIMULATED_LEASE_SECONDS, 40). */
  readonly leaseDurationSeconds: number;
  /** Simulated container start time before a pod is reported Running (WAKE_SIMULATED_START_MS, 0). */
  readonly startDelayMs: number;
  /** Taint the nodes `wake.dev/simulated=true:NoSchedule` so only workloads that tolerate it land there (WAKE_SIMULATED_TAINT, true). */
  readonly taint: boolean;
  /**
   * TEST/BENCHMARK STAND-IN FOR THE SCHEDULER: bind unscheduled pods that tolerate the
   * simulated taint to the simulated nodes, round-robin (WAKE_SIMULATED_BIND=1, off by default).
   */
  readonly bind: boolean;
  /** Concurrent status writes (WAKE_SIMULATED_WRITERS, 32). */
  readonly writers: number;
}

export const SIMULATED_LABEL = 'wake.dev/simulated';

export function simulatedConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SimulatedNodesConfig {
  const num = (name: string, d: number) => (env[name] ? Number(env[name]) : d);
  const flag = (name: string, d: boolean) => (env[name] === undefined || env[name] === '' ? d : /^(1|true|yes)$/i.test(env[name]!));
  return {
    nodes: num('WAKE_SIMULATED_NODES', 10),
    prefix: env.WAKE_SIMULATED_NODE_PREFIX || 'sim-node-',
    renewIntervalMs: num('WAKE_SIMULATED_RENEW_MS', 10_000),
    leaseDurationSeconds: num('WAKE_SIMULATED_LEASE_SECONDS', 40),
    startDelayMs: num('WAKE_SIMULATED_START_MS', 0),
    taint: flag('WAKE_SIMULATED_TAINT', true),
    bind: flag('WAKE_SIMULATED_BIND', false),
    writers: num('WAKE_SIMULATED_WRITERS', 32),
  };
}
