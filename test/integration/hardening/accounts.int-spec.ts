import request from 'supertest';
import { MailCatcherClient, type CaughtMail } from '../../../infra/stack/mail-catcher.service';
import { AuthService } from '../../../apps/api/src/auth/auth.service';
import { createAccount, sessionClient, type TestAccount } from '../../support/auth-clients';
import { eventually } from '../../support/poll.util';
import { useHarness } from '../../support/test-harness';
import { testEnv } from '../../setup/test-infrastructure';

describe('accounts: password reset and sign-out revoke every credential; concurrent creation', () => {
  const harness = useHarness();
  const http = () => request(harness.apps.api.getHttpServer());
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));

  async function resetLinks(account: TestAccount, n: number): Promise<string[]> {
    for (let i = 0; i < n; i++)
      await http().post('/api/auth/password-reset').send({ email: account.email }).expect(202);
    await harness.apps.api.get(AuthService).settled();
    const letters = await eventually<CaughtMail[]>(`${n} reset e-mails`, async () => {
      const mine = (await mail().list()).filter((m) => m.to.some((t) => t.address === account.email));
      return mine.length >= n ? mine : undefined;
    });
    return letters.map((m) => decodeURIComponent(/token=([^\s&"]+)/.exec(m.text)![1]));
  }

  async function newToken(account: TestAccount): Promise<string> {
    const client = await sessionClient(harness.apps, account);
    return (await client.post('/api/auth/tokens').send({ name: 'скрипт' }).expect(201)).body.token as string;
  }

  it('a successful reset revokes API tokens, sessions and every other outstanding reset link', async () => {
    const account = await createAccount(harness.apps, [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }]);
    const token = await newToken(account);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    const [first, second] = await resetLinks(account, 2);
    expect(first).not.toBe(second);
    // The reset page of the web app.
    const letter = (await mail().list()).find((m) => m.to.some((t) => t.address === account.email))!;
    expect(letter.text).toMatch(/http:\/\/orientir\.test\/reset-password\?token=orr_/);

    await http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: first, password: 'новый-надежный-пароль' })
      .expect(200);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    const older = await http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: second, password: 'чужой-новый-пароль-1' })
      .expect(400);
    expect(older.body.error).toBe('INVALID_RESET_TOKEN');
    await http().post('/api/auth/login').send({ email: account.email, password: 'новый-надежный-пароль' }).expect(200);
  });

  it('"sign out everywhere" revokes every session and API token of the account', async () => {
    const account = await createAccount(harness.apps, [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }]);
    const token = await newToken(account);
    const browser = await sessionClient(harness.apps, account);
    const other = await sessionClient(harness.apps, account);
    await browser.post('/api/auth/logout-everywhere').expect(204);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await browser.get('/api/auth/me').expect(401);
    await other.get('/api/auth/me').expect(401);
  });

  it('ten concurrent creations of one new e-mail give one 201 and nine 409, never 500', async () => {
    const email = `race-${Date.now()}@example.ru`;
    const body = {
      email,
      displayName: 'Гонка',
      password: 'достаточно-длинный-пароль',
      grants: [{ role: 'supervisor', scopeKind: 'global' }],
    };
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async () => (await harness.admin.post('/api/users').send(body)).status),
    );
    expect(statuses.sort()).toEqual([201, ...Array<number>(9).fill(409)]);
    const rows = await harness.db.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(rows.rows[0].n).toBe(1);
  });
});
