import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProjectorService } from './projector.service';

@Module({ providers: [ProjectorService] })
class ProjectorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

void main();
