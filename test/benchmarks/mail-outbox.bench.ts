// Benchmark: 10,000 notices through the outbox vs a bare nodemailer loop to the same SMTP server.
// Run: npm run bench:mail [-- --size=10000] [-- --concurrency=5]. Prints both rates and the ratio;
// exits 1 below the target (≥ 0.7× the bare loop).
import { loadAppConfig } from '@orientir/config';
import { ProcessStack } from '../support/process-stack';
import { measureMailThroughput } from './mail-throughput.util';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const SIZE = Number(arg('size') ?? 10_000);
const DEFAULTS = loadAppConfig({ DATABASE_URL: 'postgres://x@h/d', SMTP_URL: 'smtp://h:25' }).deployment.smtp;
const CONCURRENCY = Number(arg('concurrency') ?? DEFAULTS.dispatchConcurrency);
const TARGET = 0.7;

async function main(): Promise<void> {
  const stack = new ProcessStack({ name: 'bench-mail' });
  await stack.start();
  try {
    const r = await measureMailThroughput({
      size: SIZE,
      databaseUrl: stack.postgres.url,
      smtpUrl: stack.smtp.smtpUrl,
      poolSize: DEFAULTS.poolSize,
      concurrency: CONCURRENCY,
      clearMail: () => stack.mail.clear(),
    });
    const met = r.ratio >= TARGET;
    process.stdout.write(
      `[bench:mail] ${SIZE} notices, SMTP pool ${DEFAULTS.poolSize}, concurrency ${CONCURRENCY}, MailDev\n` +
        `[bench:mail] outbox (enqueue → dispatcher → sent): ${r.outboxPerSecond.toFixed(0)} messages/s\n` +
        `[bench:mail] bare nodemailer loop:                 ${r.barePerSecond.toFixed(0)} messages/s\n` +
        `[bench:mail] ratio ${r.ratio.toFixed(2)}× (target ≥ ${TARGET}×) ${met ? 'met' : 'MISSED'}\n`,
    );
    process.exitCode = met ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
