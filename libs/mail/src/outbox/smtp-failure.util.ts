// Which SMTP failures are worth retrying. A 5xx about this message or recipient (550 no such user,
// 553 bad address, 552 …) is permanent: retrying cannot help and must not block anything. Connection
// trouble, timeouts and 4xx answers are transient. A 5xx about our own login (535 …) is our
// configuration, not the recipient's fault: retried (and logged) until the retry time runs out.

export type DeliveryFailureKind = 'permanent' | 'transient';

export interface DeliveryFailure {
  kind: DeliveryFailureKind;
  /** What the coordinator reads, in Russian, with the server's own answer when there is one. */
  reason: string;
}

interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

const AUTH_CODES = new Set([530, 534, 535, 538]);

export function classifySmtpFailure(error: unknown): DeliveryFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpErrorLike;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const serverText = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (
    responseCode !== null &&
    responseCode >= 500 &&
    responseCode < 600 &&
    !AUTH_CODES.has(responseCode) &&
    code !== 'EAUTH'
  )
    return { kind: 'permanent', reason: `Почтовый сервер отказал в доставке: ${serverText}`.trim() };
  if (code === 'EENVELOPE' && responseCode === null)
    return { kind: 'permanent', reason: `Некорректный адрес получателя: ${serverText}`.trim() };
  if (responseCode !== null && responseCode >= 400 && responseCode < 500)
    return { kind: 'transient', reason: `Почтовый сервер временно отказал: ${serverText}`.trim() };
  return { kind: 'transient', reason: `Почтовый сервер недоступен: ${serverText || code || 'нет ответа'}`.trim() };
}

// A pragmatic check (RFC 5321 lengths, one @, a dotted domain, no spaces or brackets): what the
// coordinator mistyped, not every oddity an MTA might accept.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

/** Why an address cannot be used at all, in Russian, or null when it looks deliverable. */
export function addressProblem(address: string): string | null {
  if (address.length > 254 || !ADDRESS.test(address) || address.split('@')[0].length > 64)
    return `Некорректный адрес получателя «${address}»`;
  return null;
}
