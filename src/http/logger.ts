// Structured logging: one JSON object per event. Callers pass records, never the user's text unless
// debug logging is on, never a secret.
export type LogRecord = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(record: LogRecord): void;
  info(record: LogRecord): void;
  error(record: LogRecord): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, error() {} };

const ORDER = { debug: 0, info: 1, warn: 2, error: 3 } as const;

export function jsonLogger(level: keyof typeof ORDER, write: (line: string) => void): Logger {
  const emit = (at: keyof typeof ORDER) => (record: LogRecord) => {
    if (ORDER[at] >= ORDER[level])
      write(JSON.stringify({ level: at, time: new Date().toISOString(), ...record }));
  };
  return { debug: emit("debug"), info: emit("info"), error: emit("error") };
}
