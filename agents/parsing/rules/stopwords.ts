// Words that end a name or a place phrase: articles, prepositions, time words and chat filler.
export const STOPWORDS = new Set(
  `el la los las lo un una unos unas de del a al en para por con sin y o u que mi mis su sus tu tus este esta ese esa
  manana hoy ayer tarde noche madrugada mediodia pasado proximo proxima semana dia dias hora horas minutos
  lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio agosto septiembre
  setiembre octubre noviembre diciembre hs am pm porfa xfa favor gracias urgente urgencia cita turno quiero necesito
  the an at on in for to with and or of my your our his her their this that next tomorrow today tonight yesterday
  morning afternoon evening night noon midnight week day days hour hours minutes please pls thanks monday tuesday
  wednesday thursday friday saturday sunday january february march april june july august september october
  november december appointment appt book schedule from around about by before after is it me w tmrw asap`.split(
    /\s+/,
  ),
);
