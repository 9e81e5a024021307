// Common Spanish words and the marks only Spanish writes, for telling languages apart (../detect.ts).
import { words } from "../lists.js";
import type { Detection } from "../locale.js";

export const detection: Detection = {
  words:
    words(`cita turno turnos manana hoy ayer con para el la las los de del por quiero quisiera necesito agendar
    agendame reservar reserva hora tarde noche semana que una un mi en y lunes martes miercoles jueves viernes
    sabado domingo consulta sacame saca pedir pido favor porfa xfa hola gracias medico proximo viene pasado dia
    dias esta este puedo podria tengo ver al dentista doctora dra nos quiero pelo corte limpieza se me le hs
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre mediodia madrugada
    pasame dame busco tienen hay algo`),
  marks: /[ñ¿¡]/i,
  markWeight: 2,
};
