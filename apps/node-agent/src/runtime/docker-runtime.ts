import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { LABEL } from './labels';
import { appCreateOptions, sandboxCreateOptions, type AppContainerInput, type NodeContext } from './container-config';
import { ensureImage, messageOf, type ImageResult, type PullPolicy } from './image';
import { fromInspect, byContainerName, type ObservedContainer } from './observed';
import { gracefulStop, type StopOptions, type StopResult } from './stop';
import { containerLogs, type LogOptions } from './logs';
import { attachTo, execCapture, execIn, type ExecCapture, type ExecOptions, type ExecSession } from './exec';
import { podDir } from './volumes';

export interface RuntimeOptions extends NodeContext {
  /** Folder for pod volumes (emptyDir, configMap, secret files). */
  readonly dataDir: string;
  readonly docker?: Docker;
}

export type StartResult =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: 'CreateContainerError' | 'RunContainerError'; readonly message: string; readonly id?: string };

const notFound = (e: unknown) => (e as { statusCode?: number }).statusCode === 404;

/**
 * The node agent's thin adapter over the Docker Engine API. It decides nothing: what to run
 * comes from the pure planners in `lifecycle/`, the container settings from `container-config`.
 * It only touches containers labelled with its own node name.
 */
export class DockerRuntime {
  readonly docker: Docker;
  /** Sandbox removals, one at a time (see removeSandbox). */
  private sandboxRemovals: Promise<unknown> = Promise.resolve();

  constructor(private opts: RuntimeOptions) {
    this.docker = opts.docker ?? new Docker();
  }

  get options(): RuntimeOptions {
    return this.opts;
  }

  /** The pod network, routes and cluster DNS, known once the agent has set them up (before any pod starts). */
  useNetwork(network: Pick<NodeContext, 'network' | 'podRoutes' | 'clusterDns'>): void {
    this.opts = { ...this.opts, ...network };
  }

  get nodeName(): string {
    return this.options.nodeName;
  }

  ensureImage(image: string, policy?: PullPolicy): Promise<ImageResult> {
    return ensureImage(this.docker, image, policy);
  }

  /** Creates and starts the pod's sandbox (network namespace, published host ports). */
  async startSandbox(pod: V1Pod, attempt = 0): Promise<StartResult> {
    return this.createAndStart(sandboxCreateOptions(pod, this.options, attempt));
  }

  /** Creates and starts one init or app container joined to the sandbox. */
  async startContainer(pod: V1Pod, container: V1Container, input: AppContainerInput): Promise<StartResult> {
    return this.createAndStart(appCreateOptions(pod, container, this.options, input));
  }

  private async createAndStart(opts: Docker.ContainerCreateOptions): Promise<StartResult> {
    let id: string;
    try {
      id = (await this.docker.createContainer(opts)).id;
    } catch (err) {
      return { ok: false, reason: 'CreateContainerError', message: messageOf(err) };
    }
    try {
      await this.docker.getContainer(id).start();
      return { ok: true, id };
    } catch (err) {
      return { ok: false, reason: 'RunContainerError', message: messageOf(err), id };
    }
  }

  async inspect(id: string): Promise<ObservedContainer | undefined> {
    try {
      return fromInspect(await this.docker.getContainer(id).inspect());
    } catch (err) {
      if (notFound(err)) return undefined;
      throw err;
    }
  }

  /** Every container this node runs (label wake.node), grouped by pod uid: what adoption reads. */
  async listManaged(nodeName: string = this.nodeName): Promise<Map<string, ObservedContainer[]>> {
    const list = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL.node}=${nodeName}`] } });
    const inspected = await Promise.all(list.map((c) => this.inspect(c.Id)));
    const out = new Map<string, ObservedContainer[]>();
    for (const c of inspected) {
      if (!c || c.node !== nodeName) continue;
      out.set(c.podUid, [...(out.get(c.podUid) ?? []), c]);
    }
    return out;
  }

  async podContainers(podUid: string): Promise<ObservedContainer[]> {
    const list = await this.docker.listContainers({ all: true, filters: { label: [`${LABEL.node}=${this.nodeName}`, `${LABEL.podUid}=${podUid}`] } });
    return (await Promise.all(list.map((c) => this.inspect(c.Id)))).filter((c): c is ObservedContainer => !!c);
  }

  stop(id: string, opts: StopOptions): Promise<StopResult> {
    return gracefulStop(this.docker, this, id, opts);
  }

  async remove(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ force: true, v: true });
    } catch (err) {
      if (!notFound(err) && (err as { statusCode?: number }).statusCode !== 409) throw err;
    }
  }

  /**
   * Stops every container of the pod (app containers together, each with its preStop and the
   * grace period, then the sandbox), removes them and the pod's data folder.
   */
  async removePod(podUid: string, gracePeriodSeconds: number, pod?: V1Pod): Promise<void> {
    const all = await this.podContainers(podUid);
    const sandbox = all.find((c) => c.kind === 'sandbox' && c.state.running);
    const specs = new Map([...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.containers ?? [])].map((c) => [c.name, c]));
    const apps = all.filter((c) => c.kind !== 'sandbox');
    await Promise.all(apps.filter((c) => c.state.running).map((c) =>
      this.stop(c.id, { gracePeriodSeconds, container: specs.get(c.name), podIP: sandbox?.ip })));
    await Promise.all(apps.map((c) => this.remove(c.id)));
    for (const s of all.filter((c) => c.kind === 'sandbox')) await this.removeSandbox(s.id);
    await fs.rm(podDir(this.options.dataDir, podUid), { recursive: true, force: true });
  }

  /**
   * Removes a sandbox — the only container of a pod with a network endpoint — serialised across
   * the agent: Docker 20.10's libnetwork can deadlock the daemon when many endpoints on one
   * network are deleted at once (seen with ~150 parallel removals).
   */
  removeSandbox(id: string): Promise<void> {
    const next = this.sandboxRemovals.then(() => this.remove(id));
    this.sandboxRemovals = next.catch(() => undefined);
    return next;
  }

  logs(id: string, opts?: LogOptions): Promise<Readable> {
    return containerLogs(this.docker, id, opts);
  }

  /** Logs of a pod's container by name; `previous` reads the last exited instance. */
  async podLogs(podUid: string, containerName: string, opts: LogOptions & { previous?: boolean } = {}): Promise<Readable | undefined> {
    const instances = byContainerName(await this.podContainers(podUid)).get(containerName) ?? [];
    const target = opts.previous ? instances[1] : instances[0];
    return target ? this.logs(target.id, opts) : undefined;
  }

  exec(id: string, cmd: string[], opts?: ExecOptions): Promise<ExecSession> {
    return execIn(this.docker, id, cmd, opts);
  }

  attach(id: string, opts?: ExecOptions): Promise<ExecSession> {
    return attachTo(this.docker, id, opts);
  }

  execCapture(id: string, cmd: string[], timeoutMs: number): Promise<ExecCapture> {
    return execCapture(this.docker, id, cmd, timeoutMs);
  }
}
