// Duckling corpus runner: scores the temporal engine on Duckling's own time corpora (fixtures/duckling,
// copied from ../shared/data/duckling) and prints, per language, single-value, interval, negative and holiday
// accuracy, a per-grain table and the failures. A measurement: exit code 0 whatever the figures
// (test/duckling.test.ts holds the thresholds), 1 when the corpus cannot be read, 2 on misuse.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArguments, USAGE, UsageError } from "./duckling/arguments.js";
import { CorpusError, DEFAULT_CORPUS_DIRECTORY, loadCorpus } from "./duckling/corpus.js";
import { figuresJson, formatReport } from "./duckling/report.js";
import { CORPUS_ZONE, scoreCorpus } from "./duckling/score.js";

function main(args: readonly string[]): number {
  const options = parseArguments(args);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const lines = loadCorpus(DEFAULT_CORPUS_DIRECTORY).filter(
    (line) => options.language === null || line.lang === options.language,
  );
  const started = performance.now();
  const figures = scoreCorpus(lines);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  process.stdout.write(
    `Duckling corpus: ${lines.length} lines from ${DEFAULT_CORPUS_DIRECTORY}, zone ${CORPUS_ZONE}, ` +
      `dims ["time"], ${seconds} s\n\n${formatReport(figures, options.failures)}\n`,
  );
  if (options.json !== null) {
    mkdirSync(dirname(options.json), { recursive: true });
    const document = { corpus: DEFAULT_CORPUS_DIRECTORY, zone: CORPUS_ZONE, ...figuresJson(figures) };
    writeFileSync(options.json, `${JSON.stringify(document, null, 2)}\n`);
    process.stdout.write(`\nFigures written to ${options.json}\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`duckling: ${error.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof CorpusError) {
    process.stderr.write(`duckling: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
