import { describeEventLogContract } from './event-log.contract';
import { MemoryEventLog } from './memory-event-log';

describeEventLogContract('in memory', async () => {
  const log = new MemoryEventLog();
  return { log, trimBefore: (seq) => log.trimBefore(seq), close: () => log.close() };
});
