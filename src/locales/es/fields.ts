// The Spanish words the field readers look for (contact, service, place, intent), folded: lower case, no
// accents. See FieldVocabulary (../locale.ts) for what each list is for; the wordings of rule 22
// (reschedule, cancel, availability) are in ./intents.ts.
import { phrases, words } from "../lists.js";
import type { FieldVocabulary } from "../locale.js";
import { intentWording } from "./intents.js";

export const fields: FieldVocabulary = {
  contact: {
    titles: words(`dr dra doctor doctora lic lcdo lcda licenciado licenciada prof profe profesor profesora ing
      ingeniero ingeniera sr sra srta senor senora senorita don dona mtro mtra maestro maestra enfermera`),
    roleTitles: words("doctor doctora profe profesor profesora enfermera"),
    with: ["con", "c/"],
    articles: words(
      "el la los las mi su nuestro nuestra un una este esta estos estas ese esa esos esas tu tus sus mis",
    ),
    relations:
      words(`mama papa mami papi esposo esposa marido mujer novio novia jefe jefa equipo familia amigos
      amigas amigo amiga hijo hija hijos hijas todos todas alguien nadie ellos ellas ella vos usted ustedes
      cliente clientes companeros companeras hermano hermana abuela abuelo persona personas gente amor estos
      estas esos esas este esta ese esa obra seguro prepaga mutual tarjeta efectivo transferencia receta orden tio
      tia tios primo prima sobrino sobrina padres abuelos suegra suegro cunado cunada`),
    personVerbs: phrases(`llamar a|llama a|llamo a|llamarle a|llamale a|ver a|veo a|visitar a|invitar a|
      escribir a|escribirle a|avisar a|avisarle a|buscar a|recoger a`),
    occasions: words("cumple cumpleanos aniversario funeral velorio jubilacion"),
    occasionOf: ["de"],
    calendarNouns: words(`evento eventos calendario agenda recordatorio recordatorios alarma aviso alerta
      notificacion horario horarios fecha fechas lugar ubicacion direccion detalles notas descripcion titulo enlace
      invitacion lista cita citas turno turnos reunion reuniones sesion sesiones consulta llamada mensaje mensajes
      correo mail`),
  },
  service: {
    phrases: phrases(`corte de pelo|corte de cabello|limpieza dental|limpieza de dientes|examen de la vista|
      examen de vista|revision de la vista|analisis de sangre|prueba de sangre|sesion de terapia|terapia de pareja|
      cambio de aceite|masaje relajante|consulta general|consulta medica|medicina general|medico general|medica general|manicure|manicura|pedicure|pedicura|
      depilacion|tinte|peinado|barberia|barbero|peluqueria|peluquero|peluquera|dentista|odontologo|odontologa|
      ortodoncista|medico|medica|pediatra|ginecologo|ginecologa|dermatologo|dermatologa|oftalmologo|oftalmologa|
      oculista|cardiologo|cardiologa|psicologo|psicologa|psiquiatra|terapeuta|terapia|fisioterapia|fisioterapeuta|
      fisio|kinesiologo|kinesiologa|kinesiologia|kinesio|nutriologo|nutriologa|nutricionista|veterinario|
      veterinaria|abogado|abogada|contador|contadora|notario|notaria|gestor|gestora|asesor|asesora|masaje|masajes|
      limpieza|vacuna|vacunacion|chequeo|revision|ecografia|radiografia|analisis|mecanico|entrevista|tutoria|
      clase de|manicurista|podologo|podologa|otorrino|traumatologo|traumatologa|urologo|urologa|endocrinologo|
      endocrinologa|enfermera|enfermero|optometrista|dermato|gineco|plomero|fontanero|electricista|gasista|cerrajero`),
    requestNouns: words("cita turno hora reserva consulta"),
    for: words("para de"),
    articles: words("un una el la mi"),
  },
  place: {
    prepositions: ["en", "cerca de", "frente a", "ubicacion", "direccion"],
    articles: words("el la los las mi nuestra nuestro su"),
    joiners: words("de del y la el"),
    nameJoiners: words("de del la las el los y en"),
    nameArticles: words("la las el los"),
    venues: words(`clinica consultorio consulta sucursal oficina oficinas hospital sanatorio centro comercial
      medico dental spa hotel peluqueria barberia salon estudio gimnasio academia escuela colegio universidad
      farmacia laboratorio tienda local sede edificio torre restaurante cafeteria cafe bar`),
    streetsBefore: words(
      "av avda avenida calle c carrera cra paseo camino calzada boulevard bulevar blvd pasaje jiron jr ronda via",
    ),
    streetsAfter: [],
    notPlaces:
      words(`agenda calendario lista recordatorio recordatorios telefono celular correo mail app persona
      cuenta caso orden punto serio general total linea cuanto vez camino uno dos tres cuatro cinco seis siete
      ocho nueve diez once doce quince veinte treinta media cuarto evento eventos mes meses calendarios
      ubicacion direccion inicio principio final`),
    notBefore: words("pienso pensar pensando confio confiar creo creer"),
  },
  intent: {
    appointment: phrases(`cita|citas|turno|turnos|reserv[a-z]{0,6}|agend[a-z]{0,6}|program[a-z]{0,6}|
      apart[a-z]{0,4}|sac[a-z]{0,5}|pedir hora|pido hora|hora con|hora para|consulta|sesion|visita|reunion|atender|evento|eventos|calendario|fiesta|cena|almuerzo|concierto|partido|recordatorio|recordame|recuerdame`),
    smallTalk: phrases(
      "clima|el tiempo|que tiempo|lluvia|llover|llueve|como estas|como andas|que tal|jaja|chiste|quien eres",
    ),
    courtesy: phrases(
      "gracias|nos vemos|hasta luego|adios|chau|buenos dias|buenas tardes|buenas noches|hola",
    ),
    wording: intentWording,
  },
  stopwords:
    words(`el la los las lo un una unos unas de del a al en para por con sin y o u que mi mis su sus tu
    tus este esta ese esa manana hoy ayer tarde noche madrugada mediodia pasado proximo proxima semana dia dias
    hora horas minutos lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio
    julio agosto septiembre setiembre octubre noviembre diciembre hs am pm porfa xfa favor gracias urgente
    urgencia cita turno quiero necesito tiene tienen tenes hay algo libre disponible pa pal si es son ser era fue
    va van voy vamos puede pueden puedo podes tambien solo mas muy ya no yo le les me te se nos luego despues ahora primero primera cada`),
  dialects: {
    AR: phrases(`vos|podes|tenes|queres|venis|decis|turno|turnos|hs|che|laburo|colectivo|boludo|lucas`),
    UY: phrases(`vos|podes|tenes|queres|venis|decis|turno|turnos|hs|che`),
    MX: phrases(`cita|ahorita|orale|wey|guey|chido|neta|cuate|chamba|mande`),
    ES: phrases(
      `vale|vosotros|vosotras|os|podeis|teneis|quereis|vuestro|vuestra|quedamos|mola|guay|tio|movil|ordenador`,
    ),
    CL: phrases(`po|cachai|al tiro|weon|fome|pololo|luca`),
    CO: phrases(`parce|parcero|bacano|quiubo|sumerce|chevere`),
    VE: phrases(`chamo|pana|chevere`),
    PE: phrases(`jato|al toque|chela|pata`),
  },
  choices: {
    after: phrases(`despues de|despues|luego de|pasadas|pasadas las|a partir de|desde|no antes de|
      mas tarde de|mas tarde que|cualquier hora despues de`),
    before: phrases("antes de|antes|no despues de|no mas tarde de|a mas tardar|cualquier hora antes de"),
    afterFollowing: phrases("en adelante|para adelante|o mas tarde|o despues|para arriba"),
    beforeFollowing: phrases("o antes|o mas temprano"),
    replace: phrases(`digo|quise decir|quiero decir|perdon|mejor|o sea|corrijo|rectifico|bueno no|
      en realidad|mas bien|disculpa|no espera|espera|mejor dicho|no|sino`),
    negate: phrases("no|ni"),
    or: phrases("o|u"),
    notAlternative: phrases("sea|algo|mas|antes|despues|no|lo que sea|cualquiera"),
  },
};
