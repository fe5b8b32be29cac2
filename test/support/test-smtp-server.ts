// A real SMTP server (smtp-server) the tests control: it refuses `refused-*` recipients with 550, can
// be stopped and restarted on one port, and can run a hook after a message's DATA arrived and before
// it answers 250 (the fault test kills the worker in exactly that window).
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  body: string;
}

export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  constructor(
    /** Runs with the message before the server answers; `accept` sends the 250 (call it exactly once). */
    private readonly onMessage?: (mail: ReceivedMail, accept: () => void) => Promise<void>,
  ) {}

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (address.address.startsWith('refused-')) {
          const error = new Error(`5.1.1 <${address.address}>: Recipient address rejected: user unknown`);
          (error as Error & { responseCode: number }).responseCode = 550;
          return callback(error);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          const mail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1].trim() ?? '',
            subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1].trim() ?? '',
            body: raw,
          };
          this.received.push(mail);
          if (!this.onMessage) return callback();
          this.onMessage(mail, () => callback()).catch((error: unknown) => callback(error as Error));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}
