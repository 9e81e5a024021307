// Who may read or cancel one booking (issue 16, item 2): the key that created it, a key with `calendars`
// (or `admin`), the ADMIN_TOKEN, or the booking's own token, returned once in its 201 and presented as a
// bearer; and, only while the deployment is open (no keys, loopback), anybody, as before keys existed. A
// leaked booking id alone opens nothing. What each reader sees differs: notes and the cancellation record go
// to key holders and the admin only, never to a token-only reader.
import type { Context } from "hono";
import { type Booking, plainBooking, type StoredBooking } from "../../calendars/types.js";
import { type Access, type Credential, failAuthentication, holds } from "../access.js";
import type { AppEnv } from "../env.js";
import { ApiError } from "../errors.js";

/** `full`: every field; `open`: as before keys (no cancellation record); `token`: no notes either. */
export type BookingView = "full" | "open" | "token";

export interface BookingReader {
  /** Recorded as who cancelled: a key id, "admin", "token" or "anonymous". */
  by: string;
  view: BookingView;
}

/** The request's reader of booking routes, checked before the booking is read: 401 for a bare booking id. */
export async function bookingCredential(access: Access, context: Context<AppEnv>): Promise<Credential> {
  const credential = await access.authenticate(context);
  if (credential.kind === "none" && !(await access.anonymousMay("open"))) {
    failAuthentication(
      "Send the booking's token (returned when it was created) or a client key as Authorization: Bearer.",
    );
  }
  return credential;
}

const TOKEN_OPENS_NOTHING = "This token does not open this booking.";

/**
 * The booking looked up, or 404 when there is none; but a booking token that opens nothing is answered 401
 * whether the id exists or not, so a made-up token cannot tell which ids exist (and each such guess is
 * charged to the failed-authentication budget, as 401s are).
 */
export function existingBooking(credential: Credential, booking: StoredBooking | null): StoredBooking {
  if (booking !== null) return booking;
  if (credential.kind === "booking-token") failAuthentication(TOKEN_OPENS_NOTHING);
  throw new ApiError("not_found", "No such booking.");
}

/** What this credential may do with this booking: 401 for another booking's token, 404 for another key. */
export function readerOf(credential: Credential, booking: StoredBooking): BookingReader {
  switch (credential.kind) {
    case "admin":
      return { by: "admin", view: "full" };
    case "none":
      return { by: "anonymous", view: "open" };
    case "key": {
      const { principal } = credential;
      if (holds(principal, "calendars") || booking.createdByKey === principal.keyId) {
        return { by: principal.keyId, view: "full" };
      }
      // As if it did not exist: another client learns nothing from a guessed or leaked id.
      throw new ApiError("not_found", "No such booking.");
    }
    case "booking-token":
      if (booking.tokenDigest === undefined || booking.tokenDigest !== credential.digest) {
        failAuthentication(TOKEN_OPENS_NOTHING);
      }
      return { by: "token", view: "token" };
  }
}

/** A booking as answered: a token-only reader's has no `notes`. */
export type VisibleBooking = Omit<Booking, "notes"> & { notes?: string | null };

/** The booking as this reader may see it; never the creating key or the token's digest. */
export function visibleBooking(booking: StoredBooking | Booking, view: BookingView): VisibleBooking {
  const visible: VisibleBooking = plainBooking(booking);
  if (view === "token") delete visible.notes;
  if (view === "full" && booking.cancelledBy !== undefined) visible.cancelledBy = booking.cancelledBy;
  if (view === "full" && booking.cancelledAt !== undefined) visible.cancelledAt = booking.cancelledAt;
  return visible;
}
