// The error a calendar store throws when its database cannot be reached (a PostgreSQL server stopped or
// unreachable). The HTTP layer answers it 503 store_unavailable (src/http/errors.ts) instead of a 500: the
// request was fine and may succeed on retry once the database is back. Kept free of any driver, so the
// Workers bundle may import it.

export class StoreUnavailableError extends Error {
  constructor(message = "The calendar store cannot be reached.") {
    super(message);
    this.name = "StoreUnavailableError";
  }
}
