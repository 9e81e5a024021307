// Hand-kept additions to the generated gazetteer, kept apart from it so they are easy to review.
//
// DISTRICTS: well-known neighbourhoods and boroughs that users name as if they were towns ("la clínica de
// Polanco", "the Brooklyn clinic") but that GeoNames files as sections of a city (left out of the
// generated data) or as separate towns (Brooklyn, NY). Each carries the city it belongs to. The build
// script drops a generated place with the same name and country, so a district is never listed twice.
// Coordinates are the district's centre to about 1 km; populations are rounded census figures, used only
// to rank same-named places.
//
// ALIASES: other names of places in the gazetteer: Spanish exonyms ("Londres", "Nueva York"), short forms
// ("CDMX", "NYC") and English forms of Latin American capitals. The target is a place's exact name and
// country in the data; a test checks every alias finds its place.

export interface District {
  name: string;
  city: string;
  country: string;
  timezone: string;
  lat: number;
  lon: number;
  population: number;
}

export interface Alias {
  alias: string;
  name: string;
  country: string;
}

const BUENOS_AIRES = { city: "Buenos Aires", country: "AR", timezone: "America/Argentina/Buenos_Aires" };
const MEXICO_CITY = { city: "Mexico City", country: "MX", timezone: "America/Mexico_City" };
const BOGOTA = { city: "Bogotá", country: "CO", timezone: "America/Bogota" };
const SANTIAGO = { city: "Santiago", country: "CL", timezone: "America/Santiago" };
const NEW_YORK = { city: "New York City", country: "US", timezone: "America/New_York" };
const LONDON = { city: "London", country: "GB", timezone: "Europe/London" };

export const DISTRICTS: readonly District[] = [
  { name: "Palermo", ...BUENOS_AIRES, lat: -34.578, lon: -58.427, population: 226_000 },
  { name: "Recoleta", ...BUENOS_AIRES, lat: -34.588, lon: -58.397, population: 158_000 },
  { name: "Belgrano", ...BUENOS_AIRES, lat: -34.563, lon: -58.458, population: 127_000 },
  { name: "Polanco", ...MEXICO_CITY, lat: 19.433, lon: -99.199, population: 50_000 },
  { name: "Condesa", ...MEXICO_CITY, lat: 19.411, lon: -99.173, population: 35_000 },
  { name: "Coyoacán", ...MEXICO_CITY, lat: 19.347, lon: -99.162, population: 614_000 },
  { name: "Chapinero", ...BOGOTA, lat: 4.649, lon: -74.063, population: 140_000 },
  { name: "Usaquén", ...BOGOTA, lat: 4.703, lon: -74.03, population: 475_000 },
  {
    name: "El Poblado",
    city: "Medellín",
    country: "CO",
    timezone: "America/Bogota",
    lat: 6.21,
    lon: -75.57,
    population: 130_000,
  },
  {
    name: "Miraflores",
    city: "Lima",
    country: "PE",
    timezone: "America/Lima",
    lat: -12.121,
    lon: -77.03,
    population: 100_000,
  },
  { name: "Providencia", ...SANTIAGO, lat: -33.431, lon: -70.609, population: 143_000 },
  { name: "Las Condes", ...SANTIAGO, lat: -33.408, lon: -70.567, population: 295_000 },
  { name: "Brooklyn", ...NEW_YORK, lat: 40.65, lon: -73.95, population: 2_736_000 },
  { name: "Manhattan", ...NEW_YORK, lat: 40.783, lon: -73.966, population: 1_694_000 },
  { name: "Queens", ...NEW_YORK, lat: 40.682, lon: -73.837, population: 2_405_000 },
  { name: "The Bronx", ...NEW_YORK, lat: 40.85, lon: -73.866, population: 1_473_000 },
  { name: "Staten Island", ...NEW_YORK, lat: 40.562, lon: -74.14, population: 496_000 },
  { name: "Camden", ...LONDON, lat: 51.552, lon: -0.159, population: 210_000 },
  { name: "Westminster", ...LONDON, lat: 51.498, lon: -0.136, population: 204_000 },
];

export const ALIASES: readonly Alias[] = [
  { alias: "Nueva York", name: "New York City", country: "US" },
  { alias: "New York", name: "New York City", country: "US" },
  { alias: "NYC", name: "New York City", country: "US" },
  { alias: "Bronx", name: "The Bronx", country: "US" },
  { alias: "Washington", name: "Washington, D.C.", country: "US" },
  { alias: "Washington DC", name: "Washington, D.C.", country: "US" },
  { alias: "Filadelfia", name: "Philadelphia", country: "US" },
  { alias: "Nueva Orleans", name: "New Orleans", country: "US" },
  { alias: "Londres", name: "London", country: "GB" },
  { alias: "Edimburgo", name: "Edinburgh", country: "GB" },
  { alias: "Ciudad de México", name: "Mexico City", country: "MX" },
  { alias: "CDMX", name: "Mexico City", country: "MX" },
  { alias: "México DF", name: "Mexico City", country: "MX" },
  { alias: "DF", name: "Mexico City", country: "MX" },
  { alias: "Ciudad de Guatemala", name: "Guatemala City", country: "GT" },
  { alias: "Ciudad de Panamá", name: "Panamá", country: "PA" },
  { alias: "Panama City", name: "Panamá", country: "PA" },
  { alias: "La Habana", name: "Havana", country: "CU" },
  { alias: "Habana", name: "Havana", country: "CU" },
  { alias: "Seville", name: "Sevilla", country: "ES" },
  { alias: "Saragossa", name: "Zaragoza", country: "ES" },
  { alias: "La Coruña", name: "A Coruña", country: "ES" },
  { alias: "Roma", name: "Rome", country: "IT" },
  { alias: "Florencia", name: "Florence", country: "IT" },
  { alias: "Lisboa", name: "Lisbon", country: "PT" },
];
