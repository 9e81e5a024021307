// Realistic booking chats for the conversation latency benchmark: a user and a clinic's assistant take
// turns (greetings, questions, offers of one slot and lists of several, picks, refusals, corrections,
// prices, addresses and phone numbers that are not times), in Spanish and in English. A conversation of n
// messages is a window of n consecutive messages of a long chat, ending on the user's turn as the
// contract asks; several windows per chat, so a run measures different conversations.
import type { ParseRequest } from "../../src/http/schemas/parse.js";

type Turn = readonly [user: string, assistant: string];

interface Chat {
  locale: string;
  timezone: string;
  now: string;
  turns: readonly Turn[];
}

const SPANISH: Chat = {
  locale: "es-MX",
  timezone: "America/Mexico_City",
  now: "2026-01-22T10:30:00-06:00",
  turns: [
    ["hola, buenas tardes", "¡Hola! Soy el asistente de la Clínica Dental Sonrisa. ¿En qué te puedo ayudar?"],
    ["quiero agendar una limpieza dental con la Dra. Gómez", "Claro. ¿Para qué día te gustaría?"],
    ["el jueves por la tarde", "El jueves tengo a las 4:00 pm o a las 5:30 pm. ¿Cuál prefieres?"],
    [
      "¿cuánto cuesta la limpieza?",
      "La limpieza cuesta $650 e incluye revisión. Estamos en Av. Insurgentes Sur 1602, piso 3.",
    ],
    ["ok, la segunda", "Perfecto: jueves a las 5:30 pm con la Dra. Gómez. ¿A nombre de quién?"],
    ["a nombre de Laura Méndez", "Listo, Laura. ¿Te confirmo por WhatsApp al 55 1234 5678?"],
    ["sí, pero ¿puede ser a las 6?", "A las 6:00 pm está ocupado; tengo 6:30 pm. ¿Te sirve?"],
    ["mmm no, mejor el viernes", "El viernes 23 tengo 10:00, 12:30 y 16:00. ¿Alguno te queda bien?"],
    ["la de las 12:30", "Anotado: viernes 23 a las 12:30 con la Dra. Gómez. ¿Algo más?"],
    ["¿tienen estacionamiento?", "Sí, hay estacionamiento en el edificio, 2 horas gratis con tu ticket."],
    ["perfecto, gracias", "¡Con gusto! Te esperamos. Recuerda llegar 10 minutos antes."],
    ["oye, al final no puedo el viernes", "No te preocupes. ¿Quieres que busquemos otro día?"],
    ["el lunes a la misma hora", "El lunes 26 a las 12:30 está libre. ¿Lo reservo?"],
    ["dale", "Listo: lunes 26 a las 12:30. Te llegará un recordatorio un día antes."],
    [
      "y si mejor con el Dr. Ruiz?",
      "El Dr. Ruiz atiende el lunes a las 9:00 o a las 11:00. ¿Cuál prefieres?",
    ],
    ["la primera", "Hecho: lunes 26 a las 9:00 con el Dr. Ruiz, consultorio 204."],
  ],
};

const ENGLISH: Chat = {
  locale: "en-GB",
  timezone: "Europe/London",
  now: "2026-03-10T09:15:00+00:00",
  turns: [
    ["hi there", "Hello! You're chatting with Bright Smile Dental. How can I help?"],
    ["I'd like to book a check-up with Dr. Patel", "Of course. Which day suits you?"],
    ["sometime next week, ideally Tuesday", "On Tuesday I have 9:30, 11:00 or 3:45pm. Which would you like?"],
    [
      "how much is a check-up?",
      "A check-up is £55. We're at 42 Harley Street, 2nd floor; rated 4.8 by our patients.",
    ],
    ["the 3:45pm one", "Great: Tuesday at 3:45pm with Dr. Patel. What name should I put it under?"],
    ["James Carter", "Thanks, James. Shall I text a confirmation to 07700 900123?"],
    [
      "yes please. actually could we do 4 instead?",
      "4:00pm is taken, I'm afraid; 4:30pm is free. Does that work?",
    ],
    ["no, that's too late", "No problem. Wednesday has 10:15 and 2:00pm. Any good?"],
    ["the first", "Booked: Wednesday at 10:15 with Dr. Patel. Anything else?"],
    ["is there parking nearby?", "There's a car park on Cavendish Square, about 5 minutes away."],
    ["lovely, thanks", "You're welcome! See you then. Please arrive 10 minutes early."],
    ["sorry, something came up on Wednesday", "That's fine. Would you like another day?"],
    ["same time on Thursday", "Thursday at 10:15 is free. Shall I book it?"],
    ["sounds good", "Done: Thursday at 10:15. You'll get a reminder the day before."],
    ["can I see Dr. Lewis instead?", "Dr. Lewis has Thursday at 9:00 or 11:30. Which do you prefer?"],
    ["the second one", "All set: Thursday at 11:30 with Dr. Lewis, room 12."],
  ],
};

/** A long chat of at least `length` messages: the turns in order, again from the start when they run out. */
function longChat(chat: Chat, length: number): { role: "user" | "assistant"; content: string }[] {
  const messages: { role: "user" | "assistant"; content: string }[] = [];
  for (let index = 0; messages.length < length; index++) {
    const [user, assistant] = chat.turns[index % chat.turns.length]!;
    messages.push({ role: "user", content: user }, { role: "assistant", content: assistant });
  }
  return messages;
}

/**
 * `windows` conversations of `size` messages from each chat, each ending on a user message: windows start
 * on successive turns (odd sizes start on the user's, even ones on the assistant's).
 */
export function conversationRequests(size: number, windows: number): ParseRequest[] {
  return [SPANISH, ENGLISH].flatMap((chat) => {
    const offset = size % 2 === 0 ? 1 : 0;
    const messages = longChat(chat, offset + 2 * (windows - 1) + size);
    return Array.from({ length: windows }, (_, window) => ({
      messages: messages.slice(offset + 2 * window, offset + 2 * window + size),
      locale: chat.locale,
      timezone: chat.timezone,
      now: chat.now,
    }));
  });
}
