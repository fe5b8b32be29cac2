import path from 'node:path';
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

describe('loadAppConfig: secrets and proxies', () => {
  it('never prints a URL it cannot parse, password and all', () => {
    let caught: unknown;
    try {
      loadAppConfig({
        ...valid,
        DATABASE_URL: 'postgres://orientir:pa#ss@db:5432/orientir',
        SMTP_URL: 'smtp:/x:y#z@h',
      });
    } catch (error) {
      caught = error;
    }
    const text = (caught as ConfigValidationError).message;
    expect(text).toMatch(/^ {2}- DATABASE_URL: .*postgres:\/\/… \(not shown: it may hold a password\)/m);
    expect(text).not.toMatch(/pa#ss|orientir:|y#z/);
  });

  it('reads TRUST_PROXY as Express does, refusing anything else', () => {
    expect(loadAppConfig(valid).api.trustProxy).toBe(false);
    expect(loadAppConfig({ ...valid, TRUST_PROXY: '1' }).api.trustProxy).toBe(1);
    expect(loadAppConfig({ ...valid, TRUST_PROXY: 'true' }).api.trustProxy).toBe(true);
    expect(loadAppConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).api.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => loadAppConfig({ ...valid, TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('serves one region, Irkutsk by default', () => {
    expect(loadAppConfig(valid).region).toBe('Иркутская область');
    expect(loadAppConfig({ ...valid, REGION: ' Красноярский край ' }).region).toBe('Красноярский край');
  });
});

describe('loadAppConfig: file storage folder', () => {
  it('keeps uploads under the data folder unless FILES_DIR names another writable folder', () => {
    expect(loadAppConfig(valid).files.dir).toBe(path.resolve('.data/files'));
    expect(loadAppConfig({ ...valid, ORIENTIR_DATA_DIR: '/tmp/orientir-data' }).files.dir).toBe(
      '/tmp/orientir-data/files',
    );
    // A folder that does not exist yet is fine when it can be created.
    expect(loadAppConfig({ ...valid, FILES_DIR: '/tmp/orientir-new/a/b' }).files.dir).toBe('/tmp/orientir-new/a/b');
  });

  it('refuses a FILES_DIR that is a file or cannot be created', () => {
    expect(() => loadAppConfig({ ...valid, FILES_DIR: '/etc/hostname' })).toThrow(/FILES_DIR: must be a folder/);
    expect(() => loadAppConfig({ ...valid, FILES_DIR: '/etc/hostname/files' })).toThrow(/FILES_DIR/);
  });
});
