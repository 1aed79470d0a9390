import type { KubeObject } from '@wake/events';
import { SIMULATED_TOLERATION } from '../../../node-agent/src/simulated/objects';

type Pod = KubeObject & { spec?: { nodeName?: string; containers?: Array<{ image?: string }> }; status?: { phase?: string; conditions?: Array<{ type: string; status: string }> } };

/** A Deployment whose pods tolerate the simulated nodes' taint. */
export function deployment(name: string, replicas: number, image: string, o: { namespace?: string; maxSurge?: number | string; maxUnavailable?: number | string } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: o.namespace ?? 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: o.maxSurge ?? '25%', maxUnavailable: o.maxUnavailable ?? '25%' } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'app', image }], tolerations: [SIMULATED_TOLERATION], terminationGracePeriodSeconds: 30 },
      },
    },
  };
}

export const isTerminating = (p: KubeObject) => !!p.metadata.deletionTimestamp;
export const isReady = (p: Pod) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
export const imageOf = (p: Pod) => p.spec?.containers?.[0]?.image;
export type { Pod };
