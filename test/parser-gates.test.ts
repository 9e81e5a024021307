// A parser's gate says what every match of its pattern holds (a digit, or one of its words as a whole
// word); extractExpressions skips the pattern on texts without it. A wrong gate would silently lose
// matches, so each gate is checked against its own pattern: on the golden and Duckling texts, and on many
// texts made of the pattern's own words, numbers and separators, wherever the pattern matches, the gate opens.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LANGUAGES, LOCALES } from "../src/locales/index.js";
import { openParsers } from "../src/temporal/parser-gates.js";
import { normalizeText } from "../src/temporal/text.js";
import type { Parser } from "../src/temporal/types.js";
import { loadCorpus } from "../tools/duckling/corpus.js";
import { DEFAULT_GOLDEN_DIRECTORY, loadGoldenFiles } from "../tools/golden/fixtures.js";

function opens(parser: Parser, folded: string): boolean {
  const gate = parser.gate!;
  if (gate.digit && /\d/.test(folded)) return true;
  const words = new Set(folded.match(/[a-z]+/g) ?? []);
  return (gate.words ?? []).some((word) => words.has(word));
}

/** The matches of `parser` in `folded` that its gate would have skipped. */
function missed(parser: Parser, folded: string): string[] {
  const pattern = new RegExp(parser.pattern.source, parser.pattern.flags);
  const matches = [...folded.matchAll(pattern)].filter((match) => match[0].length > 0);
  return matches.length > 0 && !opens(parser, folded) ? matches.map((match) => match[0]) : [];
}

const gated = LANGUAGES.flatMap((language) =>
  LOCALES[language].temporal.parsers
    .filter((parser) => parser.gate !== undefined)
    .map((parser) => ({ language, parser })),
);

/**
 * Words and phrases of a pattern's source (escapes like \b and \d removed: "la semana que viene", "days",
 * "from"), with numbers and dates, to build texts the pattern matches.
 */
const NUMBERS = [
  "1",
  "3",
  "10",
  "12",
  "2026",
  "3/4",
  "10:30",
  "2h",
  "1h30",
  "3rd",
  "2moro",
  "2026-03-04",
  "4.3.2026",
];

/**
 * The pattern read left to right as slots: each innermost group's alternatives (a number where one holds no
 * letters), and the literal words between groups. Escapes like \b and \d are dropped first.
 */
function slotsOf(parser: Parser): string[][] {
  const source = parser.pattern.source.replace(/\\[bdswBDSW]/g, " ");
  const slots: string[][] = [];
  const literal = (fragment: string) => {
    for (const words of fragment.match(/[a-z' ]*[a-z'][a-z' ]*/g) ?? []) slots.push([words.trim()]);
  };
  let from = 0;
  for (const group of source.matchAll(/\(([^()]*)\)/g)) {
    literal(source.slice(from, group.index).replace(/\?[:=!]/g, " "));
    const options = group[1]!
      .replace(/^\?[:=!]/, "")
      .split("|")
      .map((option) => (option.match(/[a-z' ]+/g) ?? []).join("").trim());
    slots.push(options.flatMap((option) => (option === "" ? NUMBERS : [option])));
    from = group.index + group[0].length;
  }
  literal(source.slice(from));
  return slots;
}

function piecesOf(parser: Parser): string[] {
  const source = parser.pattern.source.replace(/\\[bdswBDSW]/g, "|");
  const words = source.match(/[a-z']+/g) ?? [];
  const phrases = (source.match(/[a-z' ]+/g) ?? []).map((phrase) => phrase.trim()).filter(Boolean);
  return [...new Set([...phrases, ...words]), ...NUMBERS];
}

describe("parser gates", () => {
  it("gate most of the locale parsers, each with a digit or words", () => {
    expect(gated.length).toBeGreaterThanOrEqual(25);
    for (const { parser } of gated) {
      expect(parser.gate!.digit === true || (parser.gate!.words ?? []).length > 0, parser.name).toBe(true);
    }
  });

  it("open wherever their pattern matches a golden or Duckling text", () => {
    const texts = [
      ...loadGoldenFiles([DEFAULT_GOLDEN_DIRECTORY]).cases.flatMap((golden) => golden.text ?? []),
      ...loadCorpus().map((line) => line.text),
    ];
    let matched = 0;
    for (const text of texts) {
      const folded = normalizeText(text).folded;
      for (const { parser } of gated) {
        expect(missed(parser, folded), `${parser.name} on "${text}"`).toEqual([]);
        if (parser.pattern.test(folded)) matched++;
        parser.pattern.lastIndex = 0;
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  for (const { language, parser } of gated) {
    it(`${language} ${parser.name}: opens wherever its pattern matches texts of its own words`, () => {
      const pieces = piecesOf(parser);
      const loose = fc
        .tuple(
          fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }),
          fc.constantFrom(" ", " ", " ", ", ", "-", ".", "'"),
        )
        .map(([words, separator]) => words.join(separator));
      // The pattern's groups in their own order, one alternative (or nothing) from each: reaches the
      // longer patterns ("3 days from today").
      const ordered = fc
        .tuple(...slotsOf(parser).map((options) => fc.oneof(fc.constantFrom(...options), fc.constant(""))))
        .map((chosen) => chosen.filter(Boolean).join(" "));
      const text = fc.oneof(
        loose,
        ordered,
        fc.tuple(fc.constantFrom(...pieces), ordered).map((parts) => parts.join(" ")),
      );
      let matched = 0;
      fc.assert(
        fc.property(text, (value) => {
          const folded = normalizeText(value).folded;
          expect(missed(parser, folded)).toEqual([]);
          if (new RegExp(parser.pattern.source).test(folded)) matched++;
        }),
        { numRuns: 3000 },
      );
      // The generated texts reach the pattern: the check is not vacuous.
      expect(matched).toBeGreaterThan(20);
    });
  }

  it("openParsers opens exactly the ungated parsers and those whose gate the text meets", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), fc.string({ maxLength: 60 }), (language, value) => {
        const text = normalizeText(value.toLowerCase());
        const folded = text.folded;
        const open = openParsers(language, text);
        LOCALES[language].temporal.parsers.forEach((parser, index) => {
          const expected = parser.gate === undefined || opens(parser, folded);
          expect((open & (1 << index)) !== 0).toBe(expected);
        });
      }),
      { numRuns: 2000 },
    );
  });
});
