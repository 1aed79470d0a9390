import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HistoryIndexerService } from './history-indexer.service';

@Module({ providers: [HistoryIndexerService] })
class HistoryIndexerModule {}

/** The history indexer: NATS_URL, DATABASE_URL, WAKE_HISTORY_SNAPSHOT_EVERY, WAKE_HISTORY_IDLE_MS. */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(HistoryIndexerModule, { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
}

void main();
