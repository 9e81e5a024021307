// Word lists as locales write them: whitespace-separated words, or `|`-separated phrases and fragments.
export function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word !== "");
}

export function phrases(list: string): string[] {
  return list
    .split("|")
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== "");
}
