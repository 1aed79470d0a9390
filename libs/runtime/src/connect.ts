import { connect, type NatsConnection } from 'nats';
import { JetStreamEventLog, streamSettingsFromEnv } from '@wake/events';

/** The NATS connection and the event log every Wake service opens the same way. */
export async function openLog(name: string, env: NodeJS.ProcessEnv = process.env): Promise<{ nc: NatsConnection; log: JetStreamEventLog }> {
  const nc = await connect({ servers: env.NATS_URL ?? 'nats://127.0.0.1:14222', name, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
  const log = await JetStreamEventLog.open(nc, { stream: streamSettingsFromEnv(env) });
  return { nc, log };
}
