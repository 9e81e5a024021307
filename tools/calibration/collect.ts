// Every answer the calibration is measured on, with whether it was right and the signals its confidence was
// computed from: Cita's own golden sets (single texts, conversations, intents, rules 17–28), the SGD
// conversations and MASSIVE's calendar requests, all read in process in rules mode. The signals come from
// the Validation agent's debug line, so they are exactly what the runtime computed.
import { SIGNALS_LINE } from "../../agents/validation/confidence.js";
import type { Signals } from "../../agents/validation/signals.js";
import { readConfig } from "../../src/config.js";
import type { ParseRequest } from "../../src/http/schemas/parse.js";
import { parseAppointment } from "../../src/service.js";
import { massiveRight } from "../entities/exact.js";
import { loadMassive, MASSIVE_REQUEST, MASSIVE_TODAY } from "../entities/massive.js";
import { openGoldenStore } from "../golden/calendars.js";
import { DEFAULT_GOLDEN_PATHS, loadGoldenFiles, SGD_DIRECTORY } from "../golden/fixtures.js";
import { runCase } from "../golden/run-cases.js";

export const SETS = ["own", "sgd", "massive"] as const;
export type SetName = (typeof SETS)[number];

export interface Answer {
  set: SetName;
  id: string;
  confidence: number;
  right: boolean;
  appointment: boolean;
  /** The signals of the last confidence computed for the answer; null when it read no appointment. */
  signals: Signals | null;
}

export async function collectAnswers(sets: readonly SetName[] = SETS): Promise<Answer[]> {
  const config = readConfig({});
  const calendars = await openGoldenStore();
  let signals: Signals | null = null;
  const read = (request: ParseRequest, id: string) => {
    signals = null;
    return parseAppointment(
      { ...request, mode: "rules" },
      {
        config,
        store: calendars.store,
        requestId: id,
        debug: (message) => {
          if (message.startsWith(SIGNALS_LINE)) signals = JSON.parse(message.slice(SIGNALS_LINE.length));
        },
      },
    );
  };
  const answers: Answer[] = [];
  try {
    for (const set of sets.filter((name) => name !== "massive")) {
      const { cases } = loadGoldenFiles(set === "own" ? DEFAULT_GOLDEN_PATHS : [SGD_DIRECTORY]);
      for (const golden of cases) {
        const result = await runCase(read, golden);
        const { confidence, appointment, passed } = result;
        answers.push({
          set,
          id: golden.id,
          confidence: confidence ?? 0,
          right: passed,
          appointment,
          signals,
        });
      }
    }
    if (sets.includes("massive")) {
      for (const entity of loadMassive()) {
        const answer = await read({ text: entity.utt, ...MASSIVE_REQUEST }, `massive-${entity.id}`);
        answers.push({
          set: "massive",
          id: entity.id,
          confidence: answer.confidence,
          right: massiveRight(entity, answer, MASSIVE_TODAY),
          appointment: answer.intent !== "none",
          signals,
        });
      }
    }
  } finally {
    calendars.close();
  }
  return answers;
}
