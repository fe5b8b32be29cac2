import { Client as PgClient } from 'pg';
import request from 'supertest';
import { hashToken } from '@orientir/credentials';
import { MailCatcherClient, type CaughtMail } from '../../infra/stack/mail-catcher.service';
import { runCreateAdmin } from '../../apps/cli/src/user.command';
import { ADMIN, createAccount } from '../support/auth-clients';
import { startOrientirApps, type OrientirApps } from '../support/orientir-apps';
import { eventually } from '../support/poll.util';
import { testEnv } from '../setup/test-infrastructure';

function cookiesOf(res: request.Response): Record<string, string> {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return Object.fromEntries((raw ?? []).map((c) => [c.split('=')[0], c]));
}

function cookieValue(setCookie: string): string {
  return setCookie.split(';')[0].split('=').slice(1).join('=');
}

describe('authentication: login, sessions, API tokens, password reset, CLI', () => {
  let apps: OrientirApps;
  let db: PgClient;
  const http = () => request(apps.api.getHttpServer());
  const mail = () => new MailCatcherClient(testEnv('mailViewerUrl'));

  beforeAll(async () => {
    apps = await startOrientirApps();
    db = new PgClient({ connectionString: testEnv('databaseUrl') });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await apps?.close();
  });

  it('logs in with e-mail and password into an httpOnly SameSite session cookie, and logout revokes it', async () => {
    const account = await createAccount(apps, [
      { role: 'municipal_coordinator', scopeKind: 'municipality', scopeValue: 'г. Иркутск' },
    ]);
    const login = await http()
      .post('/api/auth/login')
      .send({ email: account.email.toUpperCase(), password: account.password })
      .expect(200);
    const cookies = cookiesOf(login);
    expect(cookies.orientir_session).toMatch(/HttpOnly/);
    expect(cookies.orientir_session).toMatch(/SameSite=Lax/);
    expect(cookies.orientir_csrf).not.toMatch(/HttpOnly/);
    expect(login.body.user).toMatchObject({
      email: account.email,
      // The grant names the directory municipality by id; its name comes along to show.
      grants: [
        {
          role: 'municipal_coordinator',
          scopeKind: 'municipality',
          scopeValue: account.grants[0].scopeValue,
          scopeLabel: 'г. Иркутск',
        },
      ],
    });
    expect(account.grants[0].scopeValue).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(login.body)).not.toMatch(/argon2|password|hash/i);

    const sessionToken = cookieValue(cookies.orientir_session);
    const stored = await db.query('SELECT token_hash FROM sessions WHERE user_id = $1', [account.userId]);
    expect(stored.rows).toEqual([{ token_hash: hashToken(sessionToken) }]);

    const cookie = `orientir_session=${sessionToken}`;
    await http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    await http().post('/api/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).expect(204);
    const after = await http().get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(after.body).toEqual({ error: 'UNAUTHENTICATED', message: 'Требуется вход в систему', details: [] });
  });

  it('refuses a wrong password or an unknown e-mail with the same Russian answer, and audits the attempt', async () => {
    const account = await createAccount(apps, ADMIN);
    const wrong = await http()
      .post('/api/auth/login')
      .send({ email: account.email, password: 'не тот пароль' })
      .expect(401);
    const unknown = await http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.ru', password: 'не тот пароль' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Неверный адрес электронной почты или пароль');
    const audit = await db.query(`SELECT outcome FROM audit_log WHERE action = 'auth.login' AND actor_email = $1`, [
      account.email,
    ]);
    expect(audit.rows).toEqual([{ outcome: 'failure' }]);
    const invalid = await http()
      .post('/api/auth/login')
      .send({ email: 'не-почта', password: 'x', extra: 1 })
      .expect(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([expect.stringMatching(/^email: .*«не-почта»/), expect.stringMatching(/^extra: /)]),
    );
  });

  it('issues a personal API token shown once, stored hashed, usable as a bearer, revocable', async () => {
    const account = await createAccount(apps, [{ role: 'supervisor', scopeKind: 'global', scopeValue: null }]);
    const login = await http()
      .post('/api/auth/login')
      .send({ email: account.email, password: account.password })
      .expect(200);
    const cookie = `orientir_session=${cookieValue(cookiesOf(login).orientir_session)}`;
    const created = await http()
      .post('/api/auth/tokens')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', login.body.csrfToken)
      .send({ name: 'отчетный скрипт', expiresInDays: 30 })
      .expect(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^ort_/);
    const rows = await db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
    expect(rows.rows[0].token_hash).toBe(hashToken(token));

    const me = await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.email).toBe(account.email);
    const listed = await http().get('/api/auth/tokens').set('Authorization', `Bearer ${token}`).expect(200);
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(token.slice(4, 20));
    expect(JSON.stringify(listed.body)).not.toMatch(/hash/i);

    await http().delete(`/api/auth/tokens/${created.body.id}`).set('Authorization', `Bearer ${token}`).expect(204);
    await http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    await http().get('/api/auth/me').set('Authorization', 'Bearer ort_forged').expect(401);
  });

  it('resets a password through a single-use Russian e-mail link and signs out old sessions', async () => {
    const account = await createAccount(apps, [
      { role: 'curator', scopeKind: 'school', scopeValue: '00000000-0000-4000-8000-000000000001' },
    ]);
    const oldLogin = await http()
      .post('/api/auth/login')
      .send({ email: account.email, password: account.password })
      .expect(200);
    const oldCookie = `orientir_session=${cookieValue(cookiesOf(oldLogin).orientir_session)}`;

    const asked = await http().post('/api/auth/password-reset').send({ email: account.email }).expect(202);
    const unknown = await http().post('/api/auth/password-reset').send({ email: 'nobody@example.ru' }).expect(202);
    expect(asked.body).toEqual(unknown.body);

    const letter = await eventually<CaughtMail>('the reset e-mail', async () =>
      (await mail().list()).find((m) => m.to.some((t) => t.address === account.email)),
    );
    expect(letter.subject).toBe('Ориентир: восстановление пароля');
    expect(letter.text).toContain('60 минут');
    const token = decodeURIComponent(/token=([^\s&"]+)/.exec(letter.text)![1]);
    expect(token).toMatch(/^orr_/);
    const stored = await db.query(
      'SELECT token_hash, extract(epoch FROM expires_at - created_at)::float AS ttl FROM password_resets WHERE user_id = $1',
      [account.userId],
    );
    expect(stored.rows[0].token_hash).toBe(hashToken(token));
    expect(Math.abs(stored.rows[0].ttl - 3600)).toBeLessThan(5); // one hour
    const outbox = await db.query('SELECT count(*)::int AS n FROM mail_outbox WHERE text_body LIKE $1', [`%${token}%`]);
    expect(outbox.rows[0].n).toBe(0);

    const weak = await http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'короткий' })
      .expect(400);
    expect(weak.body.details).toEqual(['password: пароль должен содержать не менее 10 символов']);
    await http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'новый-надежный-пароль' })
      .expect(200);
    const again = await http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'еще-один-пароль-123' })
      .expect(400);
    expect(again.body.error).toBe('INVALID_RESET_TOKEN');

    await http().get('/api/auth/me').set('Cookie', oldCookie).expect(401);
    await http().post('/api/auth/login').send({ email: account.email, password: account.password }).expect(401);
    await http().post('/api/auth/login').send({ email: account.email, password: 'новый-надежный-пароль' }).expect(200);
  });

  it('creates the first administrator from the command line, password on stdin', async () => {
    const email = `first-admin-${Date.now()}@example.ru`;
    const out: string[] = [];
    const io = {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => out.push(s) },
    } as never;
    await runCreateAdmin({ email, passwordStdin: true, name: 'Первый администратор' }, io, {
      env: { DATABASE_URL: testEnv('databaseUrl') },
      readStdin: async () => 'очень-секретный-пароль\n',
    });
    expect(out.join('')).toBe(`Администратор ${email} создан.\n`);
    const login = await http().post('/api/auth/login').send({ email, password: 'очень-секретный-пароль' }).expect(200);
    expect(login.body.user.grants).toEqual([{ role: 'admin', scopeKind: 'global', scopeValue: null }]);
    await expect(
      runCreateAdmin({ email, passwordStdin: true }, io, {
        env: { DATABASE_URL: testEnv('databaseUrl') },
        readStdin: async () => 'short',
      }),
    ).rejects.toThrow(/не менее 10/);
  });

  it('sends security headers', async () => {
    const res = await http().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  // Last: it spends this app's login budget.
  it('rate-limits login attempts from one address with a Russian 429', async () => {
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 12 && !statuses.includes(429); i++) {
      last = await http()
        .post('/api/auth/login')
        .send({ email: 'brute@example.ru', password: `попытка-${i}` });
      statuses.push(last.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(JSON.stringify(last!.body)).toContain('Слишком много попыток');
  });
});
