// The canonical roadmap as a file: JSON or YAML, validated against the published JSON Schema
// (schema/roadmap.schema.json) on the way in, so an edited file is rejected with the field named.

import Ajv2020, { ErrorObject } from 'ajv/dist/2020';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CanonicalRoadmap } from '@orientir/domain';
import { RoadmapImportErrorCode, RoadmapImportException } from '../roadmap-import.exception';
import roadmapSchema from '../schema/roadmap.schema.json';

export type CanonicalFormat = 'json' | 'yaml';

// verbose: the offending value travels with the error, so the message can quote it.
const ajv = new Ajv2020({ allErrors: false, strict: true, verbose: true });
const validate = ajv.compile<CanonicalRoadmap>(roadmapSchema);

export { roadmapSchema };

export function exportRoadmap(roadmap: CanonicalRoadmap, format: CanonicalFormat): string {
  if (format === 'json') return `${JSON.stringify(roadmap, null, 2)}\n`;
  // Plain scalars only: no anchors/aliases, no folding that would change long Russian lines.
  return stringifyYaml(roadmap, { aliasDuplicateObjects: false, lineWidth: 0 });
}

export function importCanonical(text: string): CanonicalRoadmap {
  const value = parseDocument(text);
  if (!validate(value)) throw invalid(validate.errors ?? []);
  return value;
}

function parseDocument(text: string): unknown {
  const trimmed = text.replace(/^\ufeff/, '');
  if (/^\s*\{/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch (error: unknown) {
      throw new RoadmapImportException(
        RoadmapImportErrorCode.INVALID_CANONICAL,
        `Файл дорожной карты в формате JSON повреждён: ${error instanceof Error ? error.message : String(error)}`,
        {},
        { cause: error },
      );
    }
  }
  try {
    return parseYaml(trimmed) as unknown;
  } catch (error: unknown) {
    throw new RoadmapImportException(
      RoadmapImportErrorCode.INVALID_CANONICAL,
      `Файл дорожной карты в формате YAML повреждён: ${error instanceof Error ? error.message : String(error)}`,
      {},
      { cause: error },
    );
  }
}

function invalid(errors: ErrorObject[]): RoadmapImportException {
  const first = errors[0];
  const field = first ? fieldPath(first) : '/';
  const problem = first ? describe(first) : 'не соответствует схеме';
  const data: unknown =
    first?.keyword === 'required' || first?.keyword === 'additionalProperties' ? undefined : first?.data;
  const value = data === undefined ? undefined : JSON.stringify(data)?.slice(0, 200);
  const quoted = value !== undefined && (typeof data !== 'object' || data === null) ? ` (значение ${value})` : '';
  return new RoadmapImportException(
    RoadmapImportErrorCode.INVALID_CANONICAL,
    `Файл дорожной карты не соответствует схеме roadmap.schema.json: поле «${field}» ${problem}${quoted}.`,
    { field, value },
  );
}

function fieldPath(error: ErrorObject): string {
  const base = error.instancePath === '' ? '' : error.instancePath;
  if (error.keyword === 'required') return `${base}/${String(error.params.missingProperty)}`;
  if (error.keyword === 'additionalProperties') return `${base}/${String(error.params.additionalProperty)}`;
  return base === '' ? '/' : base;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'обязательно, но отсутствует';
    case 'additionalProperties':
      return 'не предусмотрено схемой';
    case 'type':
      return `должно иметь тип ${String(error.params.type)}`;
    case 'enum':
      return `должно быть одним из: ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'pattern':
      return 'должно быть датой в формате ГГГГ-ММ-ДД';
    default:
      return `не соответствует схеме (${error.message ?? error.keyword})`;
  }
}
