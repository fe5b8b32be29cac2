// orientir roadmap parse FILE [--year 2023] [--tz Asia/Irkutsk] [--json | --yaml]
// Prints the canonical roadmap (JSON/YAML) on stdout, or a short Russian summary without a format flag.

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CanonicalRoadmap, RoadmapEvent, RoadmapEventConfidence } from '@orientir/domain';
import {
  assertFileSize,
  DEFAULT_MAX_FILE_SIZE_BYTES,
  DEFAULT_TIMEZONE,
  exportRoadmap,
  parseRoadmap,
} from '@orientir/roadmap-import';
import { CliIo } from './cli-io.port';
import { createProgressReporter } from './progress.reporter';

export interface ParseCommandOptions {
  year?: number;
  tz?: string;
  json?: boolean;
  yaml?: boolean;
  maxSizeMb?: number;
  progress?: boolean;
}

/** A problem the user can fix, reported as a Russian message without a stack trace. */
export class CliUsageError extends Error {}

export async function runRoadmapParse(file: string, options: ParseCommandOptions, io: CliIo): Promise<void> {
  const timezone = options.tz ?? DEFAULT_TIMEZONE;
  assertTimeZone(timezone);
  const maxFileSizeBytes =
    options.maxSizeMb === undefined ? DEFAULT_MAX_FILE_SIZE_BYTES : Math.round(options.maxSizeMb * 1024 * 1024);
  const size = await fileSize(file);
  // Refused before a byte is read.
  assertFileSize(size, basename(file), maxFileSizeBytes);
  const bytes = await readFile(file);
  const progress = createProgressReporter(io, size, options.progress === true);
  let roadmap: CanonicalRoadmap;
  try {
    roadmap = await parseRoadmap(
      { fileName: basename(file), bytes },
      { year: options.year, timezone, maxFileSizeBytes, onProgress: (done, total) => progress.update(done, total) },
    );
  } finally {
    progress.stop();
  }
  if (options.json) io.stdout.write(exportRoadmap(roadmap, 'json'));
  else if (options.yaml) io.stdout.write(exportRoadmap(roadmap, 'yaml'));
  else io.stdout.write(summary(roadmap));
}

async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliUsageError(`«${file}» не является файлом.`);
    return info.size;
  } catch (error: unknown) {
    if (error instanceof CliUsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliUsageError(`Файл «${file}» не найден.`);
    if (code === 'EACCES') throw new CliUsageError(`Нет доступа к файлу «${file}».`);
    throw error;
  }
}

function assertTimeZone(timezone: string): void {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: timezone });
  } catch {
    throw new CliUsageError(
      `Неизвестный часовой пояс «${timezone}». Укажите его как в базе IANA, например Asia/Irkutsk.`,
    );
  }
}

const FIELD_NAMES: Record<keyof RoadmapEventConfidence, string> = {
  title: 'наименование',
  period: 'срок',
  executors: 'исполнители',
  indicator: 'показатель',
};

/** Fields the importer is unsure of (confidence below 0.7): the coordinator checks them before confirming. */
function lowFields(event: RoadmapEvent): string[] {
  const confidence = event.confidence;
  if (confidence === undefined) return [];
  return (Object.keys(FIELD_NAMES) as (keyof RoadmapEventConfidence)[])
    .filter((field) => confidence[field] < 0.7)
    .map((field) => FIELD_NAMES[field]);
}

function toCheck(event: RoadmapEvent): string {
  const fields = lowFields(event);
  return fields.length === 0 ? '' : ` [проверьте: ${fields.join(', ')}]`;
}

function summary(roadmap: CanonicalRoadmap): string {
  const lines = [
    roadmap.title,
    `Год: ${roadmap.year}, часовой пояс: ${roadmap.timezone}`,
    `Мероприятий: ${roadmap.events.length}, исполнителей: ${roadmap.executorEntities.length}, школ: ${roadmap.schools.length}, кураторов: ${roadmap.curators.length}`,
    ...roadmap.events.map(
      (event) => `  ${event.number}. ${event.title} — ${event.period.text || 'срок не указан'}${toCheck(event)}`,
    ),
    `Полей для проверки: ${roadmap.events.reduce((sum, event) => sum + lowFields(event).length, 0)}`,
    `Предупреждений: ${roadmap.warnings.length}`,
    ...roadmap.warnings.map((warning) => `  строка ${warning.row}: ${warning.message} («${warning.text}»)`),
  ];
  return `${lines.join('\n')}\n`;
}
