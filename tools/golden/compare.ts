// The golden comparison rules (shared/spec/golden-format.md): one copy, in the plain module the golden page
// in the browser imports too (src/web/public/static/golden/compare.js); here with the contract's types.
import type { ParseResponse } from "../../src/http/schemas/parse.js";

export {
  CHECKED_FIELDS,
  type CheckedField,
  checkedFields,
  compareCase,
  differences,
  expectedValue,
  type FieldCheck,
  missedChecks,
  sameInstantAndOffset,
} from "../../src/web/public/static/golden/compare.js";

/** The parts of a parse response the golden rules read. */
export type GoldenResponse = Pick<
  ParseResponse,
  "status" | "appointment" | "ambiguities" | "intent" | "previous"
>;
