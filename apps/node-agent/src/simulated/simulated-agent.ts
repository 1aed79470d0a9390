import type { EventLog } from '@wake/events';
import { Informer } from '@wake/runtime';
import { ObjectStore } from '@wake/store';
import type { SimulatedNodesConfig } from './config';
import { Limiter } from './limiter';
import { PodReporter } from './pod-reporter';
import { RoundRobinBinder } from './round-robin-binder';
import { SimulatedNodes } from './simulated-nodes';

/**
 * SIMULATED node mode: N Node objects (labelled `wake.dev/simulated: "true"`) with Leases,
 * whose pods are reported Running/Ready without Docker. For scale benchmarks and tests; it
 * runs next to real node agents and never replaces them.
 */
export class SimulatedNodeAgent {
  readonly nodes: SimulatedNodes;
  readonly reporter: PodReporter;
  readonly binder?: RoundRobinBinder;
  private readonly pods: Informer;

  constructor(log: EventLog, readonly config: SimulatedNodesConfig, opts: { onError?: (msg: string) => void } = {}) {
    const store = new ObjectStore(log);
    const limiter = new Limiter(config.writers);
    this.nodes = new SimulatedNodes(store, config);
    this.pods = new Informer(log, { kind: 'Pod' });
    this.reporter = new PodReporter(store, this.nodes, this.pods, limiter, { startDelayMs: config.startDelayMs, onError: opts.onError });
    if (config.bind) {
      this.binder = new RoundRobinBinder(store, this.nodes, (ns, name) => this.pods.get(ns, name), limiter, { requireToleration: config.taint, onError: opts.onError });
    }
    this.pods.on((e) => {
      if (e.type === 'DELETED') return;
      this.reporter.handle(e.object);
      this.binder?.handle(e.object);
    });
  }

  async start(): Promise<void> {
    await this.nodes.register();
    await this.pods.start();
  }

  /** The node stops renewing its lease and reporting, as if it died. */
  pause(node: string): void {
    this.nodes.pause(node);
  }

  async resume(node: string): Promise<void> {
    await this.nodes.resume(node);
    this.reporter.rescan(node);
  }

  async stop(): Promise<void> {
    this.nodes.stop();
    await this.pods.stop();
    await this.reporter.settled();
  }
}
