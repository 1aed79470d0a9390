import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../../..');
export const WAKE_HOME = process.env.WAKE_HOME ?? path.join(ROOT, '.wake');

/** One process of the local cluster. */
export interface Component {
  readonly name: string;
  readonly main: string; // path from the repo root
  readonly env: Record<string, string>;
}

export interface ClusterShape {
  readonly nodes: number;
  readonly gatewayPort: number;
}

/** Node agents get consecutive loopback addresses: node-a 127.0.0.2, node-b 127.0.0.3, … */
export function nodeName(i: number): string {
  return `node-${String.fromCharCode('a'.charCodeAt(0) + i)}`;
}

export function components(shape: ClusterShape): Component[] {
  const nodes: Component[] = Array.from({ length: shape.nodes }, (_, i) => ({
    name: nodeName(i),
    main: 'apps/node-agent/src/main.ts',
    env: {
      WAKE_NODE_NAME: nodeName(i),
      WAKE_NODE_ADDRESS: `127.0.0.${i + 2}`,
      WAKE_DATA_DIR: path.join(WAKE_HOME, 'nodes', nodeName(i)),
      // Cluster DNS on the node address (127.0.0.2:53 …); port 53 needs root or CAP_NET_BIND_SERVICE.
      WAKE_DNS_PORT: process.env.WAKE_DNS_PORT ?? '53',
    },
  }));
  return [
    { name: 'projector', main: 'apps/projector/src/main.ts', env: {} },
    // Keeps the history index and snapshots at the log's end (wake state/why and the gateway's history endpoints).
    { name: 'history-indexer', main: 'apps/history-indexer/src/main.ts', env: {} },
    { name: 'gateway', main: 'apps/gateway/src/main.ts', env: { WAKE_GATEWAY_PORT: String(shape.gatewayPort) } },
    { name: 'scheduler', main: 'apps/scheduler/src/main.ts', env: {} },
    { name: 'controllers', main: 'apps/controllers/src/main.ts', env: {} },
    ...nodes,
  ];
}
