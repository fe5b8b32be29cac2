/** Russian plural form: plural(5, ['школа', 'школы', 'школ']) → 'школ'. */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const abs = Math.abs(n) % 100;
  const last = abs % 10;
  if (abs > 10 && abs < 20) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** «43 школы», «1 мероприятие». */
export function count(n: number, forms: readonly [string, string, string]): string {
  return `${n.toLocaleString('ru-RU')} ${plural(n, forms)}`;
}
