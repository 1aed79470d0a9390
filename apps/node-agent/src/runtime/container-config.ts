import type { ContainerCreateOptions } from 'dockerode';
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { containerLabels, dockerName, SANDBOX_NAME, type ContainerKind } from './labels';
import { containerSpecHash } from './spec-hash';
import { toDockerResources } from './resources';
import { expandVars } from './expand-vars';
import { POD_GATEWAY_ENV, POD_ROUTES_ENV, sandboxNetworkScript } from '@wake/services';

export const PAUSE_IMAGE = 'wake/pause:1';

export interface NodeContext {
  readonly nodeName: string;
  /** The node's address; host ports are published there (127.0.0.2… on a developer machine). */
  readonly nodeAddress: string;
  /** Docker network for sandboxes (default `bridge`). */
  readonly network?: string;
  /** Extra labels on every container (tests use one to clean up). */
  readonly extraLabels?: Readonly<Record<string, string>>;
  readonly pauseImage?: string;
  /** The pod network's gateway and the host loopback blocks every pod routes to it (see podLoopbackRoutes). */
  readonly podRoutes?: { readonly gateway: string; readonly routes: readonly string[] };
  /** The cluster DNS a pod's resolv.conf names; unset: Docker's own resolv.conf. */
  readonly clusterDns?: { readonly nameserver: string; readonly clusterDomain?: string };
}

/** wake/pause:1's command (scripts/build-images.sh): sleep for ever. */
export const PAUSE_COMMAND = ['sleep', '2147483647'] as const;

/**
 * What the sandbox needs to route host loopback blocks out of the pod: the routes as env for
 * the start script, NET_ADMIN for `ip route` (the sandbox only: app containers never get it) and
 * route_localnet in the pod's namespace. Only with Wake's own pause image, which has busybox.
 */
function sandboxRouting(ctx: NodeContext) {
  const routes = ctx.podRoutes?.routes ?? [];
  if (!routes.length || (ctx.pauseImage && ctx.pauseImage !== PAUSE_IMAGE)) return {};
  return {
    Env: [`${POD_ROUTES_ENV}=${routes.join(' ')}`, `${POD_GATEWAY_ENV}=${ctx.podRoutes!.gateway}`],
    Cmd: ['sh', '-c', sandboxNetworkScript(PAUSE_COMMAND)],
    host: { CapAdd: ['NET_ADMIN'], Sysctls: { 'net.ipv4.conf.all.route_localnet': '1' } },
  };
}

const hostnameOf = (pod: V1Pod) => (pod.spec?.hostname ?? pod.metadata?.name ?? 'pod').slice(0, 63).replace(/[.-]+$/, '');

/** Host ports of all app containers, published on the SANDBOX (it owns the network namespace). */
export function sandboxPorts(pod: V1Pod, nodeAddress: string) {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      const key = `${p.containerPort}/${(p.protocol ?? 'TCP').toLowerCase()}`;
      exposed[key] = {};
      bindings[key] = [...(bindings[key] ?? []), { HostIp: nodeAddress, HostPort: String(p.hostPort) }];
    }
  }
  return { exposed, bindings };
}

export function sandboxCreateOptions(pod: V1Pod, ctx: NodeContext, attempt = 0): ContainerCreateOptions {
  const { exposed, bindings } = sandboxPorts(pod, ctx.nodeAddress);
  const routing = sandboxRouting(ctx);
  return {
    name: dockerName(pod, SANDBOX_NAME, attempt),
    Image: ctx.pauseImage ?? PAUSE_IMAGE,
    Env: routing.Env,
    Cmd: routing.Cmd,
    Hostname: hostnameOf(pod),
    Labels: { ...ctx.extraLabels, ...containerLabels(pod, ctx.nodeName, { kind: 'sandbox', name: SANDBOX_NAME, restartCount: attempt, specHash: '' }) },
    ExposedPorts: exposed,
    HostConfig: {
      Init: true,
      NetworkMode: ctx.network ?? 'bridge',
      IpcMode: 'shareable', // app containers join it (container:<id>)
      PortBindings: bindings,
      RestartPolicy: { Name: 'no' },
      ShmSize: 64 * 1024 * 1024,
      ...routing.host,
    },
  };
}

export interface AppContainerInput {
  readonly sandboxId: string;
  readonly kind: Exclude<ContainerKind, 'sandbox'>;
  readonly restartCount: number;
  readonly backoffSeconds?: number;
  readonly env: readonly { name: string; value: string }[];
  readonly binds: readonly string[];
}

/**
 * A pod container joined to the sandbox's namespaces. Kubernetes' command/args semantics map to
 * Docker's Entrypoint/Cmd: command replaces the entrypoint and drops the image's CMD; args alone
 * replace the CMD. `$(VAR)` in command and args expands against the container's env.
 */
export function appCreateOptions(pod: V1Pod, c: V1Container, ctx: NodeContext, input: AppContainerInput): ContainerCreateOptions {
  const vars = new Map(input.env.map((e) => [e.name, e.value]));
  const expand = (xs: string[] | undefined) => xs?.map((x) => expandVars(x, vars));
  const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
  return {
    name: dockerName(pod, c.name, input.restartCount),
    Image: c.image,
    Entrypoint: expand(c.command),
    Cmd: expand(c.args) ?? (c.command ? [] : undefined),
    WorkingDir: c.workingDir,
    Env: input.env.map((e) => `${e.name}=${e.value}`),
    Tty: c.tty ?? false,
    OpenStdin: c.stdin ?? false,
    StdinOnce: c.stdinOnce ?? false,
    AttachStdin: false,
    StopTimeout: grace,
    Labels: {
      ...ctx.extraLabels,
      ...containerLabels(pod, ctx.nodeName, {
        kind: input.kind, name: c.name, restartCount: input.restartCount, specHash: containerSpecHash(c), backoffSeconds: input.backoffSeconds,
      }),
    },
    HostConfig: {
      Init: true,
      NetworkMode: `container:${input.sandboxId}`,
      IpcMode: `container:${input.sandboxId}`,
      PidMode: pod.spec?.shareProcessNamespace ? `container:${input.sandboxId}` : undefined,
      Binds: [...input.binds],
      RestartPolicy: { Name: 'no' },
      ...toDockerResources(c),
    },
  };
}
