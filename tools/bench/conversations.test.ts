// The benchmark's conversations are what the contract accepts and what the benchmark says they are: the
// length asked for, roles taking turns, the user's last, and different conversations in each run.
import { describe, expect, it } from "vitest";
import { ParseRequestSchema } from "../../src/http/schemas/parse.js";
import { conversationRequests } from "./conversations.js";

describe("conversationRequests", () => {
  it.each([1, 2, 10, 50])(
    "gives %i-message conversations the contract accepts, turns alternating",
    (size) => {
      const requests = conversationRequests(size, 8);
      expect(requests).toHaveLength(16);
      for (const request of requests) {
        const messages = ParseRequestSchema.parse(request).messages!;
        expect(messages).toHaveLength(size);
        expect(messages.at(-1)!.role).toBe("user");
        const roles = messages.map((message) => message.role);
        expect(roles.slice(1).every((role, index) => role !== roles[index])).toBe(true);
      }
    },
  );

  it("gives different conversations, in Spanish and in English", () => {
    const requests = conversationRequests(10, 8);
    expect(new Set(requests.map((request) => JSON.stringify(request.messages))).size).toBe(16);
    expect(new Set(requests.map((request) => request.locale))).toEqual(new Set(["es-MX", "en-GB"]));
  });
});
