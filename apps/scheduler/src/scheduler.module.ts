import { Module } from '@nestjs/common';
import { SCHEDULER_SETTINGS, SchedulerService } from './scheduler.service';
import { settingsFromEnv } from './settings/scheduler-settings';

@Module({
  providers: [
    { provide: SCHEDULER_SETTINGS, useFactory: () => settingsFromEnv() },
    SchedulerService,
  ],
})
export class SchedulerModule {}
