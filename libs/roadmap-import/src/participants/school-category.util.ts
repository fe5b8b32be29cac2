// ШНОР, зона риска, ШНСУ as coordinators write them in a category cell or a list's lead-in.

import { SchoolCategory } from '@orientir/domain';

export function detectSchoolCategory(text: string): SchoolCategory | null {
  const normalized = text.toLowerCase().replace(/ё/g, 'е');
  // "в зоне риска по низким образовательным результатам" names both: the risk zone wins.
  if (/зон\p{L}*\s+риск|риск/u.test(normalized)) return 'risk_zone';
  if (/шнсу|неблагоприятн\p{L}*\s+социальн|сложн\p{L}*\s+социальн/u.test(normalized)) return 'shnsu';
  if (/шнор|(?<!\p{L})нор(?!\p{L})|низк\p{L}*\s+(образовательн|результат)|низкими\s+результат/u.test(normalized))
    return 'shnor';
  return null;
}
