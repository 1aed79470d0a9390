import type { ContainerInspectInfo } from 'dockerode';
import { LABEL, type ContainerKind } from './labels';

/** One Docker container Wake runs, as the agent sees it (from labels and inspect). */
export interface ObservedContainer {
  readonly id: string;
  readonly podUid: string;
  readonly podName: string;
  readonly podNamespace: string;
  readonly node: string;
  /** The spec container's name, or POD for the sandbox. */
  readonly name: string;
  readonly kind: ContainerKind;
  readonly restartCount: number;
  readonly specHash: string;
  readonly backoffSeconds: number;
  readonly gracePeriodSeconds: number;
  readonly image: string;
  readonly imageID: string;
  readonly state: ObservedState;
  readonly createdAt: string;
  /** The sandbox's IP on its network (sandbox only). */
  readonly ip?: string;
  /** The sandbox whose network namespace an init/app container joined (`container:<id>`). */
  readonly sandboxId?: string;
}

export interface ObservedState {
  readonly status: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  readonly running: boolean;
  readonly exitCode: number;
  readonly oomKilled: boolean;
  readonly error?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

const ZERO_TIME = '0001-01-01T00:00:00Z';
const time = (t: string | undefined) => (t && !t.startsWith('0001-') && t !== ZERO_TIME ? new Date(t).toISOString() : undefined);
const int = (s: string | undefined, d = 0) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : d);

/** Docker's inspect answer → ObservedContainer; undefined for containers Wake did not label. */
export function fromInspect(info: ContainerInspectInfo): ObservedContainer | undefined {
  const l = info.Config?.Labels ?? {};
  if (!l[LABEL.podUid] || !l[LABEL.container]) return undefined;
  const s = info.State;
  const networks = Object.values(info.NetworkSettings?.Networks ?? {});
  const ip = networks.map((n) => n.IPAddress).find((a) => !!a) || undefined;
  return {
    id: info.Id,
    podUid: l[LABEL.podUid],
    podName: l[LABEL.podName] ?? '',
    podNamespace: l[LABEL.podNamespace] ?? 'default',
    node: l[LABEL.node] ?? '',
    name: l[LABEL.container],
    kind: (l[LABEL.kind] as ContainerKind) ?? 'app',
    restartCount: int(l[LABEL.restartCount]),
    specHash: l[LABEL.specHash] ?? '',
    backoffSeconds: int(l[LABEL.backoff]),
    gracePeriodSeconds: int(l[LABEL.gracePeriod], 30),
    image: info.Config?.Image ?? '',
    imageID: info.Image,
    createdAt: new Date(info.Created).toISOString(),
    ip: l[LABEL.kind] === 'sandbox' && s.Running ? ip : undefined,
    sandboxId: /^container:(.+)$/.exec(info.HostConfig?.NetworkMode ?? '')?.[1],
    state: {
      status: s.Status as ObservedState['status'],
      running: s.Running,
      exitCode: s.ExitCode,
      oomKilled: s.OOMKilled,
      error: s.Error || undefined,
      startedAt: time(s.StartedAt),
      finishedAt: time(s.FinishedAt),
    },
  };
}

/** Containers of one pod grouped by name, newest instance (highest restart count) first. */
export function byContainerName(observed: readonly ObservedContainer[]): Map<string, ObservedContainer[]> {
  const out = new Map<string, ObservedContainer[]>();
  for (const c of observed) out.set(c.name, [...(out.get(c.name) ?? []), c]);
  for (const list of out.values()) list.sort((a, b) => b.restartCount - a.restartCount || b.createdAt.localeCompare(a.createdAt));
  return out;
}
