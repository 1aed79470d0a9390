import type { NatsConnection } from 'nats';
import { metricsSubject, type MetricsSnapshot } from './metrics';

/** How long a reader (the gateway's metrics.k8s.io, the autoscaler) waits for one node agent's snapshot (agents answer from memory). */
export const METRICS_ANSWER_MS = 2_000;

/**
 * Asks each node's agent for its latest metrics snapshot (core NATS request/reply, in parallel).
 * A node whose agent does not answer — down, or no responder at all — has no entry, as
 * metrics-server leaves out nodes it could not scrape.
 */
export async function nodeSnapshots(nc: NatsConnection, nodes: Iterable<string>, timeoutMs = METRICS_ANSWER_MS): Promise<Map<string, MetricsSnapshot>> {
  const names = [...new Set(nodes)];
  const answers = await Promise.all(names.map(async (node) => {
    try {
      const reply = await nc.request(metricsSubject(node), new Uint8Array(0), { timeout: timeoutMs });
      return [node, JSON.parse(new TextDecoder().decode(reply.data)) as MetricsSnapshot] as const;
    } catch {
      return undefined;
    }
  }));
  return new Map(answers.filter((a): a is readonly [string, MetricsSnapshot] => !!a));
}
