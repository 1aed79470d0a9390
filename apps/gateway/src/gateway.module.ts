import { type DynamicModule, Module } from '@nestjs/common';
import { BackendService } from './backend/backend.service';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway-config';
import { HttpServerService } from './server/http-server.service';

/** The gateway's Nest shell: configuration, adapters and the HTTP server, with their lifecycle. */
@Module({})
export class GatewayModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, BackendService, HttpServerService],
      exports: [HttpServerService],
    };
  }
}
