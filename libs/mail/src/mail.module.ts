import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MAIL_SENDER, type MailSender } from './mail-sender.port';
import { NodemailerMailSender } from './nodemailer-mail.sender';

class MailSenderCloser implements OnApplicationShutdown {
  constructor(@Inject(MAIL_SENDER) private readonly sender: MailSender) {}
  onApplicationShutdown(): void {
    this.sender.close();
  }
}

@Module({})
export class MailModule {
  static forRoot(options: { smtpUrl: string; from: string }): DynamicModule {
    return {
      module: MailModule,
      global: true,
      providers: [
        { provide: MAIL_SENDER, useFactory: () => new NodemailerMailSender(options.smtpUrl, options.from) },
        MailSenderCloser,
      ],
      exports: [MAIL_SENDER],
    };
  }
}
