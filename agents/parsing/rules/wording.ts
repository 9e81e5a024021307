// A list of rule-22 wordings compiled for scanning folded text. Plain fragments join one regular expression;
// a fragment with a gap ("is ... free", "push ... back") is a head and a tail with up to three words of the
// same clause between them, checked here rather than inside a regular expression: free words in the middle
// of a long alternation make it ambiguous to run and too slow for the ReDoS gate to prove safe.
const GAP = " ... ";
const GAP_WORDS = 3;
/** What ends a clause: a gap never reaches across it. A period does, unless after an abbreviation ("Dr."). */
const CLAUSE_END = /[,;:?!¿¡]|[^ .]{4}\.$/;

export interface WordingPattern {
  /** The [start, end) of every match, in text order. */
  spans(folded: string): [number, number][];
  /** Whether anything matches. */
  test(folded: string): boolean;
  /** The regular expressions it runs, for the ReDoS gate. */
  readonly patterns: readonly RegExp[];
}

interface Gapped {
  head: RegExp;
  tail: RegExp;
}

/** Longest first, so a fragment wins over its own start where nothing bounds it. */
export function alternation(items: readonly string[]): string {
  return [...items].sort((a, b) => b.length - a.length).join("|");
}

export function compileWording(items: readonly string[]): WordingPattern {
  const plainItems = items.filter((item) => !item.includes(GAP));
  const plain = plainItems.length > 0 ? new RegExp(`\\b(?:${alternation(plainItems)})\\b`, "g") : null;
  const gapped: readonly Gapped[] = items
    .filter((item) => item.includes(GAP))
    .map((item) => {
      const [head, tail] = item.split(GAP) as [string, string];
      return { head: new RegExp(`\\b(?:${head})\\b`, "g"), tail: new RegExp(`(?:${tail})\\b`, "y") };
    });
  // Every request runs these: exec loops on the compiled patterns (matchAll would copy each one per call),
  // and `test` stops at the first match.
  const scan = (folded: string, found: [number, number][] | null): boolean => {
    if (plain !== null) {
      plain.lastIndex = 0;
      for (let match = plain.exec(folded); match !== null; match = plain.exec(folded)) {
        if (found === null) return true;
        found.push([match.index, match.index + match[0].length]);
      }
    }
    for (const { head, tail } of gapped) {
      head.lastIndex = 0;
      for (let match = head.exec(folded); match !== null; match = head.exec(folded)) {
        const end = tailEnd(folded, match.index + match[0].length, tail);
        if (end === null) continue;
        if (found === null) return true;
        found.push([match.index, end]);
      }
    }
    return found !== null && found.length > 0;
  };
  return {
    spans(folded) {
      const found: [number, number][] = [];
      scan(folded, found);
      return found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    },
    test: (folded) => scan(folded, null),
    patterns: [...(plain === null ? [] : [plain]), ...gapped.flatMap(({ head, tail }) => [head, tail])],
  };
}

/** Where the tail ends when it starts within GAP_WORDS words after `from`, in the same clause; else null. */
function tailEnd(folded: string, from: number, tail: RegExp): number | null {
  let at = from;
  for (let skipped = 0; skipped <= GAP_WORDS && folded[at] === " "; skipped++) {
    at++;
    tail.lastIndex = at;
    const match = tail.exec(folded);
    if (match !== null) return at + match[0].length;
    const next = folded.indexOf(" ", at);
    if (next === -1 || CLAUSE_END.test(folded.slice(at, next))) return null;
    at = next;
  }
  return null;
}
