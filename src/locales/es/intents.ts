// How Spanish writes a reschedule, a cancel and a question about free times (rule 22), folded (lower case,
// no accents, "ñ" as "n"), and the words that tell a reschedule's existing appointment from its new slot.
// Verbs that mean other things too ("pasar", "cambiar", "mover", "correr") count only with an appointment
// or a pronoun for it as their object: "¿qué pasa?", "cambio de aceite" and "pasado mañana" move nothing.
import { words } from "../lists.js";
import type { IntentWording } from "../locale.js";

const NOUN = "(?:cita|turno|hora|horario|reserva|consulta|sesion|visita|fecha|dia)";
/** A day or an hour named right after the verb: "cambiar el martes por el jueves". */
const DAY = "(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana|hoy|[0-9])";
/** Verbs that move an appointment only with one as their object ("pasar el turno", "lo cambio"). */
const VERB =
  "(?:[ck]ambi(?:ar|o|a|as|e|en|amos|emos|ame|enme|arme)|mov(?:er|emos|amos|eme|erme)|muev(?:o|a|as|e|en|an|eme)|pas(?:ar|o|a|as|en|amos|emos|ame|enme|arme)|corr(?:er|o|emos|amos|e|en|an|eme|erme))";
/** The forms of a verb in -ar that people write ("reprogramar", "reprogramo", "reprogramala"...). */
const AR = "(?:ar|o|a|as|e|en|es|an|amos|emos|arl[ao]|al[ao]|enl[ao]|ado|ada|acion|aste|aron|aria)";
const OWNER = "(?:mi|el|la|tu|su|nuestr[ao]) ";
const MAY =
  "(?:(?:puedo|podemos|podes|podeis|podria|podrias|podrian|pueden|puede|quiero|quisiera|queria|necesito|vamos a|hay que|se puede|tengo que) )?";
const TO_HAVE = "(?:tienen|tenes|tiene|tenis|teneis|tendran|tendras|tendra|tendria|tendrias|tendrian)";
const FREE_THING =
  "(?:turnos?|cupos?|huecos?|disponibilidad|citas?|horarios?|algun[ao]? (?:turno|cita|hora|hueco|lugar|cupo|horario|espacio))";
const TO_GO = "(?:ir|asistir|acudir|venir|presentarme|llegar)(?! (?:antes|despues|hasta|temprano|tarde)\\b)";

export const intentWording: IntentWording = {
  reschedule: [
    `(?:reprogram|re ?agend|posterg|aplaz|traslad)${AR}`,
    "pos(?:pon(?:er|erl[ao]|emos|en|e|es|go|ga|gan|gamos|gal[ao])|pus(?:e|o|imos|ieron))",
    "(?:adelant|atras|retras)(?:ar|arl[ao]|arme|al[ao]|ame|emos|en|enme|amos)",
    `${VERB} ${OWNER}${NOUN}`,
    "cambi(?:ar|o|a|as|e|en|amos|emos) (?:del|de (?:cita|turno|hora|horario|fecha|dia))",
    `(?:[ck]ambi(?:ar|o|a|amos|emos|e|en)|mov(?:er|emos)|muev(?:o|a|e|en)) (?:(?:para|pa|al|a|por) )?(?:(?:el|la|las) )?${DAY}`,
    // "¿se puede pasar para el viernes?": "pasar a las 5" alone is dropping by, so not with "a".
    `pas(?:ar|a|o|amos|emos|en) (?:para|pa|al) (?:(?:el|la|las) )?${DAY}`,
    // "cambiala", "pasarlo", "moverme": the pronoun for the appointment on the verb.
    "(?:cambi|pas|mov|muev|corr)(?:arl[ao]|erl[ao]|al[ao]|el[ao]|enl[ao]|anl[ao])",
    "(?:cambi(?:arme|ame|enme)|moverme)",
    // "lo paso al jueves", "la quiero cambiar": a pronoun for the appointment, then the verb.
    `l[ao] ${MAY}${VERB}`,
    "pas(?:arme|ame|enme) (?:al|para|a)",
  ],
  cancel: [
    "[ck]ancel(?:ar|a|o|e|en|as|amos|emos|ado|ada)(?:me|nos|l[ao]s?|le)?",
    "anul(?:ar|a|o|e|en|amos|emos|ado|ada)(?:me|l[ao]s?)?",
    "(?:dar|da|doy|den|dame|darme|darl[ao]|dal[ao]|demos) de baja",
    `(?:desagend|desprogram)${AR}`,
    `(?:elimin|borr|quit)(?:ar|a|o|en|e|an) ${OWNER}${NOUN}`,
    `suspend(?:er|o|a|an|e|en) ${OWNER}${NOUN}`,
    `no (?:voy a poder|voy a|vamos a poder|vamos a|puedo|podemos|podre|podria|podremos|va a poder|iba a poder) ${TO_GO}`,
    `no me (?:va a ser|es|sera) posible ${TO_GO}`,
    "no (?:ire|iremos|asistire|asistiremos)",
    `ya no (?:necesito|voy a necesitar|quiero|requiero) ${OWNER}${NOUN}`,
  ],
  availability: [
    `hay ${FREE_THING}`,
    `${TO_HAVE} (?:${FREE_THING}|lugar(?:es)?|libre)`,
    `(?:quedan?|queda) (?:${FREE_THING}|lugar(?:es)?)`,
    `(?:que|cuales) (?:horarios|horas|turnos|dias|citas|huecos|cupos) (?:${TO_HAVE}|hay|quedan|estan|atienden|atiende|atendeis|libres|disponibles|puedo|podria|manejan|dan)`,
    `a que hora (?:${TO_HAVE}|hay|puedo|podria|quedan|queda|atienden|atiende|atendeis)`,
    "(?:horarios|turnos|horas|citas|lugares|cupos|huecos) (?:libres|disponibles)",
    "disponibilidad",
    "cuando (?:hay|tienen|tenes|tiene|atienden|atiende|puedo ir|podria ir|puedo pasar|me pueden atender|me puede atender)",
    "(?:primer|proximo|siguiente) (?:turno|hueco|cupo|lugar|horario|cita) (?:libre|disponible)",
  ],
  availabilityWithDate: [
    "(?:hay|habra|habria) (?:lugar|espacio|algo|chance)",
    "(?:esta|estan|estas|estara|estaran|queda|quedan) ... (?:libres?|disponibles?)",
    `${TO_HAVE} (?:hora|algo|espacio)`,
    "(?:quedan?|queda) algo",
    "(?:atienden|atiende|atendes|abren|abre)",
  ],
  booking: [
    "reserv(?:ar|arme|arl[ao]|ame|enme|o|en|emos|amos)",
    "agend(?:ar|arme|arl[ao]|ame|enme|o|en|emos|amos)",
    "apart(?:ar|arme|ame|enme|o|en|emos)",
    "anot(?:ar|arme|ame|enme|en)",
    "sac(?:ar|o|ame|arme|amos) (?:un |una |otro |otra )?(?:turno|cita|hora)",
    "(?:pedir|pido|pedi|dame|deme|denme|me das|me da|me dan|quiero|quisiera|queria|necesito|necesitaria) (?:un |una |otro |otra )?(?:turno|cita|hora|reserva|consulta)",
  ],
  proposal: [
    "puede ser",
    "podria ser",
    "podemos",
    "que tal",
    "y si",
    "mejor",
    "en cambio",
    "en su lugar",
    "prefiero",
    "me sirve",
    "dej(?:al[ao]|emosl[ao]|arl[ao]) para",
  ],
  negation: words("no ni nunca tampoco sin"),
  previousSlot: [
    "del",
    "de(?= las? (?:[0-9]|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)\\b)",
    "de(?= (?:manana|hoy|pasado manana|este|esta)\\b)",
    "desde",
    "en vez de",
    "en lugar de",
    "tengo",
    "tenia",
    "tenemos",
    "teniamos",
    "mi",
    "mis",
    "nuestr[ao]",
    "era",
    "estaba(?: para)?",
    "(?:agendad|reservad|programad)[ao](?: para)?",
  ],
  nextSlot: ["al", "a(?! (?:las?|eso)\\b)", "para", "pa", "pal", "por(?! la\\b)", "hasta"],
  dayBefore: ["al", "pal", "del"],
};
