// orientir user create-admin --email EMAIL [--name "ФИО"] --password-stdin
// Creates the first administrator straight in the database (DATABASE_URL), applying migrations first.
// Run again with the same e-mail, it sets the new password and keeps the admin role: the way back in.

import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { passwordProblem } from '@orientir/auth';
import { hashPassword } from '@orientir/credentials';
import { UserStore, createDataSourceOptions, runMigrations } from '@orientir/persistence';
import { CliIo } from './cli-io.port';
import { CliUsageError } from './roadmap-parse.command';

export interface CreateAdminOptions {
  email: string;
  name?: string;
  passwordStdin?: boolean;
}

export interface UserCommandDeps {
  env: NodeJS.ProcessEnv;
  /** The whole of standard input; the password never appears in argv or the shell history. */
  readStdin: () => Promise<string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerUserCommands(program: Command, io: CliIo, deps: UserCommandDeps = processDeps): void {
  const user = program.command('user').description('Учетные записи').exitOverride();
  user
    .command('create-admin')
    .description('Создать администратора (или задать пароль существующему); нужен DATABASE_URL')
    .requiredOption('--email <email>', 'адрес электронной почты администратора')
    .option('--name <name>', 'имя, как его увидят в журнале', 'Администратор')
    .option('--password-stdin', 'прочитать пароль со стандартного ввода')
    .exitOverride()
    .action(async (options: CreateAdminOptions) => {
      await runCreateAdmin(options, io, deps);
    });
}

export async function runCreateAdmin(options: CreateAdminOptions, io: CliIo, deps: UserCommandDeps): Promise<void> {
  const email = options.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new CliUsageError(`«${options.email}» не похож на адрес электронной почты`);
  if (!options.passwordStdin)
    throw new CliUsageError(
      'Передайте пароль через стандартный ввод: --password-stdin (например, echo "$PASS" | orientir user create-admin …)',
    );
  const url = deps.env.DATABASE_URL;
  if (!url) throw new CliUsageError('Не задан DATABASE_URL: укажите адрес базы данных Ориентира');
  // A trailing newline from `echo` or a heredoc is not part of the password.
  const password = (await deps.readStdin()).replace(/\r?\n$/, '');
  const weak = passwordProblem(password);
  if (weak) throw new CliUsageError(`Пароль не подходит: ${weak}`);

  await runMigrations(url);
  const dataSource = new DataSource(createDataSourceOptions(url, 1));
  await dataSource.initialize();
  try {
    const result = await new UserStore(dataSource).upsert({
      email,
      displayName: options.name?.trim() || 'Администратор',
      passwordHash: await hashPassword(password),
      grants: [{ role: 'admin', scopeKind: 'global', scopeValue: null }],
    });
    io.stdout.write(
      result.created
        ? `Администратор ${email} создан.\n`
        : `Учетная запись ${email} уже была: пароль обновлен, роль администратора назначена.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

const processDeps: UserCommandDeps = {
  env: process.env,
  readStdin: async () => {
    if (process.stdin.isTTY) throw new CliUsageError('--password-stdin ждет пароль из конвейера, а не с клавиатуры');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  },
};
