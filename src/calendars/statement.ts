// One SQL statement with its parameters, as both calendar stores run it (anonymous `?` in order).
export type SqlValue = string | number | null;

export interface Statement {
  sql: string;
  params: SqlValue[];
}

/** How a database runs a statement: what the shared statement stores (calendars, incidents) build on. */
export interface StatementRunner {
  /** Runs a statement; resolves with the rows it changed. */
  execute(statement: Statement): Promise<number>;
  /** The statement's first row; undefined when it returns none. */
  first<Row>(statement: Statement): Promise<Row | undefined>;
  rows<Row>(statement: Statement): Promise<Row[]>;
}
