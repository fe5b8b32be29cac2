import type { MailMessage, MailSender } from '../mail-sender.port';
import { OutboxDispatcher, type DispatchItem, type OutboxQueuePort } from './outbox-dispatcher';
import { RateLimiter } from './rate-limiter.util';
import { addressProblem, classifySmtpFailure } from './smtp-failure.util';

type Row = DispatchItem & { status: string; nextAttemptAt: number; lockedUntil: number; lastError: string | null };

/** The outbox table's rules in memory: due rows and expired leases are claimed; outcomes recorded. */
class MemoryQueue implements OutboxQueuePort {
  rows: Row[] = [];
  loseNextSentMark = false;
  add(id: string, to: string, createdAt = 0): void {
    this.rows.push({
      id,
      recipients: [to],
      subject: 'S',
      textBody: 'T',
      htmlBody: 'H',
      headers: {},
      attachments: [],
      messageId: '',
      attempts: 0,
      createdAt: new Date(createdAt),
      status: 'pending',
      nextAttemptAt: createdAt,
      lockedUntil: 0,
      lastError: null,
    });
  }
  async claimDue(limit: number, now: Date, leaseMs: number, domain: string): Promise<DispatchItem[]> {
    const t = now.getTime();
    const due = this.rows
      .filter(
        (r) =>
          ((r.status === 'pending' || r.status === 'failed') && r.nextAttemptAt <= t) ||
          (r.status === 'sending' && r.lockedUntil < t),
      )
      .slice(0, limit);
    for (const r of due) {
      r.status = 'sending';
      r.attempts += 1;
      r.lockedUntil = t + leaseMs;
      r.messageId ||= `<${r.id}@${domain}>`;
    }
    return due.map((r) => ({ ...r }));
  }
  async markSent(id: string): Promise<void> {
    if (this.loseNextSentMark) {
      this.loseNextSentMark = false; // the process "died" after the SMTP server accepted
      return;
    }
    this.row(id).status = 'sent';
  }
  async markFailed(id: string, error: string, retryAt: Date): Promise<void> {
    Object.assign(this.row(id), { status: 'failed', lastError: error, nextAttemptAt: retryAt.getTime() });
  }
  async markUndeliverable(id: string, error: string): Promise<void> {
    Object.assign(this.row(id), { status: 'undeliverable', lastError: error });
  }
  row(id: string): Row {
    return this.rows.find((r) => r.id === id)!;
  }
}

class ScriptedSender implements MailSender {
  sent: MailMessage[] = [];
  down = false;
  async send(m: MailMessage) {
    if (this.down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' });
    if (m.to[0].startsWith('gone'))
      throw Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 unknown"), {
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 unknown',
      });
    if (m.to[0].startsWith('busy'))
      throw Object.assign(new Error('451 try later'), {
        code: 'EENVELOPE',
        responseCode: 451,
        response: '451 try later',
      });
    this.sent.push(m);
    return { messageId: m.messageId ?? '' };
  }
  async verify() {}
  close() {}
}

function setup(now: { t: number }, overrides: Partial<ConstructorParameters<typeof OutboxDispatcher>[2]> = {}) {
  const queue = new MemoryQueue();
  const sender = new ScriptedSender();
  const dispatcher = new OutboxDispatcher(queue, sender, {
    concurrency: 3,
    ratePerSecond: 0,
    messageIdDomain: 'orientir.test',
    maxAgeMs: 72 * 3_600_000,
    leaseMs: 60_000,
    clock: () => new Date(now.t),
    ...overrides,
  });
  return { queue, sender, dispatcher };
}

describe('OutboxDispatcher', () => {
  it('sends each due message once, with its stable Message-ID', async () => {
    const now = { t: 1_000 };
    const { queue, sender, dispatcher } = setup(now);
    for (let i = 0; i < 7; i++) queue.add(`m${i}`, `p${i}@school.test`);
    expect(await dispatcher.drainOnce()).toBe(7);
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(sender.sent.map((m) => m.messageId).sort()).toEqual(
      [...Array(7).keys()].map((i) => `<m${i}@orientir.test>`),
    );
  });

  it('retries a transient failure with doubling backoff and gives up after the retry time', async () => {
    const now = { t: 0 };
    const { queue, sender, dispatcher } = setup(now, {
      initialBackoffMs: 1_000_000,
      maxBackoffMs: 4_000_000,
      maxAgeMs: 3 * 3_600_000,
    });
    queue.add('m', 'p@school.test');
    sender.down = true;
    const retries: number[] = [];
    while (queue.row('m').status !== 'undeliverable') {
      await dispatcher.drainOnce();
      if (queue.row('m').status === 'failed') retries.push(queue.row('m').nextAttemptAt - now.t);
      now.t = queue.row('m').nextAttemptAt;
    }
    expect(retries).toEqual([1_000_000, 2_000_000, 4_000_000, 4_000_000]);
    expect(queue.row('m').lastError).toMatch(/^Не доставлено за 3 ч: Почтовый сервер недоступен/);
    expect(sender.sent).toHaveLength(0);
  });

  it('marks a 5xx recipient undeliverable without a retry; a 4xx is retried', async () => {
    const now = { t: 0 };
    const { queue, dispatcher } = setup(now);
    queue.add('gone', 'gone@school.test');
    queue.add('busy', 'busy@school.test');
    queue.add('ok', 'ok@school.test');
    await dispatcher.drainOnce();
    expect(queue.row('gone')).toMatchObject({ status: 'undeliverable', attempts: 1 });
    expect(queue.row('gone').lastError).toBe('Почтовый сервер отказал в доставке: 550 5.1.1 unknown');
    expect(queue.row('busy').status).toBe('failed');
    expect(queue.row('ok').status).toBe('sent');
    now.t += 3_600_000;
    await dispatcher.drainOnce();
    expect(queue.row('gone').attempts).toBe(1);
  });

  it('after a crash between SMTP acceptance and «sent», resends only once the lease ran out, with the same Message-ID', async () => {
    const now = { t: 0 };
    const { queue, sender, dispatcher } = setup(now);
    queue.add('m', 'p@school.test');
    queue.loseNextSentMark = true;
    await dispatcher.drainOnce();
    expect(queue.row('m').status).toBe('sending');
    now.t += 59_000;
    expect(await dispatcher.drainOnce()).toBe(0); // still leased
    now.t += 2_000;
    await dispatcher.drainOnce();
    expect(queue.row('m').status).toBe('sent');
    expect(sender.sent.map((m) => m.messageId)).toEqual(['<m@orientir.test>', '<m@orientir.test>']);
  });

  it('keeps at most `concurrency` sends in flight', async () => {
    const now = { t: 0 };
    const queue = new MemoryQueue();
    let inflight = 0;
    let peak = 0;
    const slow: MailSender = {
      async send(m) {
        peak = Math.max(peak, ++inflight);
        await new Promise((r) => setTimeout(r, 5));
        inflight -= 1;
        return { messageId: m.messageId ?? '' };
      },
      async verify() {},
      close() {},
    };
    for (let i = 0; i < 20; i++) queue.add(`m${i}`, `p${i}@school.test`);
    const d = new OutboxDispatcher(queue, slow, {
      concurrency: 4,
      ratePerSecond: 0,
      messageIdDomain: 'x',
      maxAgeMs: 1,
      clock: () => new Date(now.t),
    });
    await d.drainOnce();
    expect(peak).toBe(4);
    expect(queue.rows.every((r) => r.status === 'sent')).toBe(true);
  });
});

describe('RateLimiter', () => {
  it('spaces calls to the rate', async () => {
    let t = 0;
    const waits: number[] = [];
    const limiter = new RateLimiter(
      10,
      () => t,
      async (ms) => {
        waits.push(ms);
      },
    );
    for (let i = 0; i < 4; i++) await limiter.take();
    expect(waits).toEqual([100, 200, 300]);
    t = 1_000;
    await limiter.take();
    expect(waits).toHaveLength(3);
  });
});

describe('SMTP failures', () => {
  it('tells permanent from transient', () => {
    expect(classifySmtpFailure({ responseCode: 550, code: 'EENVELOPE', response: '550 no such user' }).kind).toBe(
      'permanent',
    );
    expect(classifySmtpFailure({ responseCode: 553, code: 'EENVELOPE', response: '553 bad address' }).kind).toBe(
      'permanent',
    );
    expect(classifySmtpFailure({ responseCode: 535, code: 'EAUTH', response: '535 auth failed' }).kind).toBe(
      'transient',
    );
    expect(classifySmtpFailure({ responseCode: 421, response: '421 busy' }).kind).toBe('transient');
    expect(classifySmtpFailure({ code: 'ETIMEDOUT', message: 'timeout' }).kind).toBe('transient');
    expect(classifySmtpFailure(new Error('boom')).reason).toBe('Почтовый сервер недоступен: boom');
  });

  it('refuses malformed addresses before any attempt', () => {
    expect(addressProblem('ivanova@school38.ru')).toBeNull();
    expect(addressProblem('Иванова@школа.рф')).toBeNull();
    for (const bad of ['ivanova', 'a@b', 'a b@c.ru', '<a@b.ru>', 'a@b.ru,c@d.ru'])
      expect(addressProblem(bad)).toBe(`Некорректный адрес получателя «${bad}»`);
  });
});
