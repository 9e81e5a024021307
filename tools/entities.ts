// Entities benchmark: how well the rules reader finds the person (`contact`) and the place (`location`) of
// MASSIVE's real, lower-case calendar requests, as precision and recall (issue 15's targets: contact
// precision ≥ 95% and recall ≥ 80%, location precision ≥ 90% and recall ≥ 70%). A development set, not a
// gate. `--errors N` lists the first N misreadings. It also reports how well `confidence` tracks an exact
// match on these requests (tools/entities/exact.ts says what is right there).
import { parseArgs } from "node:util";
import { readConfig } from "../src/config.js";
import { parseAppointment } from "../src/service.js";
import { calibration, formatCalibration, type Observation } from "./calibration/table.js";
import { massiveRight } from "./entities/exact.js";
import { loadMassive, MASSIVE_REQUEST, MASSIVE_TODAY } from "./entities/massive.js";
import { type EntityFigures, scoreEntities } from "./entities/score.js";
import { percent, table } from "./report-table.js";

const { values } = parseArgs({ options: { errors: { type: "string", default: "20" } } });
const config = readConfig({});
const cases = loadMassive();
const readings = [];
const observations: Observation[] = [];
for (const entity of cases) {
  const answer = await parseAppointment(
    { text: entity.utt, ...MASSIVE_REQUEST },
    { config, requestId: `massive-${entity.id}` },
  );
  readings.push({ contact: answer.appointment.contact, location: answer.appointment.location?.text ?? null });
  observations.push({
    confidence: answer.confidence,
    right: massiveRight(entity, answer, MASSIVE_TODAY),
    appointment: answer.intent !== "none",
  });
}
const report = scoreEntities(cases, readings);
const row = (name: string, figures: EntityFigures) => [
  name,
  `${figures.correct}/${figures.predicted}`,
  percent(figures.precision),
  `${figures.found}/${figures.gold}`,
  percent(figures.recall),
];
process.stdout.write(
  `MASSIVE en-US calendar (train), ${report.cases} utterances, rules mode\n\n${table([
    ["field", "correct/read", "precision", "found/gold", "recall"],
    row("contact (person)", report.contact),
    row("location (place_name)", report.location),
  ])}\n\n${formatCalibration(calibration(observations))}\n`,
);
const limit = Number(values.errors);
if (limit > 0 && report.errors.length > 0) {
  process.stdout.write(
    `\nMisreadings (${report.errors.length}; first ${Math.min(limit, report.errors.length)})\n`,
  );
  for (const error of report.errors.slice(0, limit)) {
    process.stdout.write(
      `  ${error.id} ${error.field}: got ${JSON.stringify(error.got)}, gold ${JSON.stringify(error.gold)} — "${error.utt}"\n`,
    );
  }
}
