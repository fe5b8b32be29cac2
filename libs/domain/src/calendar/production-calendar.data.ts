// The Russian production calendar (производственный календарь) for 2023–2027 as data, in the
// shape of the common xmlcalendar files: only the days that differ from the Mon–Fri rule, as MM-DD.
// `dayOff`: non-working days (public holidays, also those on a weekend, and days off moved onto a
// weekday by Labour Code art. 112 or a Government decree). `workingWeekend`: a Saturday or Sunday
// made a working day by a decree. Shortened pre-holiday days are working days and are not listed:
// nothing here counts hours. A coordinator may replace a year or add regional holidays (overrides).

export interface ProductionCalendarYear {
  year: number;
  /** Non-working days, MM-DD. */
  dayOff: readonly string[];
  /** Weekend days that are working days, MM-DD. */
  workingWeekend: readonly string[];
  /** Where the year comes from. */
  source: string;
  /** True while only a draft decree is known: a coordinator should load the approved calendar. */
  provisional?: boolean;
}

const NEW_YEAR = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'];

export const RUSSIAN_PRODUCTION_CALENDAR: readonly ProductionCalendarYear[] = [
  {
    year: 2023,
    // Decree № 1505 of 29.08.2022: 1 Jan (Sun) → 24 Feb, 8 Jan (Sun) → 8 May; 4 Nov (Sat) → 6 Nov (art. 112).
    dayOff: [...NEW_YEAR, '02-23', '02-24', '03-08', '05-01', '05-08', '05-09', '06-12', '11-04', '11-06'],
    workingWeekend: [],
    source: 'Постановление Правительства РФ от 29.08.2022 № 1505',
  },
  {
    year: 2024,
    // Decree № 1314 of 10.08.2023: 6 Jan → 10 May, 7 Jan → 31 Dec, Sat 27 Apr → 29 Apr,
    // Sat 2 Nov → 30 Apr, Sat 28 Dec → 30 Dec.
    dayOff: [
      ...NEW_YEAR,
      '02-23',
      '03-08',
      '04-29',
      '04-30',
      '05-01',
      '05-09',
      '05-10',
      '06-12',
      '11-04',
      '12-30',
      '12-31',
    ],
    workingWeekend: ['04-27', '11-02', '12-28'],
    source: 'Постановление Правительства РФ от 10.08.2023 № 1314',
  },
  {
    year: 2025,
    // Decree № 1335 of 04.10.2024: 4 Jan → 2 May, 5 Jan → 31 Dec, Sat 1 Nov → 3 Nov;
    // 23 Feb (Sun) → 24 Feb and 8 Mar (Sat) → 10 Mar by art. 112.
    dayOff: [
      ...NEW_YEAR,
      '02-23',
      '02-24',
      '03-08',
      '03-10',
      '05-01',
      '05-02',
      '05-09',
      '06-12',
      '11-03',
      '11-04',
      '12-31',
    ],
    workingWeekend: ['11-01'],
    source: 'Постановление Правительства РФ от 04.10.2024 № 1335',
  },
  {
    year: 2026,
    // Decree of 24.09.2025: 3 Jan → 9 Jan, 4 Jan → 31 Dec; 8 Mar (Sun) → 9 Mar and 9 May (Sat) → 11 May by art. 112.
    dayOff: [...NEW_YEAR, '01-09', '02-23', '03-08', '03-09', '05-01', '05-09', '05-11', '06-12', '11-04', '12-31'],
    workingWeekend: [],
    source: 'Постановление Правительства РФ от 24.09.2025 о переносе выходных дней в 2026 году',
  },
  {
    year: 2027,
    // Art. 112 moves 1 May (Sat) → 3 May, 9 May (Sun) → 10 May, 12 Jun (Sat) → 14 Jun. The January
    // weekend holidays (2 and 3 Jan) follow the published draft: → 5 Nov and 31 Dec. Until the
    // approved decree is loaded the year is provisional; its total (247) does not depend on where
    // the two January days land.
    dayOff: [
      ...NEW_YEAR,
      '02-23',
      '03-08',
      '05-01',
      '05-03',
      '05-09',
      '05-10',
      '06-12',
      '06-14',
      '11-04',
      '11-05',
      '12-31',
    ],
    workingWeekend: [],
    source: 'Трудовой кодекс РФ, ст. 112, и проект постановления о переносе выходных дней в 2027 году',
    provisional: true,
  },
];
