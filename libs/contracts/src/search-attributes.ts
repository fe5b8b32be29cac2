// Custom search attributes so the Temporal UI can filter by cycle, municipality, school and stage.
// The dev server registers them at start (infra/temporal/start-temporal.sh reads this list via the stack).
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const CycleIdAttribute = defineSearchAttributeKey('OrientirCycleId', SearchAttributeType.KEYWORD);
export const MunicipalityAttribute = defineSearchAttributeKey('OrientirMunicipality', SearchAttributeType.KEYWORD);
export const SchoolIdAttribute = defineSearchAttributeKey('OrientirSchoolId', SearchAttributeType.KEYWORD);
export const StageAttribute = defineSearchAttributeKey('OrientirStage', SearchAttributeType.KEYWORD);

/** Name → Temporal CLI type, for `temporal server start-dev --search-attribute`. */
export const SEARCH_ATTRIBUTE_DEFINITIONS: Record<string, 'Keyword'> = {
  [CycleIdAttribute.name]: 'Keyword',
  [MunicipalityAttribute.name]: 'Keyword',
  [SchoolIdAttribute.name]: 'Keyword',
  [StageAttribute.name]: 'Keyword',
};
