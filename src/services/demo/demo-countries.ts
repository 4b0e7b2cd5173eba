// Countries of the demo portfolio with their cities, postal codes, phone formats, people's
// names and company forms, so an account in Lyon has a Lyon number and a French name.
// Numbers are made up; US ones use the 555-01xx range reserved for fiction.
import type { Random } from './seeded-random.js';

export interface DemoCity {
  name: string;
  region: string;
  postalCodes: readonly string[];
  /** Trunk-less area code as written after the country code. */
  area: string;
}

export interface DemoCountry {
  code: string;
  weight: number;
  cities: readonly DemoCity[];
  companyForms: readonly string[];
  /** How the public body of a city is called, e.g. "Ville de Lyon". */
  cityAuthority: (city: string) => string;
  female: readonly string[];
  male: readonly string[];
  lastNames: readonly string[];
  landline: (area: string, r: Random) => string;
  mobile: (r: Random) => string;
}

const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
const pairs = (r: Random, n: number) => Array.from({ length: n }, () => digits(r, 2)).join(' ');

export const DEMO_COUNTRIES: readonly DemoCountry[] = [
  {
    code: 'FR', weight: 30,
    cities: [
      { name: 'Paris', region: 'Île-de-France', postalCodes: ['75002', '75008', '75009', '75011', '75015', '75017'], area: '1' },
      { name: 'Lyon', region: 'Auvergne-Rhône-Alpes', postalCodes: ['69001', '69003', '69006', '69007'], area: '4' },
      { name: 'Marseille', region: "Provence-Alpes-Côte d'Azur", postalCodes: ['13001', '13002', '13008', '13010'], area: '4' },
      { name: 'Toulouse', region: 'Occitanie', postalCodes: ['31000', '31100', '31200', '31400'], area: '5' },
      { name: 'Bordeaux', region: 'Nouvelle-Aquitaine', postalCodes: ['33000', '33100', '33300', '33800'], area: '5' },
      { name: 'Lille', region: 'Hauts-de-France', postalCodes: ['59000', '59160', '59800'], area: '3' },
      { name: 'Nantes', region: 'Pays de la Loire', postalCodes: ['44000', '44100', '44200', '44300'], area: '2' },
      { name: 'Strasbourg', region: 'Grand Est', postalCodes: ['67000', '67100', '67200'], area: '3' },
      { name: 'Rennes', region: 'Bretagne', postalCodes: ['35000', '35200', '35700'], area: '2' },
      { name: 'Nice', region: "Provence-Alpes-Côte d'Azur", postalCodes: ['06000', '06100', '06200', '06300'], area: '4' },
    ],
    companyForms: [' SAS', ' SARL', ' SA', ''],
    cityAuthority: (city) => `Ville de ${city}`,
    female: ['Camille', 'Léa', 'Manon', 'Chloé', 'Sarah', 'Julie', 'Marie', 'Inès', 'Claire', 'Élodie', 'Aurélie', 'Sophie', 'Nathalie'],
    male: ['Thomas', 'Nicolas', 'Julien', 'Maxime', 'Antoine', 'Pierre', 'Lucas', 'Hugo', 'Louis', 'Mathieu', 'François', 'Sébastien', 'Benoît'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
      'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier',
      'Dupont', 'Lambert', 'Bonnet', 'Legrand', 'Chevalier', 'Faure'],
    landline: (area, r) => `+33 ${area} ${pairs(r, 4)}`,
    mobile: (r) => `+33 ${r.pick(['6', '7'])} ${pairs(r, 4)}`,
  },
  {
    code: 'DE', weight: 14,
    cities: [
      { name: 'Berlin', region: 'Berlin', postalCodes: ['10115', '10117', '10178', '10243', '10557'], area: '30' },
      { name: 'Hamburg', region: 'Hamburg', postalCodes: ['20095', '20354', '22767'], area: '40' },
      { name: 'München', region: 'Bayern', postalCodes: ['80331', '80335', '80469', '81675'], area: '89' },
      { name: 'Köln', region: 'Nordrhein-Westfalen', postalCodes: ['50667', '50672', '50823'], area: '221' },
      { name: 'Frankfurt am Main', region: 'Hessen', postalCodes: ['60311', '60313', '60486'], area: '69' },
      { name: 'Stuttgart', region: 'Baden-Württemberg', postalCodes: ['70173', '70178', '70372'], area: '711' },
      { name: 'Düsseldorf', region: 'Nordrhein-Westfalen', postalCodes: ['40210', '40212', '40476'], area: '211' },
      { name: 'Leipzig', region: 'Sachsen', postalCodes: ['04103', '04109', '04277'], area: '341' },
    ],
    companyForms: [' GmbH', ' GmbH', ' AG', ' KG', ' GmbH & Co. KG'],
    cityAuthority: (city) => `Stadt ${city}`,
    female: ['Anna', 'Lena', 'Laura', 'Julia', 'Katharina', 'Sophie', 'Hannah', 'Sabine', 'Petra', 'Birgit', 'Claudia', 'Susanne'],
    male: ['Lukas', 'Jonas', 'Leon', 'Felix', 'Maximilian', 'Paul', 'Tobias', 'Stefan', 'Andreas', 'Michael', 'Jürgen', 'Markus', 'Christian'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer',
      'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange'],
    landline: (area, r) => `+49 ${area} ${digits(r, area.length === 2 ? 8 : 7)}`,
    mobile: (r) => `+49 ${r.pick(['151', '160', '170', '176'])} ${digits(r, 8)}`,
  },
  {
    code: 'ES', weight: 10,
    cities: [
      { name: 'Madrid', region: 'Comunidad de Madrid', postalCodes: ['28001', '28004', '28010', '28013', '28045'], area: '91' },
      { name: 'Barcelona', region: 'Cataluña', postalCodes: ['08001', '08007', '08013', '08029'], area: '93' },
      { name: 'Valencia', region: 'Comunidad Valenciana', postalCodes: ['46001', '46002', '46010'], area: '96' },
      { name: 'Sevilla', region: 'Andalucía', postalCodes: ['41001', '41004', '41010'], area: '95' },
      { name: 'Bilbao', region: 'País Vasco', postalCodes: ['48001', '48008', '48013'], area: '94' },
      { name: 'Zaragoza', region: 'Aragón', postalCodes: ['50001', '50004', '50009'], area: '976' },
      { name: 'Málaga', region: 'Andalucía', postalCodes: ['29001', '29004', '29016'], area: '95' },
    ],
    companyForms: [' S.L.', ' S.L.', ' S.A.'],
    cityAuthority: (city) => `Ayuntamiento de ${city}`,
    female: ['María', 'Lucía', 'Carmen', 'Laura', 'Marta', 'Ana', 'Paula', 'Elena', 'Sofía', 'Isabel', 'Cristina', 'Pilar'],
    male: ['Javier', 'Daniel', 'David', 'Alejandro', 'Pablo', 'Carlos', 'Manuel', 'Sergio', 'Jorge', 'Miguel', 'Álvaro', 'Raúl', 'Antonio'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez',
      'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Alonso', 'Navarro', 'Torres', 'Vázquez', 'Ramos', 'Gil'],
    landline: (area, r) => (area.length === 2 ? `+34 ${area} ${digits(r, 3)} ${pairs(r, 2)}` : `+34 ${area} ${pairs(r, 3)}`),
    mobile: (r) => `+34 6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
  },
  {
    code: 'GB', weight: 10,
    cities: [
      { name: 'London', region: 'Greater London', postalCodes: ['EC1A 1BB', 'SW1A 2AA', 'W1D 3QF', 'SE1 9GP', 'E14 5AB', 'N1 9GU'], area: '20' },
      { name: 'Manchester', region: 'Greater Manchester', postalCodes: ['M1 1AE', 'M2 5DB', 'M4 1HN'], area: '161' },
      { name: 'Birmingham', region: 'West Midlands', postalCodes: ['B1 1BB', 'B2 4QA', 'B3 2DJ'], area: '121' },
      { name: 'Leeds', region: 'West Yorkshire', postalCodes: ['LS1 4DY', 'LS2 7EW', 'LS11 5QP'], area: '113' },
      { name: 'Glasgow', region: 'Scotland', postalCodes: ['G1 1XQ', 'G2 5QR', 'G3 8YW'], area: '141' },
      { name: 'Bristol', region: 'South West England', postalCodes: ['BS1 4DJ', 'BS1 5TR', 'BS8 1TH'], area: '117' },
      { name: 'Edinburgh', region: 'Scotland', postalCodes: ['EH1 1YZ', 'EH2 4AD', 'EH3 9DR'], area: '131' },
    ],
    companyForms: [' Ltd', ' Ltd', ' plc', ' LLP'],
    cityAuthority: (city) => `${city} City Council`,
    female: ['Emily', 'Olivia', 'Amelia', 'Sophie', 'Charlotte', 'Jessica', 'Hannah', 'Lucy', 'Grace', 'Chloe', 'Rachel', 'Sarah'],
    male: ['Oliver', 'Harry', 'Jack', 'George', 'James', 'William', 'Thomas', 'Daniel', 'Matthew', 'Samuel', 'Andrew', 'David'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans',
      'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Hughes', 'Edwards', 'Turner'],
    landline: (area, r) => (area.length === 2 ? `+44 ${area} ${digits(r, 4)} ${digits(r, 4)}` : `+44 ${area} ${digits(r, 3)} ${digits(r, 4)}`),
    mobile: (r) => `+44 7${digits(r, 3)} ${digits(r, 6)}`,
  },
  {
    code: 'IT', weight: 10,
    cities: [
      { name: 'Milano', region: 'Lombardia', postalCodes: ['20121', '20122', '20135', '20154'], area: '02' },
      { name: 'Roma', region: 'Lazio', postalCodes: ['00184', '00186', '00197'], area: '06' },
      { name: 'Torino', region: 'Piemonte', postalCodes: ['10121', '10128', '10138'], area: '011' },
      { name: 'Napoli', region: 'Campania', postalCodes: ['80121', '80133', '80142'], area: '081' },
      { name: 'Bologna', region: 'Emilia-Romagna', postalCodes: ['40121', '40126', '40139'], area: '051' },
      { name: 'Firenze', region: 'Toscana', postalCodes: ['50122', '50129', '50144'], area: '055' },
      { name: 'Verona', region: 'Veneto', postalCodes: ['37121', '37122', '37135'], area: '045' },
    ],
    companyForms: [' S.r.l.', ' S.r.l.', ' S.p.A.'],
    cityAuthority: (city) => `Comune di ${city}`,
    female: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Martina', 'Valentina', 'Alessia', 'Elena', 'Federica', 'Silvia', 'Anna', 'Laura'],
    male: ['Marco', 'Luca', 'Andrea', 'Matteo', 'Alessandro', 'Francesco', 'Lorenzo', 'Davide', 'Simone', 'Giuseppe', 'Roberto', 'Paolo'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo',
      'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Rinaldi'],
    landline: (area, r) => (area.length === 2 ? `+39 ${area} ${digits(r, 4)} ${digits(r, 4)}` : `+39 ${area} ${digits(r, 3)} ${digits(r, 4)}`),
    mobile: (r) => `+39 3${digits(r, 2)} ${digits(r, 3)} ${digits(r, 4)}`,
  },
  {
    code: 'US', weight: 10,
    cities: [
      { name: 'New York', region: 'NY', postalCodes: ['10001', '10016', '10018', '10036'], area: '212' },
      { name: 'Chicago', region: 'IL', postalCodes: ['60601', '60606', '60611'], area: '312' },
      { name: 'San Francisco', region: 'CA', postalCodes: ['94103', '94105', '94107'], area: '415' },
      { name: 'Boston', region: 'MA', postalCodes: ['02108', '02110', '02116'], area: '617' },
      { name: 'Austin', region: 'TX', postalCodes: ['78701', '78702', '78704'], area: '512' },
      { name: 'Seattle', region: 'WA', postalCodes: ['98101', '98104', '98109'], area: '206' },
      { name: 'Atlanta', region: 'GA', postalCodes: ['30303', '30308', '30309'], area: '404' },
    ],
    companyForms: [' Inc.', ' Inc.', ' LLC', ' Corp.'],
    cityAuthority: (city) => `City of ${city}`,
    female: ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Jessica', 'Ashley', 'Emily', 'Amanda', 'Megan', 'Lauren', 'Nicole'],
    male: ['James', 'John', 'Robert', 'Michael', 'David', 'Christopher', 'Matthew', 'Joshua', 'Andrew', 'Brian', 'Kevin', 'Ryan', 'Jason'],
    lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Wilson', 'Anderson', 'Taylor',
      'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young'],
    landline: (area, r) => `+1 (${area}) 555-01${digits(r, 2)}`,
    mobile: (r) => `+1 (${r.pick(['646', '917', '773', '628'])}) 555-01${digits(r, 2)}`,
  },
  {
    code: 'BE', weight: 8,
    cities: [
      { name: 'Bruxelles', region: 'Bruxelles-Capitale', postalCodes: ['1000', '1040', '1050', '1060'], area: '2' },
      { name: 'Antwerpen', region: 'Vlaanderen', postalCodes: ['2000', '2018', '2060'], area: '3' },
      { name: 'Gent', region: 'Vlaanderen', postalCodes: ['9000', '9030', '9050'], area: '9' },
      { name: 'Liège', region: 'Wallonie', postalCodes: ['4000', '4020', '4030'], area: '4' },
      { name: 'Namur', region: 'Wallonie', postalCodes: ['5000', '5002'], area: '81' },
      { name: 'Leuven', region: 'Vlaanderen', postalCodes: ['3000', '3001', '3010'], area: '16' },
    ],
    companyForms: [' SRL', ' SA', ' BV', ' NV'],
    cityAuthority: (city) => (['Antwerpen', 'Gent', 'Leuven'].includes(city) ? `Stad ${city}` : `Ville de ${city}`),
    female: ['Emma', 'Olivia', 'Louise', 'Mila', 'Elise', 'Lotte', 'Marie', 'Nathalie', 'Sofie', 'Julie', 'Anne', 'Els', 'Hélène'],
    male: ['Lucas', 'Louis', 'Noah', 'Arthur', 'Liam', 'Jules', 'Pieter', 'Jan', 'Koen', 'Thomas', 'Wim', 'Bart'],
    lastNames: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois',
      'Lambert', 'Dupont', 'Simon', 'Vermeulen', 'Hermans', 'Leclercq', 'De Clercq', 'Lemaire', 'Renard', 'Aerts', 'Pauwels', 'Van Damme'],
    landline: (area, r) => (area.length === 1 ? `+32 ${area} ${digits(r, 3)} ${pairs(r, 2)}` : `+32 ${area} ${pairs(r, 3)}`),
    mobile: (r) => `+32 4${digits(r, 2)} ${pairs(r, 3)}`,
  },
  {
    code: 'NL', weight: 8,
    cities: [
      { name: 'Amsterdam', region: 'Noord-Holland', postalCodes: ['1011 AB', '1012 JS', '1017 CE', '1071 XX'], area: '20' },
      { name: 'Rotterdam', region: 'Zuid-Holland', postalCodes: ['3011 AD', '3012 CL', '3072 AP'], area: '10' },
      { name: 'Den Haag', region: 'Zuid-Holland', postalCodes: ['2511 CV', '2514 JP', '2595 AN'], area: '70' },
      { name: 'Utrecht', region: 'Utrecht', postalCodes: ['3511 LX', '3521 AZ', '3584 CS'], area: '30' },
      { name: 'Eindhoven', region: 'Noord-Brabant', postalCodes: ['5611 AZ', '5612 AJ', '5651 GG'], area: '40' },
      { name: 'Groningen', region: 'Groningen', postalCodes: ['9711 LM', '9712 CP', '9747 AG'], area: '50' },
    ],
    companyForms: [' B.V.', ' B.V.', ' N.V.'],
    cityAuthority: (city) => `Gemeente ${city}`,
    female: ['Emma', 'Julia', 'Sophie', 'Anna', 'Sara', 'Eva', 'Lisa', 'Fleur', 'Iris', 'Noor', 'Femke', 'Sanne', 'Anouk'],
    male: ['Daan', 'Sem', 'Lucas', 'Levi', 'Finn', 'Milan', 'Jesse', 'Bram', 'Lars', 'Ruben', 'Joost', 'Maarten'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
      'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'van der Meer'],
    landline: (area, r) => `+31 ${area} ${digits(r, 3)} ${digits(r, 4)}`,
    mobile: (r) => `+31 6 ${digits(r, 4)} ${digits(r, 4)}`,
  },
];
