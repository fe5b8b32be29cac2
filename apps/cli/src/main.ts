// The orientir command line. bin/orientir.js loads this file through the TypeScript register.

import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { isRoadmapImportException } from '@orientir/roadmap-import';
import { CliIo, processIo } from './cli-io.port';
import { CliUsageError, runRoadmapParse } from './roadmap-parse.command';
import { registerUserCommands } from './user.command';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export function buildProgram(io: CliIo): Command {
  const program = new Command('orientir')
    .description('Orientir: дорожные карты сопровождения школ как отслеживаемая работа')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  const roadmap = program.command('roadmap').description('Работа с дорожными картами').exitOverride();
  roadmap
    .command('parse')
    .description('Прочитать дорожную карту (DOCX, XLSX, CSV, TXT, JSON/YAML) и вывести её в каноническом виде')
    .argument('<file>', 'файл дорожной карты')
    .option('--year <year>', 'год для месяцев без года (по умолчанию — из документа)', parseYear)
    .option('--tz <zone>', 'часовой пояс цикла (IANA)', 'Asia/Irkutsk')
    .option('--json', 'вывести канонический JSON')
    .option('--yaml', 'вывести канонический YAML')
    .option('--max-size-mb <mb>', 'наибольший допустимый размер файла, МБ', parsePositive)
    .option('--progress', 'показывать ход чтения, даже когда вывод не в терминал')
    .exitOverride()
    .action(
      async (
        file: string,
        options: { year?: number; tz?: string; json?: boolean; yaml?: boolean; maxSizeMb?: number; progress?: boolean },
      ) => {
        await runRoadmapParse(file, options, io);
      },
    );
  registerUserCommands(program, io);
  return program;
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new InvalidArgumentError('ожидается год, например 2023');
  return year;
}

function parsePositive(value: string): number {
  const number = Number(value.replace(',', '.'));
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('ожидается положительное число');
  return number;
}

/** Runs the CLI and returns the exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv);
    return EXIT_OK;
  } catch (error: unknown) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? EXIT_OK
        : EXIT_USAGE;
    }
    if (isRoadmapImportException(error) || error instanceof CliUsageError) {
      io.stderr.write(`Ошибка: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr.write(`Внутренняя ошибка: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

if (require.main === module) {
  void main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
