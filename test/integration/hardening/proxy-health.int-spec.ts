import request from 'supertest';
import { Client as PgClient } from 'pg';
import { ADMIN, clientWith } from '../../support/auth-clients';
import { startOrientirApps, type OrientirApps } from '../../support/orientir-apps';
import { testEnv } from '../../setup/test-infrastructure';

describe('behind a proxy, and a health check that tells strangers nothing', () => {
  let apps: OrientirApps;
  let db: PgClient;
  const http = () => request(apps.api.getHttpServer());

  beforeAll(async () => {
    // A trusted proxy on loopback, and an SMTP server that is down.
    apps = await startOrientirApps({ TRUST_PROXY: 'loopback', SMTP_URL: 'smtp://127.0.0.1:9' });
    db = new PgClient({ connectionString: testEnv('databaseUrl') });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await apps?.close();
  });

  it('limits logins per client address from X-Forwarded-For and audits that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.7')
        .send({ email: 'proxy-brute@example.ru', password: `попытка-${i}` });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    // Another person behind the same proxy still gets to try.
    await http()
      .post('/api/auth/login')
      .set('X-Forwarded-For', '198.51.100.23')
      .send({ email: 'proxy-other@example.ru', password: 'не тот пароль' })
      .expect(401);
    const rows = await db.query(`SELECT ip FROM audit_log WHERE action = 'auth.login' AND actor_email = $1`, [
      'proxy-other@example.ru',
    ]);
    expect(rows.rows).toEqual([{ ip: '198.51.100.23' }]);
  });

  it('answers anonymous readiness and liveness without details; the details are for admins', async () => {
    await http().get('/api/health/live').expect(200, { status: 'ok' });
    const ready = await http().get('/api/health').expect(503);
    expect(ready.body).toEqual({
      error: 'SERVICE_UNAVAILABLE',
      message: 'Сервис временно недоступен. Повторите попытку позже',
      details: [],
    });
    await http().get('/api/health/details').expect(401);
    const admin = await clientWith(apps, ADMIN);
    const details = await admin.get('/api/health/details').expect(503);
    expect(JSON.stringify(details.body.details)).toMatch(/smtp/);
  });
});
