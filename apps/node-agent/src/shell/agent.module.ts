import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { openLog } from '@wake/runtime';
import { AgentConfig, loadConfig } from '../config/agent-config';
import { NodeAgent } from '../agent';

export const AGENT_CONFIG = Symbol('AGENT_CONFIG');

/** Nest is the shell: configuration, lifecycle and logging around the NodeAgent. */
@Injectable()
export class NodeAgentService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NodeAgent');
  private nc?: NatsConnection;
  private agent?: NodeAgent;

  constructor(@Inject(AGENT_CONFIG) private readonly config: AgentConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const { nc, log } = await openLog(`wake-node-agent-${this.config.nodeName}`, { ...process.env, NATS_URL: this.config.natsUrl });
    this.nc = nc;
    this.agent = new NodeAgent(this.config, nc, log, (m) => this.logger.log(m));
    await this.agent.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent?.stop();
    await this.nc?.drain().catch(() => undefined);
  }
}

@Module({
  providers: [
    { provide: AGENT_CONFIG, useFactory: () => loadConfig(process.argv.slice(2)) },
    NodeAgentService,
  ],
})
export class NodeAgentModule {}
