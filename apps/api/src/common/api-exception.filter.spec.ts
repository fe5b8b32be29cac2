import { BadRequestException, HttpStatus, type ArgumentsHost } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { RoadmapImportErrorCode, RoadmapImportException } from '@orientir/roadmap-import';
import type { AuditService } from '../audit/audit.service';
import { AuthErrorCode, AuthException } from '../auth/auth.exception';
import { ApiExceptionFilter } from './api-exception.filter';
import { ERROR_STATUS } from './error-responses.util';

function answer(exception: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
    setHeader(name: string, value: string) {
      sent.headers[name] = value;
    },
  };
  const request = { method: 'POST', path: '/api/x', originalUrl: '/api/x', params: {}, get: () => undefined };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  const recorded: unknown[] = [];
  const audit = {
    record: async (_actor: unknown, event: unknown) => void recorded.push(event),
  } as unknown as AuditService;
  return { sent, recorded, done: new ApiExceptionFilter(audit).catch(exception, host) };
}

describe('ApiExceptionFilter', () => {
  it('writes a domain exception with the status of its code, and audits denials', async () => {
    const { sent, recorded, done } = answer(new AuthException(AuthErrorCode.OUT_OF_SCOPE, 'Нет доступа', ['x']));
    await done;
    expect(sent).toMatchObject({
      status: 403,
      body: { error: 'OUT_OF_SCOPE', message: 'Нет доступа', details: ['x'] },
    });
    expect(recorded).toEqual([
      expect.objectContaining({ outcome: 'denied', details: expect.objectContaining({ code: 'OUT_OF_SCOPE' }) }),
    ]);
  });

  it('keeps the import library’s structured details', async () => {
    const error = new RoadmapImportException(RoadmapImportErrorCode.NOT_A_ROADMAP, 'Не дорожная карта', { row: '3' });
    const { sent, recorded, done } = answer(error);
    await done;
    expect(sent).toMatchObject({ status: 422, body: { error: 'NOT_A_ROADMAP', details: { row: '3' } } });
    expect(recorded).toEqual([]);
  });

  it('answers framework errors in Russian and hides unexpected ones behind INTERNAL_ERROR', async () => {
    const throttled = answer(new ThrottlerException());
    await throttled.done;
    expect(throttled.sent).toMatchObject({
      status: 429,
      body: { error: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/попыток/) },
    });

    const legacy = answer(
      new BadRequestException({ error: 'VALIDATION_FAILED', message: 'Поле x', details: ['x: …'] }),
    );
    await legacy.done;
    expect(legacy.sent).toMatchObject({
      status: 400,
      body: { error: 'VALIDATION_FAILED', message: 'Поле x', details: ['x: …'] },
    });

    const crash = answer(new TypeError('secret internals'));
    await crash.done;
    expect(crash.sent).toMatchObject({ status: 500, body: { error: 'INTERNAL_ERROR', details: [] } });
    expect(JSON.stringify(crash.sent.body)).not.toContain('secret');
  });

  it('has a status for every code, and only error statuses', () => {
    for (const status of Object.values(ERROR_STATUS)) expect(status).toBeGreaterThanOrEqual(HttpStatus.BAD_REQUEST);
  });
});
