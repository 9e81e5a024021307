// One SQL statement with its parameters, as both calendar stores run it (anonymous `?` in order).
export type SqlValue = string | number | null;

export interface Statement {
  sql: string;
  params: SqlValue[];
}
