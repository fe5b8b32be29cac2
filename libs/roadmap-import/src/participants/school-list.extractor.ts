// Orders list their participant schools in running text:
//   "Участники проекта ... с низкими образовательными результатами: МБОУ г. Иркутска ООШ № 8,
//    МБОУ г. Иркутска СОШ № 18, 22, 27, МБОУ г. Иркутска ЦО № 10. (8 общеобразовательных организаций)"
// A lead-in naming the category, a colon, then schools separated by commas, where a bare number
// repeats the previous school's name with another number.

import { RoadmapSchool } from '@orientir/domain';
import { detectSchoolCategory } from './school-category.util';

const LEAD_IN_NAMES_PARTICIPANTS = /(участник|школ|организаци|(?<!\p{L})(оо|оу|шнор|шнсу)(?!\p{L})|зон\p{L}*\s+риск)/iu;
const LOOKS_LIKE_SCHOOL =
  /((?<!\p{L})(сош|оош|нош|мбоу|маоу|мкоу|моу|гбоу|гоу|чоу|оу|оо|цо)(?!\p{L})|школ|гимнази|лице[йя]|центр образования|кадетск)/iu;
const BARE_NUMBER = /^(№\s*)?(\d+[а-я]?)$/iu;
const TRAILING_NUMBER = /^(.*?\D)(\d+[а-я]?)$/iu;
// A sentence ends after a number, a closing quote or a real word, never after "г." or "им.".
const SENTENCE_END = /(?<=[\d»"]|\p{L}{3,})\.\s*(?=\(|\p{Lu}|$)|\s\(/u;

export function extractSchoolLists(paragraphs: string[]): RoadmapSchool[] {
  const text = paragraphs.join(' ');
  const schools: RoadmapSchool[] = numberedLists(paragraphs);
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    const category = detectSchoolCategory(leadIn(text, colon));
    if (category === null || !LEAD_IN_NAMES_PARTICIPANTS.test(leadIn(text, colon))) continue;
    for (const name of listAfter(text, colon)) {
      if (!schools.some((school) => school.name === name))
        schools.push({ name, category, municipality: null, emails: [] });
    }
  }
  return schools;
}

const LIST_ITEM = /^\s*\d{1,3}[.)]\s+(.+)$/u;

/** «Список ШНОР:» followed by one numbered paragraph per school («1. МКОУ «Тангуйская СОШ»»). */
function numberedLists(paragraphs: string[]): RoadmapSchool[] {
  const schools: RoadmapSchool[] = [];
  paragraphs.forEach((lead, index) => {
    if (!lead.trim().endsWith(':') || !LEAD_IN_NAMES_PARTICIPANTS.test(lead)) return;
    const category = detectSchoolCategory(lead);
    if (category === null) return;
    for (const paragraph of paragraphs.slice(index + 1)) {
      const item = LIST_ITEM.exec(paragraph);
      if (item === null || !LOOKS_LIKE_SCHOOL.test(item[1])) break;
      const name = item[1].replace(/[;,.]\s*$/, '').trim();
      if (!schools.some((school) => school.name === name))
        schools.push({ name, category, municipality: null, emails: [] });
    }
  });
  return schools;
}

/** The words before the colon, back to the previous sentence or list. */
function leadIn(text: string, colon: number): string {
  const before = text.slice(Math.max(0, colon - 250), colon);
  const boundary = Math.max(before.lastIndexOf(':'), before.lastIndexOf(')'), lastSentenceEnd(before));
  return before.slice(boundary + 1).trim();
}

function lastSentenceEnd(text: string): number {
  let last = -1;
  const pattern = /(?<=\p{L}{3,}|\d)\.\s+(?=\p{Lu})/gu;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) last = match.index;
  return last;
}

function listAfter(text: string, colon: number): string[] {
  const rest = text.slice(colon + 1, colon + 1 + 5000);
  const endMatch = SENTENCE_END.exec(rest);
  const nextColon = rest.indexOf(':');
  const end = Math.min(endMatch ? endMatch.index : rest.length, nextColon >= 0 ? nextColon : rest.length);
  const names: string[] = [];
  let template: string | null = null;
  for (const raw of rest.slice(0, end).split(/[,;]|\sи\s(?=\p{Lu})/u)) {
    const item = raw.replace(/\s+/g, ' ').trim();
    if (item === '') continue;
    const bare = BARE_NUMBER.exec(item);
    if (bare && template !== null) {
      names.push(`${template}${bare[2]}`);
      continue;
    }
    if (!LOOKS_LIKE_SCHOOL.test(item)) break;
    names.push(item);
    const trailing = TRAILING_NUMBER.exec(item);
    template = trailing ? trailing[1] : null;
  }
  return names;
}
