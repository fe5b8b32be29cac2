// The concept documents a school uploads, each under a stable `purpose` (the file's purpose field):
// the development concept, the medium-term programme, and one anti-risk programme per confirmed
// risk direction (issue 11). The workflow computes the required set; this names the base ones.
export interface RequiredDocument {
  purpose: string;
  title: string;
}

export const BASE_DOCUMENTS: readonly RequiredDocument[] = [
  { purpose: 'concept', title: 'Концепция развития' },
  { purpose: 'programme', title: 'Среднесрочная программа развития' },
];

export function antiRiskDocument(directionId: string, directionTitle: string): RequiredDocument {
  return { purpose: `anti_risk:${directionId}`, title: `Антирисковая программа: ${directionTitle.toLowerCase()}` };
}
