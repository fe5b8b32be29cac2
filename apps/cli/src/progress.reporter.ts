// A progress bar on stderr while a roadmap is read: shown when someone watches (a terminal)
// or when the file is large enough for the wait to be noticed. stdout stays clean for --json.

import { Presets, SingleBar } from 'cli-progress';
import { CliIo } from './cli-io.port';

const LARGE_FILE_BYTES = 1024 * 1024;

export interface ProgressReporter {
  update(done: number, total: number): void;
  stop(): void;
}

const silent: ProgressReporter = { update: () => undefined, stop: () => undefined };

export function createProgressReporter(io: CliIo, fileSize: number, forced = false): ProgressReporter {
  const interactive = io.stderr.isTTY === true;
  if (!interactive && fileSize < LARGE_FILE_BYTES && !forced) return silent;
  const bar = new SingleBar(
    {
      stream: io.stderr,
      format: 'Чтение дорожной карты |{bar}| {value}/{total} строк',
      hideCursor: interactive,
      noTTYOutput: !interactive,
      notTTYSchedule: 1000,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
