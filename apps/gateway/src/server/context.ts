import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NatsConnection } from 'nats';
import type { EventLog } from '@wake/events';
import type { HistoryQueries } from '@wake/history';
import type { ProjectionProgress, ProjectionStore } from '@wake/projection';
import type { Actor, ObjectStore } from '@wake/store';
import type { GatewayConfig } from '../config/gateway-config';

/** What request handlers use: the log, the one write path, the projection, NATS. */
export interface GatewayDeps {
  readonly config: GatewayConfig;
  readonly log: EventLog;
  readonly store: ObjectStore;
  readonly projection: ProjectionStore;
  readonly progress: ProjectionProgress;
  readonly nc: NatsConnection;
  /** The history API's answers (libs/history, shared with the `wake` history commands). */
  readonly history: HistoryQueries;
  now(): Date;
}

/** One authenticated request. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly user: Actor;
  readonly deps: GatewayDeps;
  /** Filled in by the router, for logs and metrics. */
  verb: string;
  resource: string;
}

export const query = (ctx: RequestContext, name: string): string | null => ctx.url.searchParams.get(name);
