import { ConfigValidationError, loadAppConfig } from './app-config';

const valid = { DATABASE_URL: 'postgres://u:secret@localhost:5432/db', SMTP_URL: 'smtp://localhost:1025' };

describe('loadAppConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadAppConfig(valid);
    expect(config.api.port).toBe(3000);
    expect(config.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'orientir' });
    expect(config.reminders.daysBefore).toEqual([7, 1]);
  });

  it('lists every bad variable by name, without leaking passwords', () => {
    let caught: unknown;
    try {
      loadAppConfig({ ...valid, DATABASE_URL: 'mysql://u:secret@h/db', API_PORT: '99999', SMTP_URL: undefined });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    const problems = (caught as ConfigValidationError).problems.join('\n');
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^API_PORT: /m);
    expect(problems).toMatch(/^SMTP_URL: .*not set/m);
    expect(problems).not.toContain('secret');
  });

  it('rejects malformed reminder offsets', () => {
    expect(() => loadAppConfig({ ...valid, REMINDER_DAYS_BEFORE: '7,zero' })).toThrow(/REMINDER_DAYS_BEFORE/);
  });
});
