import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ControllersService } from './controllers.service';

@Module({ providers: [ControllersService] })
export class ControllersModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ControllersModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

void main();
