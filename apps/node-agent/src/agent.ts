import { mkdirSync } from 'node:fs';
import type { NatsConnection } from 'nats';
import type { EventLog } from '@wake/events';
import { ObjectStore } from '@wake/store';
import type { AgentConfig } from './config/agent-config';
import { DockerRuntime } from './runtime/docker-runtime';
import { readHostFacts } from './node/host-facts';
import { Heartbeat } from './node/heartbeat';
import { PodSync } from './pods/pod-sync';
import { LogsResponder } from './node-api/logs-responder';
import { ExecResponder } from './node-api/exec-responder';
import { PortForwardResponder } from './node-api/port-forward-responder';
import { ServiceNetwork } from './services/service-network';
import { ensurePodNetwork } from './network/pod-network';
import { ensurePodToPodRules } from './network/pod-to-pod';
import { WAKE_BRIDGE_PREFIX } from './network/pod-to-pod-rules';
import { podReachableDns } from './network/pod-dns';
import { rangesFromEnv } from '@wake/services';
import { MetricsCollector } from './metrics/metrics-collector';
import { MetricsResponder } from './metrics/metrics-responder';

/**
 * The node agent, composed: registration and heartbeat, pod sync, the Service proxy and cluster DNS,
 * and the logs/exec/port-forward responders.
 * Every write goes through the ObjectStore as actor {type:'node'}, so NodeRestriction applies.
 */
export class NodeAgent {
  readonly runtime: DockerRuntime;
  readonly store: ObjectStore;
  private heartbeat?: Heartbeat;
  private sync?: PodSync;
  private logs?: LogsResponder;
  private exec?: ExecResponder;
  private portForward?: PortForwardResponder;
  readonly services: ServiceNetwork;
  private metrics?: MetricsCollector;
  private metricsResponder?: MetricsResponder;
  private readonly serviceCidr = rangesFromEnv().serviceIPs.text;

  constructor(private readonly config: AgentConfig, private readonly nc: NatsConnection, log: EventLog, private readonly say: (m: string) => void = () => undefined) {
    mkdirSync(config.dataDir, { recursive: true });
    this.store = new ObjectStore(log);
    this.runtime = new DockerRuntime({
      nodeName: config.nodeName, nodeAddress: config.nodeAddress, dataDir: config.dataDir,
      network: config.dockerNetwork, extraLabels: config.containerLabels,
    });
    this.sync = new PodSync(log, this.store, this.runtime, { workers: config.workers, resyncSeconds: config.resyncSeconds, log: say });
    this.services = new ServiceNetwork(log, { nodeAddress: config.nodeAddress, dnsPort: config.dnsPort, serviceCidr: this.serviceCidr, log: say });
  }

  async start(): Promise<void> {
    const c = this.config;
    const facts = await readHostFacts(this.runtime.docker);
    this.heartbeat = new Heartbeat(this.store, facts, { ...c, log: this.say });
    await this.heartbeat.start();
    const byName = (ns: string, name: string) => this.sync!.podByName(ns, name);
    this.logs = new LogsResponder(this.nc, this.runtime, byName, this.say);
    this.exec = new ExecResponder(this.nc, this.runtime, byName, this.say);
    this.portForward = new PortForwardResponder(this.nc, c.nodeName, byName, this.say);
    // The pod network and the Service data plane come first: every sandbox joins the network and
    // every container's resolv.conf names the cluster DNS.
    const net = await ensurePodNetwork(this.runtime.docker, {
      nodeName: c.nodeName, network: c.dockerNetwork, serviceCidr: this.serviceCidr, nodeAddress: c.nodeAddress,
      labels: c.containerLabels, log: this.say,
    });
    // Pods on the other node agents of this host (other Wake bridges) reach these pods by pod IP, unNATed.
    // (The rules match Wake bridges only: a WAKE_DOCKER_NETWORK of other origin is left as Docker made it.)
    if (net.bridge.startsWith(WAKE_BRIDGE_PREFIX)) await ensurePodToPodRules({ log: this.say });
    await this.services.start();
    const dns = podReachableDns(c.nodeAddress, this.services.dns.addresses(), net.loopbackRoutes);
    if (!dns) this.say(`pods keep Docker's resolv.conf: the cluster DNS is not on port 53 of an address pods reach (${JSON.stringify(this.services.dns.addresses())})`);
    this.runtime.useNetwork({ network: net.name, podRoutes: { gateway: net.gateway, routes: net.loopbackRoutes }, clusterDns: dns ? { nameserver: dns } : undefined });
    this.say(`pod network ${net.name} ${net.subnet} (gateway ${net.gateway}); pods route ${net.loopbackRoutes.join(', ') || 'nothing'} to the node`);
    await this.sync!.start();
    this.logs.start();
    this.exec.start();
    this.portForward.start();
    this.metrics = new MetricsCollector(this.runtime.docker, { nodeName: c.nodeName, intervalSeconds: c.metricsSeconds, log: this.say });
    this.metrics.start();
    this.metricsResponder = new MetricsResponder(this.nc, c.nodeName, this.metrics);
    this.metricsResponder.start();
    await this.nc.flush();
    this.say(`node ${c.nodeName} (${c.nodeAddress}) registered; ${facts.containerRuntimeVersion}; data in ${c.dataDir}`);
  }

  /** Stops the agent; the pods' containers keep running (a restarted agent adopts them). */
  async stop(): Promise<void> {
    this.heartbeat?.stop();
    this.metricsResponder?.stop();
    this.metrics?.stop();
    await this.logs?.stop();
    await this.exec?.stop();
    await this.portForward?.stop();
    await this.sync?.stop();
    await this.services.stop();
  }
}
