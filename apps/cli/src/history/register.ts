import type { Command } from 'commander';
import { registerHistory } from './history-command';
import { registerReplay } from './replay-command';
import { registerSlices } from './slice-commands';
import { registerSnapshot } from './snapshot-command';
import { registerState } from './state-command';
import { registerTimeline } from './timeline-command';
import { registerWhy } from './why-command';

/** The history commands: the cluster's past, read from the log. */
export function registerHistoryCommands(program: Command): void {
  registerHistory(program);
  registerState(program);
  registerWhy(program);
  registerTimeline(program);
  registerSlices(program);
  registerSnapshot(program);
  registerReplay(program);
}
