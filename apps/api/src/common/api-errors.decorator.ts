import { SetMetadata } from '@nestjs/common';
import type { ErrorCode } from './error-responses.util';

export const API_ERRORS = 'orientir:api-errors';

/**
 * The domain error codes a route can answer with (beyond what its access rule, validation and the
 * server itself add); the OpenAPI document lists them under the statuses ERROR_STATUS gives them.
 */
export const ApiErrors = (...codes: ErrorCode[]): MethodDecorator => SetMetadata(API_ERRORS, codes);
