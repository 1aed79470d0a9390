import type { Command } from 'commander';

/** `wake replay` waits for the scheduler and controller services; it says so and fails (exit 2). */
export function registerReplay(program: Command): void {
  program.command('replay')
    .description('NOT IMPLEMENTED YET: replay a recorded slice through today\'s scheduler and controllers and diff their decisions')
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action(() => {
      process.stderr.write('wake replay: not implemented yet — it needs the scheduler and controller services in a sandbox (issue 9). '
        + 'Use `wake export` to capture a slice of the log meanwhile.\n');
      process.exitCode = 2;
    });
}
