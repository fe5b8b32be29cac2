// Russian number words 1..20 in every case, cardinal and ordinal
// («одного», «двух», «трёх», «первый», «третьей»), as written in indicators and periods.

/** Cardinal numbers with irregular declension. */
const IRREGULAR_CARDINALS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^од(ин|ного|ному|ним|ном|на|ной|ну|но|ни|них|ними)$/, 1],
  [/^(два|две|двух|двум|двумя)$/, 2],
  [/^(три|трех|трем|тремя)$/, 3],
  [/^(четыре|четырех|четырем|четырьмя)$/, 4],
  [/^(восемь|восьми|восемью|восьмью)$/, 8],
];

/** Cardinals 5..20 (except 8): nominative ends in «ь», oblique cases in «и» / «ью». */
const SOFT_CARDINALS: ReadonlyArray<readonly [string, number]> = [
  ['пят', 5],
  ['шест', 6],
  ['сем', 7],
  ['девят', 9],
  ['десят', 10],
  ['одиннадцат', 11],
  ['двенадцат', 12],
  ['тринадцат', 13],
  ['четырнадцат', 14],
  ['пятнадцат', 15],
  ['шестнадцат', 16],
  ['семнадцат', 17],
  ['восемнадцат', 18],
  ['девятнадцат', 19],
  ['двадцат', 20],
];

const ORDINAL_STEMS: ReadonlyArray<readonly [string, number]> = [
  ['перв', 1],
  ['втор', 2],
  ['треть', 3],
  ['четверт', 4],
  ['пят', 5],
  ['шест', 6],
  ['седьм', 7],
  ['восьм', 8],
  ['девят', 9],
  ['десят', 10],
  ['одиннадцат', 11],
  ['двенадцат', 12],
  ['тринадцат', 13],
  ['четырнадцат', 14],
  ['пятнадцат', 15],
  ['шестнадцат', 16],
  ['семнадцат', 17],
  ['восемнадцат', 18],
  ['девятнадцат', 19],
  ['двадцат', 20],
];
const ADJECTIVE_ENDINGS = /^(ый|ой|ий|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ей|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими)$/;

export function cardinalWordValue(word: string): number | null {
  for (const [pattern, value] of IRREGULAR_CARDINALS) {
    if (pattern.test(word)) return value;
  }
  for (const [stem, value] of SOFT_CARDINALS) {
    if (word.startsWith(stem) && ['ь', 'и', 'ью'].includes(word.slice(stem.length))) return value;
  }
  return null;
}

export function ordinalWordValue(word: string): number | null {
  // «третий» is the one ordinal whose nominative drops the soft sign of its stem.
  if (/^трет(ий|ья|ье|ьи)$/.test(word)) return 3;
  for (const [stem, value] of ORDINAL_STEMS) {
    if (word.startsWith(stem) && ADJECTIVE_ENDINGS.test(word.slice(stem.length))) return value;
  }
  return null;
}

/** Cardinal or ordinal number word, lower-case and «ё»-normalised; null otherwise. */
export function numberWordValue(word: string): number | null {
  return cardinalWordValue(word) ?? ordinalWordValue(word);
}
