// The roadmap's title is the heading right above the table. When an order (приказ) comes first,
// its text mentions the roadmap too ("Утвердить муниципальную дорожную карту..."), so the title is
// the last heading-like paragraph that names the document, together with what follows it.

const NAMES_A_PLAN =
  /(дорожн\p{L}*\s+кар\p{L}*|план\p{L}*\s+(мероприяти|работ|действи)|комплекс\p{L}*\s+мер|программ\p{L}*\s+(мероприяти|сопровождени|поддержк|повышени))/iu;
const ORDER_SENTENCE = /^(\d+\.\s|на основании|в соответствии|в целях|руководствуясь|приказываю|утвердить|контроль)/iu;
const APPROVAL_STAMP = /^(утвержден\p{L}*|согласован\p{L}*|приложение|приказом|распоряжением|от\s+\d)/iu;
const MAX_TITLE = 400;

export function extractTitle(preamble: string[], fallback: string): string {
  const paragraphs = preamble.map((text) => text.trim()).filter((text) => text !== '');
  for (let index = paragraphs.length - 1; index >= 0; index -= 1) {
    const paragraph = paragraphs[index];
    if (!NAMES_A_PLAN.test(paragraph) || ORDER_SENTENCE.test(paragraph) || APPROVAL_STAMP.test(paragraph)) continue;
    const title = paragraphs.slice(index).join(' ');
    if (title.length <= MAX_TITLE) return tidy(title);
  }
  const last = paragraphs[paragraphs.length - 1];
  return last && last.length <= MAX_TITLE && !APPROVAL_STAMP.test(last) ? tidy(last) : fallback;
}

function tidy(title: string): string {
  // A closing full stop goes, but not the one of an abbreviation ("в 2023-2024 гг.").
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=\p{L}{3,}|[»")])\.$/u, '');
}
