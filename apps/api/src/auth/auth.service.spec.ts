import type { AppConfig } from '@orientir/config';
import type { MailSender } from '@orientir/mail';
import type { CredentialStore, DirectoryStore, NotificationStore, UserStore } from '@orientir/persistence';
import type { AuditService } from '../audit/audit.service';
import { AuthService } from './auth.service';

const actor = { principal: null, ip: '127.0.0.1', userAgent: 'jest' };

function serviceWith(lookup: () => Promise<unknown>, send: () => Promise<unknown>) {
  const calls: string[] = [];
  const users = {
    findByEmail: () => (calls.push('lookup'), lookup()),
  } as unknown as UserStore;
  const credentials = {
    createPasswordReset: async () => (calls.push('store'), { id: 'r1' }),
  } as unknown as CredentialStore;
  const audit = { record: async () => undefined } as unknown as AuditService;
  const mail = { send: () => (calls.push('mail'), send()), verify: async () => undefined } as unknown as MailSender;
  const config = { api: { publicUrl: 'https://orientir.example' } } as AppConfig;
  return {
    service: new AuthService(users, credentials, audit, {} as DirectoryStore, mail, config, {} as NotificationStore),
    calls,
  };
}

describe('password reset request', () => {
  it('answers before the account look-up and the mail, identically for known and unknown addresses', async () => {
    let finishLookup: (user: unknown) => void = () => undefined;
    const { service, calls } = serviceWith(
      () => new Promise((resolve) => (finishLookup = resolve)),
      async () => undefined,
    );
    const known = service.requestPasswordReset({ email: 'known@example.ru' }, actor);
    // Nothing was looked up or sent when the answer was made.
    expect(calls).toEqual([]);
    expect(known).toEqual({
      message: 'Если адрес зарегистрирован, на него отправлено письмо со ссылкой для смены пароля',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual(['lookup']);
    finishLookup({ id: 'u1', email: 'known@example.ru', displayName: 'Иван', isActive: true });
    await service.settled();
    expect(calls).toEqual(['lookup', 'store', 'mail']);
  });

  it('a failing mail server does not turn into an error for the caller', async () => {
    const { service } = serviceWith(
      async () => ({ id: 'u1', email: 'a@example.ru', displayName: 'А', isActive: true }),
      async () => {
        throw new Error('smtp down');
      },
    );
    expect(service.requestPasswordReset({ email: 'a@example.ru' }, actor).message).toMatch(/^Если адрес/);
    await expect(service.settled()).resolves.toBeUndefined();
  });
});
