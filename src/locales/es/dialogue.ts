// How Spanish speakers answer in a chat: accepting, refusing, picking an option, referring back, and how an
// assistant asks for the user's own name. Folded (lower case, no accents); see DialogueVocabulary.
import { phrases } from "../lists.js";
import type { DialogueVocabulary } from "../locale.js";

export const dialogue: DialogueVocabulary = {
  accept: phrases(`si|sii|sip|sis|dale|dale dale|ok|oka|okey|okay|okis|vale|perfecto|perfecta|perfect|listo|
    lista|de una|de acuerdo|claro|claro que si|genial|excelente|buenisimo|buenisima|barbaro|joya|me sirve|
    me queda bien|me queda perfecto|me viene bien|me va bien|me va|esta bien|ta bien|confirmo|confirmado|
    confirmada|correcto|exacto|eso|eso mismo|va|sale|sale y vale|orale|hagamosle|agendalo|agendala|reservalo|
    reservala|anotalo|anotame|ese mismo|esa misma|ese|esa|obvio|por supuesto|chevere|bacano|de lujo|ya esta|
    bueno dale|bien|muy bien|re bien|buenisimo|mandale|hecho|sisi|si por favor|si porfa|si gracias|
    fantastico|estupendo|maravilloso|ideal|justo|justo eso|eso es|asi es|tal cual|de 10|me encanta|
    me parece bien|me parece perfecto|me late|va que va|ok dale|okas|oki|re va|si si|sii porfa|claro que si|
    si senor|si senora|por supuesto que si|esta perfecto|esta bien asi|quedamos asi|no hay problema|sin problema|no hay drama|ningun problema|bacan|la tomo|lo tomo|me la quedo|me lo quedo|
    la quiero|lo quiero|esa me sirve|ese me sirve|esa esta bien|ese esta bien|cuadra|me cuadra|sirve|me vale`),
  reject: phrases(`no|nop|nel|para nada|no puedo|no me sirve|no me queda|no me viene|no me va|imposible|
    tampoco|mejor no|no gracias|ni modo|no alcanzo|no llego|otro horario|otra hora|otro dia|algo mas tarde|
    mas tarde no|algo mas temprano|no tenes otro|no tiene otro|no hay otro`),
  refuseValue: phrases(`no puedo|no me sirve|no me queda|no me viene|no me va|imposible|no alcanzo|no llego|
    no me da|no me cuadra|no voy a poder|ni loco|ni loca`),
  cancelOutright: phrases(`cancelar|cancela|cancelalo|cancelala|cancelame|cancelo|cancelen|cancelamos|anular|
    anula|anulalo|anulala|anulame|anulo|dar de baja|da de baja|dame de baja|borrar|borrala|borralo|eliminar`),
  ordinals: {
    primero: 1,
    primera: 1,
    primer: 1,
    segundo: 2,
    segunda: 2,
    tercero: 3,
    tercera: 3,
    tercer: 3,
    cuarta: 4,
    quinta: 5,
    ultimo: -1,
    ultima: -1,
  },
  sameDay: phrases("ese dia|ese mismo dia|el mismo dia|mismo dia|esa fecha|esa misma fecha|la misma fecha"),
  sameTime: phrases(
    "a la misma hora|la misma hora|misma hora|a esa hora|esa hora|esa misma hora|mismo horario",
  ),
  dayAfter: phrases("el dia siguiente|al dia siguiente|el dia despues|al otro dia|el otro dia despues"),
  unavailable: phrases(`no hay|no tengo|no tenemos|no tiene|no queda|no quedan|ocupado|ocupada|ocupados|
    no esta disponible|no estan disponibles|no disponible|lleno|llena|completo|completa|no pude|no se pudo|
    ya no|sin lugar|cogido|cogida|reservado|reservada|sin turnos|no hay lugar|no atendemos|cerrado|cerrados|tomado|tomada`),
  fillers: phrases(`gracias|muchas gracias|porfa|porfis|por favor|entonces|pues|po|che|guey|wey|bueno|y|me|
    parece|esta|muy|todo|queda|seria|estaria|re|super|asi|quedamos|asi|nomas|nada mas|hermano|amigo|amiga`),
  existing:
    phrases(`tengo turno|tengo un turno|tengo cita|tengo una cita|tengo hora|tengo una hora|tengo reserva|
    tengo una reserva|ya tengo|mi turno|mi cita|mi hora|mi reserva|tenia turno|tenia cita|tenia hora|
    me dieron turno|me dieron hora|estoy agendado|estoy agendada|estoy anotado|estoy anotada`),
  askName: phrases(`a nombre de quien|a nombre de|tu nombre|su nombre|como te llamas|como se llama|
    nombre completo|para quien es|quien asiste|nombre del paciente`),
};
