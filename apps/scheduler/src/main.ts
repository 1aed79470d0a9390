import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SchedulerModule } from './scheduler.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SchedulerModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

void main();
