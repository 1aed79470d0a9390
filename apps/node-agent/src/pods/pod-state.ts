import type { PodProblems } from '../lifecycle/container-problem';
import type { PodProbeStates } from '../lifecycle/probe-state';

/**
 * What the agent remembers about a pod between syncs: problems Docker cannot show (image pulls,
 * config errors), probe results, and the last status it reported. Lost on restart by design:
 * probes start over and the status is recomputed from Docker (the containers are the memory).
 */
export interface PodMemory {
  problems?: PodProblems;
  probes: PodProbeStates;
  /** The status last written, and the resourceVersion that write produced. */
  reported?: { readonly fingerprint: string; readonly rv: number };
}

export class PodMemories {
  private readonly byUid = new Map<string, PodMemory>();

  of(uid: string): PodMemory {
    let m = this.byUid.get(uid);
    if (!m) this.byUid.set(uid, (m = { probes: {} }));
    return m;
  }

  forget(uid: string): void {
    this.byUid.delete(uid);
  }
}
