// How a letter or a page names a Russian time zone: «по иркутскому времени».

const ZONE_ADJECTIVES: Readonly<Record<string, string>> = {
  'Europe/Kaliningrad': 'калининградскому',
  'Europe/Moscow': 'московскому',
  'Europe/Samara': 'самарскому',
  'Asia/Yekaterinburg': 'екатеринбургскому',
  'Asia/Omsk': 'омскому',
  'Asia/Novosibirsk': 'новосибирскому',
  'Asia/Krasnoyarsk': 'красноярскому',
  'Asia/Irkutsk': 'иркутскому',
  'Asia/Chita': 'читинскому',
  'Asia/Yakutsk': 'якутскому',
  'Asia/Vladivostok': 'владивостокскому',
  'Asia/Magadan': 'магаданскому',
  'Asia/Kamchatka': 'камчатскому',
};

/** «по иркутскому времени»; a zone without a Russian name is named as it is («по времени Europe/Berlin»). */
export function zoneNameRu(timeZone: string): string {
  const adjective = ZONE_ADJECTIVES[timeZone];
  return adjective ? `по ${adjective} времени` : `по времени ${timeZone}`;
}
