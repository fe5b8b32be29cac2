import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { MAX_JSON_DEPTH, capProblems, controlCharacterPaths, jsonDepthExceeds } from './payload-guards.util';
import { RequestErrorCode, RequestException, validationFailed } from './request.exception';

/**
 * Sized to the largest real payloads (a cycle of 3,000 schools, a roadmap of 300 events with their
 * texts, about 2 MB of JSON) with room to spare; larger bodies are refused before they are parsed.
 */
export const JSON_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * The routes that create a cycle take one request for a whole region's launch: 3,000 schools with
 * names, e-mails and curators and 60 events with their executors come to about 3 MB, and names may be
 * long, so these two routes (only) accept up to 16 MB.
 */
export const CYCLE_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
const CYCLE_ROUTES = [/^\/api\/cycles\/?$/, /^\/api\/roadmaps\/[^/]+\/cycles\/?$/];

class TooDeepError extends Error {}

function translate(error: unknown, limit: number): RequestException {
  if (error instanceof TooDeepError) {
    return validationFailed(`Слишком глубокая вложенность JSON: допустимо не более ${MAX_JSON_DEPTH} уровней`);
  }
  switch (String((error as { type?: unknown }).type)) {
    case 'entity.too.large':
      return new RequestException(
        RequestErrorCode.PAYLOAD_TOO_LARGE,
        `Тело запроса слишком большое: допустимо не более ${limit / (1024 * 1024)} МБ`,
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new RequestException(
        RequestErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Неподдерживаемая кодировка тела запроса: используйте UTF-8',
      );
    case 'entity.parse.failed':
      return new RequestException(RequestErrorCode.MALFORMED_BODY, 'Тело запроса не является корректным JSON');
    default:
      return new RequestException(RequestErrorCode.MALFORMED_BODY, 'Тело запроса не удалось прочитать');
  }
}

/** Wraps a body-parser so its English errors become the API's Russian ones. */
function translated(parser: RequestHandler, limit: number): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    void parser(req, res, (error?: unknown) => next(error ? translate(error, limit) : undefined));
  };
}

const verifyDepth = (_req: unknown, _res: unknown, body: Buffer) => {
  if (jsonDepthExceeds(body.toString('utf8'), MAX_JSON_DEPTH)) throw new TooDeepError();
};

// Named like Nest's own parsers, so Nest does not register its 100 KB defaults after these.
const json = translated(express.json({ limit: JSON_BODY_LIMIT_BYTES, verify: verifyDepth }), JSON_BODY_LIMIT_BYTES);
const cycleJson = translated(
  express.json({ limit: CYCLE_BODY_LIMIT_BYTES, verify: verifyDepth }),
  CYCLE_BODY_LIMIT_BYTES,
);
const urlencoded = translated(
  express.urlencoded({ extended: false, limit: JSON_BODY_LIMIT_BYTES }),
  JSON_BODY_LIMIT_BYTES,
);

export function jsonParser(req: Request, res: Response, next: NextFunction): void {
  if (req.method === 'POST' && CYCLE_ROUTES.some((route) => route.test(req.path))) cycleJson(req, res, next);
  else json(req, res, next);
}

export function urlencodedParser(req: Request, res: Response, next: NextFunction): void {
  urlencoded(req, res, next);
}

/**
 * The one place control characters are refused: every text field of every JSON body and query
 * string passes here, so no NUL reaches PostgreSQL (which refuses it) or a workflow's history.
 */
export function rejectControlCharacters(req: Request, _res: Response, next: NextFunction): void {
  const found = [...controlCharacterPaths(req.body), ...controlCharacterPaths(req.query).map((p) => `параметр ${p}`)];
  if (!found.length) return next();
  next(
    validationFailed(
      'Текст содержит недопустимые управляющие символы (например, NUL)',
      capProblems(found.map((path) => `${path}: недопустимый управляющий символ`)),
    ),
  );
}
