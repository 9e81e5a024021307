// What an appointment is for, and the roles that name a service rather than a person ("el dentista",
// "the accountant", "la nutrióloga"). Folded (lower case, no accents); longest phrases first.
const SPANISH_SERVICES = `corte de pelo|corte de cabello|limpieza dental|limpieza de dientes|examen de la vista|examen de vista|
revision de la vista|analisis de sangre|prueba de sangre|sesion de terapia|terapia de pareja|cambio de aceite|
masaje relajante|medico general|medica general|manicure|manicura|pedicure|pedicura|depilacion|tinte|peinado|
barberia|barbero|peluqueria|peluquero|peluquera|dentista|odontologo|odontologa|ortodoncista|medico|medica|
pediatra|ginecologo|ginecologa|dermatologo|dermatologa|oftalmologo|oftalmologa|oculista|cardiologo|cardiologa|
psicologo|psicologa|psiquiatra|terapeuta|terapia|fisioterapia|fisioterapeuta|fisio|kinesiologo|kinesiologa|
kinesiologia|kinesio|nutriologo|nutriologa|nutricionista|veterinario|veterinaria|abogado|abogada|contador|
contadora|notario|notaria|gestor|gestora|asesor|asesora|masaje|masajes|limpieza|vacuna|vacunacion|chequeo|revision|
ecografia|radiografia|analisis|mecanico|entrevista|tutoria|clase de|manicurista|podologo|podologa|otorrino|
traumatologo|traumatologa|urologo|uróloga|endocrinologo|endocrinologa|enfermera|enfermero|optometrista|dermato|gineco`;

const ENGLISH_SERVICES = `dental cleaning|teeth cleaning|eye exam|eye test|eye doctor|blood test|blood work|therapy session|
physical therapy|oil change|beard trim|flu shot|haircut|hair cut|trim|dentist|orthodontist|pediatrician|
dermatologist|optometrist|ophthalmologist|therapist|therapy|counseling|counselling|psychologist|psychiatrist|
physiotherapy|physio|chiropractor|massage|manicure|pedicure|nails|facial|waxing|checkup|check-up|physical|
vaccination|vaccine|x-ray|ultrasound|cleaning|consultation|accountant|lawyer|attorney|vet|veterinarian|mechanic|
interview|tutoring|lesson|nutritionist|dietitian|cardiologist|gynecologist|hairdresser|barber|stylist|gp|doctor|
nurse|physician|podiatrist|optician|tax advisor|financial advisor|car service`;

function alternatives(list: string): string {
  return list
    .split("|")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .sort((a, b) => b.length - a.length)
    .join("|");
}

const SERVICES = alternatives(`${SPANISH_SERVICES}|${ENGLISH_SERVICES}`);

export const SERVICE_PATTERN = new RegExp(`\\b(?:${SERVICES})\\b`, "g");

/**
 * The service phrases themselves. Each is plain text starting and ending with a letter, so a phrase that
 * SERVICE_PATTERN matches whole is exactly one of them: a set look-up instead of running the pattern.
 */
const SERVICE_PHRASES = new Set(SERVICES.split("|"));

/** Titles that, with no name after them, are roles: "la doctora" is a service. */
export const ROLE_TITLES = new Set([
  "doctor",
  "doctora",
  "profe",
  "profesor",
  "profesora",
  "nurse",
  "enfermera",
  "coach",
]);

/** Whether the whole phrase (folded) is a service or a role. */
export function isServiceWord(phrase: string): boolean {
  return SERVICE_PHRASES.has(phrase);
}
