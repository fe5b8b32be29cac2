import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * A multipart upload in the OpenAPI contract: the `file` part (binary, described) and any further
 * form fields. `required: false` for routes whose interceptor reports a missing file itself.
 */
export function ApiUploadBody(o: {
  file?: string;
  fields?: Record<string, SchemaObject>;
  required?: boolean;
}): MethodDecorator {
  const file: SchemaObject = { type: 'string', format: 'binary', ...(o.file ? { description: o.file } : {}) };
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        ...(o.required === false ? {} : { required: ['file'] }),
        properties: { file, ...o.fields },
      },
    }),
  );
}
