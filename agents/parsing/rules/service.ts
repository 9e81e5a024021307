// Service: what the appointment is for ("corte de pelo", "eye exam"), from the service vocabulary, a role
// named instead of a person, or the phrase after "cita para" / "appointment for".
import { type NormalizedText, originalSlice } from "../../../src/temporal/text.js";
import { FOR_PHRASE, SERVICE_PATTERN, STOPWORDS } from "./vocabulary.js";
import { wordsAfter } from "./words.js";

export function readService(
  text: NormalizedText,
  excluded: (index: number) => boolean,
): { service: string; span: [number, number] } | null {
  SERVICE_PATTERN.lastIndex = 0;
  for (
    let match = SERVICE_PATTERN.exec(text.folded);
    match !== null;
    match = SERVICE_PATTERN.exec(text.folded)
  ) {
    if (excluded(match.index)) continue;
    const end = match.index + match[0].length;
    return { service: originalSlice(text, match.index, end), span: [match.index, end] };
  }
  FOR_PHRASE.lastIndex = 0;
  for (let match = FOR_PHRASE.exec(text.folded); match !== null; match = FOR_PHRASE.exec(text.folded)) {
    const from = match.index + match[0].length;
    const words = [];
    for (const word of wordsAfter(text.folded, from - 1, 3)) {
      if (STOPWORDS.has(word.word) || /\d/.test(word.word) || excluded(word.index)) break;
      words.push(word);
    }
    if (words.length > 0) {
      const end = words[words.length - 1]!.end;
      return { service: originalSlice(text, from, end), span: [from, end] };
    }
  }
  return null;
}
