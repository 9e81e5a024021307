// The CalendarStore methods that are one shared statement and a row mapping, alike on SQLite, D1 and
// PostgreSQL: each store says only how it runs a statement (execute, first, rows) and inherits these. What
// differs between databases (migrations, the atomic booking insert, SQLite's calendar cache) stays in each.
// The incidents (src/incidents/statement-store.ts) are kept in the same database, through the same runner.

import type { Logger } from "../http/logger.js";
import { StatementIncidentStore } from "../incidents/statement-store.js";
import type { IncidentStore } from "../incidents/types.js";
import {
  anyClientKeysStatement,
  type ClientKeyRow,
  clientKeyByDigestStatement,
  clientKeyFromRow,
  insertClientKeyStatement,
  listClientKeysStatement,
  revokeClientKeyStatement,
} from "./client-keys.js";
import {
  type BookingRow,
  bookingFromRow,
  type CalendarRow,
  calendarFromRow,
  cancelBookingStatement,
  confirmedBookingsStatement,
  getBookingStatement,
  getCalendarStatement,
  putCalendarStatement,
  storedBookingFromRow,
} from "./queries.js";
import type { Statement } from "./statement.js";
import type { Booking, Calendar, Cancellation, ClientKey, NewClientKey, StoredBooking } from "./types.js";

/** The query /health sends to learn whether the database answers: it reads no table. */
const PROBE: Statement = { sql: "SELECT 1 AS alive", params: [] };

export abstract class StatementCalendarStore {
  /** Runs a statement; resolves with the rows it changed. */
  protected abstract execute(statement: Statement): Promise<number>;
  /** The statement's first row; undefined when it returns none. */
  protected abstract first<Row>(statement: Statement): Promise<Row | undefined>;
  protected abstract rows<Row>(statement: Statement): Promise<Row[]>;

  async probe(): Promise<void> {
    await this.first(PROBE);
  }

  async putCalendar(calendar: Calendar): Promise<void> {
    await this.execute(putCalendarStatement(calendar));
  }

  async getCalendar(id: string): Promise<Calendar | null> {
    const row = await this.first<CalendarRow>(getCalendarStatement(id));
    return row === undefined ? null : calendarFromRow(row);
  }

  async confirmedBookings(calendarId: string, fromMs: number, toMs: number): Promise<Booking[]> {
    const rows = await this.rows<BookingRow>(confirmedBookingsStatement(calendarId, fromMs, toMs));
    return rows.map(bookingFromRow);
  }

  async getBooking(calendarId: string, bookingId: string): Promise<StoredBooking | null> {
    const row = await this.first<BookingRow>(getBookingStatement(calendarId, bookingId));
    return row === undefined ? null : storedBookingFromRow(row);
  }

  async cancelBooking(
    calendarId: string,
    bookingId: string,
    cancellation?: Cancellation,
  ): Promise<StoredBooking | null> {
    const row = await this.first<BookingRow>(cancelBookingStatement(calendarId, bookingId, cancellation));
    return row === undefined ? null : storedBookingFromRow(row);
  }

  async createClientKey(key: NewClientKey): Promise<void> {
    await this.execute(insertClientKeyStatement(key));
  }

  async listClientKeys(): Promise<ClientKey[]> {
    return (await this.rows<ClientKeyRow>(listClientKeysStatement())).map(clientKeyFromRow);
  }

  async findClientKey(secretDigest: string): Promise<ClientKey | null> {
    const row = await this.first<ClientKeyRow>(clientKeyByDigestStatement(secretDigest));
    return row === undefined ? null : clientKeyFromRow(row);
  }

  async revokeClientKey(id: string, revokedAt: string): Promise<ClientKey | null> {
    const row = await this.first<ClientKeyRow>(revokeClientKeyStatement(id, revokedAt));
    return row === undefined ? null : clientKeyFromRow(row);
  }

  async hasClientKeys(): Promise<boolean> {
    return (await this.first<{ active: number }>(anyClientKeysStatement()))?.active === 1;
  }

  incidents(logger: Logger): IncidentStore {
    return new StatementIncidentStore(
      {
        execute: (statement) => this.execute(statement),
        first: (statement) => this.first(statement),
        rows: (statement) => this.rows(statement),
      },
      logger,
    );
  }
}
