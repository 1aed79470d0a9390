import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of the gateway, named as the apiserver names its own. */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'apiserver_request_total', help: 'Requests by verb, resource and HTTP code.',
    labelNames: ['verb', 'resource', 'code'] as const, registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'apiserver_request_duration_seconds', help: 'Request latency by verb and resource (watches and log streams excluded).',
    labelNames: ['verb', 'resource'] as const, registers: [this.registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
  });

  readonly longRunning = new Gauge({
    name: 'apiserver_longrunning_requests', help: 'Open watches and log streams by verb and resource.',
    labelNames: ['verb', 'resource'] as const, registers: [this.registry],
  });

  constructor(defaults = true) {
    if (defaults) collectDefaultMetrics({ register: this.registry });
  }

  observe(verb: string, resource: string, code: number, seconds: number): void {
    this.requests.inc({ verb, resource, code: String(code) });
    if (verb !== 'watch' && resource !== 'pods/log') this.latency.observe({ verb, resource }, seconds);
  }
}
