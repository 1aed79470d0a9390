import type { NatsConnection, Subscription } from 'nats';
import { metricsSubject } from '@wake/node-api';
import type { MetricsCollector } from './metrics-collector';

/**
 * The agent side of the resource metrics API (libs/node-api metrics.ts): answers each request on
 * metricsSubject(node) with the collector's latest snapshot. Core NATS, never the event log.
 */
export class MetricsResponder {
  private sub?: Subscription;

  constructor(private readonly nc: NatsConnection, private readonly nodeName: string, private readonly collector: MetricsCollector) {}

  start(): void {
    this.sub = this.nc.subscribe(metricsSubject(this.nodeName), {
      callback: (err, msg) => {
        if (!err) msg.respond(JSON.stringify(this.collector.snapshot));
      },
    });
  }

  stop(): void {
    this.sub?.unsubscribe();
  }
}
