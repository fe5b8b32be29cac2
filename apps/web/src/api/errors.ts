// Turns any API failure into the Russian text a person sees.

export interface ApiErrorBody {
  error?: string;
  message?: string | string[];
  details?: string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: string[] = [],
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BY_STATUS: Record<number, string> = {
  401: 'Сеанс истек: войдите снова',
  403: 'Недостаточно прав для этого действия',
  404: 'Не найдено',
  409: 'Действие отклонено',
  413: 'Файл слишком большой',
  429: 'Слишком много попыток, подождите минуту',
  503: 'Сервис временно недоступен, повторите позже',
};

/** Reads the API's `{ error, message, details }` body; falls back to a Russian text by status. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (body && typeof body === 'object' ? body : {}) as ApiErrorBody;
  const message = Array.isArray(b.message) ? b.message.join('; ') : b.message;
  const details = Array.isArray(b.details) ? b.details.filter((d) => typeof d === 'string') : [];
  return new ApiError(status, message || BY_STATUS[status] || `Ошибка ${status}`, details, b.error);
}

/** The payload of a successful openapi-fetch call, or an ApiError thrown for TanStack Query. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, 'Нет связи с сервером. Проверьте сеть и повторите.');
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Неизвестная ошибка';
}
