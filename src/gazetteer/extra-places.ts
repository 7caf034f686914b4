/**
 * Places no bundled dataset gives as points: continents and the regions news names
 * as if they were places. Coordinates are GeoNames' points where GeoNames has one (so
 * figures compare with GeoNames-based gold), as reference-points.ts takes them: where
 * GeoNames' and Wikipedia's points lie under 322 km apart, the point between the two.
 * A region GeoNames lacks that covers nearly all of one continent takes that continent's
 * point (Latin America, sub-Saharan Africa); any other, a central point.
 */
export interface ExtraPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  names: string[];
  /** Feature code when not a continent (CONT) or multi-country region (RGN): AREA for a named area inside one country. */
  code?: string;
  country?: string;
  demonyms?: string[];
  population?: number;
}

type Row = [id: string, name: string, lat: number, lon: number, names: string[], more?: Partial<ExtraPlace>];

const ROWS: Row[] = [
  [
    'gn:6255146',
    'Africa',
    7.1881,
    21.09375,
    ['Africa', 'Afrique', 'Afrika', 'África', 'أفريقيا', 'إفريقيا'],
    { demonyms: ['African', 'Africans'] },
  ],
  [
    'gn:6255147',
    'Asia',
    29.84064,
    89.29688,
    ['Asia', 'Asie', 'Asien', 'Ásia', 'آسيا'],
    { demonyms: ['Asian', 'Asians'] },
  ],
  [
    'gn:6255148',
    'Europe',
    48.69096,
    9.14062,
    [
      'Europe',
      'Europa',
      'أوروبا',
      'اوروبا',
      'EU',
      'European Union',
      'Union européenne',
      'Europäische Union',
      'Unión Europea',
      'União Europeia',
      'الاتحاد الأوروبي',
    ],
    { demonyms: ['European', 'Europeans'] },
  ],
  [
    'gn:6255149',
    'North America',
    46.07323,
    -100.54688,
    [
      'North America',
      'Amérique du Nord',
      'Nordamerika',
      'América del Norte',
      'América do Norte',
      'أمريكا الشمالية',
    ],
    { demonyms: ['North American'] },
  ],
  [
    'gn:6255150',
    'South America',
    -14.60485,
    -57.65625,
    [
      'South America',
      'Amérique du Sud',
      'Südamerika',
      'América del Sur',
      'América do Sul',
      'أمريكا الجنوبية',
    ],
    { demonyms: ['South American'] },
  ],
  ['gn:6255151', 'Oceania', -18.31281, 138.51562, ['Oceania', 'Océanie', 'Ozeanien', 'أوقيانوسيا']],
  [
    'gn:6255152',
    'Antarctica',
    -78.15856,
    16.40626,
    ['Antarctica', 'Antarctique', 'Antarktis', 'Antártida', 'القارة القطبية الجنوبية'],
  ],
  [
    'gn:3411923',
    'Atlantic Ocean',
    10,
    -25,
    ['Atlantic Ocean', 'Atlantic', 'Océan Atlantique', 'Atlantik', 'Océano Atlántico', 'المحيط الأطلسي'],
  ],
  [
    'gn:2363254',
    'Pacific Ocean',
    0,
    -160,
    ['Pacific Ocean', 'Pacific', 'Océan Pacifique', 'Pazifik', 'Océano Pacífico', 'المحيط الهادئ'],
  ],
  [
    // GeoNames' point, as the GeoNames-derived gold gives it (GWN); Wikipedia's, 20°S 80°E, lies
    // 1,500 km off, too far for a point between the two.
    'gn:1545739',
    'Indian Ocean',
    -10,
    70,
    ['Indian Ocean', 'Océan Indien', 'Indischer Ozean', 'المحيط الهندي'],
  ],
  [
    'rg:middle-east',
    'Middle East',
    29.3,
    42.5,
    [
      'Middle East',
      'Mideast',
      'Moyen-Orient',
      'Naher Osten',
      'Nahost',
      'Oriente Medio',
      'Oriente Médio',
      'الشرق الأوسط',
    ],
    { demonyms: ['Middle Eastern'] },
  ],
  [
    'rg:north-africa',
    'North Africa',
    27,
    14,
    ['North Africa', 'Northern Africa', 'Afrique du Nord', 'Nordafrika', 'شمال أفريقيا'],
    { demonyms: ['North African'] },
  ],
  [
    // South America's point: the continent is nine tenths of Latin America's land.
    'rg:latin-america',
    'Latin America',
    -14.60485,
    -57.65625,
    ['Latin America', 'Amérique latine', 'Lateinamerika', 'América Latina', 'أمريكا اللاتينية'],
    { demonyms: ['Latin American', 'Latin Americans'] },
  ],
  [
    'rg:central-america',
    'Central America',
    12.77,
    -85.6,
    ['Central America', 'Amérique centrale', 'Mittelamerika', 'Centroamérica', 'América Central'],
    { demonyms: ['Central American'] },
  ],
  ['rg:caribbean', 'Caribbean', 14.5, -75.5, ['Caribbean', 'Caraïbes', 'Karibik', 'Caribe']],
  [
    'rg:southeast-asia',
    'Southeast Asia',
    6.0,
    110.0,
    [
      'Southeast Asia',
      'South-East Asia',
      'Asie du Sud-Est',
      'Südostasien',
      'Sudeste Asiático',
      'جنوب شرق آسيا',
    ],
  ],
  ['rg:south-asia', 'South Asia', 23.0, 78.0, ['South Asia', 'Asie du Sud', 'Südasien', 'جنوب آسيا']],
  [
    'rg:central-asia',
    'Central Asia',
    44.0,
    66.0,
    ['Central Asia', 'Asie centrale', 'Zentralasien', 'آسيا الوسطى'],
  ],
  [
    'rg:east-africa',
    'East Africa',
    0.0,
    36.0,
    ['East Africa', 'Eastern Africa', 'Afrique de l’Est', 'Ostafrika', 'شرق أفريقيا'],
  ],
  [
    'rg:west-africa',
    'West Africa',
    12.0,
    -3.0,
    ['West Africa', 'Western Africa', 'Afrique de l’Ouest', 'Westafrika', 'غرب أفريقيا'],
  ],
  [
    'rg:horn-of-africa',
    'Horn of Africa',
    8.0,
    45.0,
    ['Horn of Africa', 'Corne de l’Afrique', 'Horn von Afrika', 'القرن الأفريقي'],
  ],
  [
    'rg:sub-saharan-africa',
    'Sub-Saharan Africa',
    7.1881,
    21.09375,
    ['Sub-Saharan Africa', 'Afrique subsaharienne', 'أفريقيا جنوب الصحراء'],
  ],
  ['rg:balkans', 'Balkans', 43.0, 21.0, ['Balkans', 'Balkan', 'Balcanes', 'البلقان']],
  ['rg:scandinavia', 'Scandinavia', 63.0, 14.0, ['Scandinavia', 'Scandinavie', 'Skandinavien']],
  ['rg:levant', 'Levant', 33.5, 36.5, ['Levant', 'Levante', 'بلاد الشام', 'الشام']],
  [
    'rg:gulf',
    'Persian Gulf',
    27.0,
    51.0,
    // "The Gulf" alone, in international news, is this one.
    ['Persian Gulf', 'Arabian Gulf', 'Gulf', 'Gulf region', 'Golfe persique', 'الخليج العربي', 'الخليج'],
  ],
  [
    // Between GeoNames' point (35°N 20°E) and Wikipedia's (35°N 18°E).
    'rg:mediterranean',
    'Mediterranean',
    35.0,
    19.0,
    ['Mediterranean', 'Méditerranée', 'Mittelmeer', 'Mediterráneo', 'البحر المتوسط', 'البحر الأبيض المتوسط'],
  ],
  [
    'rg:korean-peninsula',
    'Korean Peninsula',
    38,
    127.5,
    // A bare "Korea" is the Republic of Korea (build-index.ts).
    ['Korean Peninsula', 'شبه الجزيرة الكورية'],
  ],
  ['rg:sinai', 'Sinai', 29.5, 33.8, ['Sinai', 'Sinaï', 'سيناء'], { code: 'AREA', country: 'EG' }],
  [
    'rg:kurdistan',
    'Kurdistan',
    36.5,
    44.0,
    ['Kurdistan', 'Iraqi Kurdistan', 'كردستان', 'إقليم كردستان'],
    { code: 'AREA', country: 'IQ', demonyms: ['Kurdish'] },
  ],
  [
    'rg:white-house',
    'White House',
    38.8977,
    -77.0365,
    ['White House', 'Maison Blanche', 'Weißes Haus', 'Casa Blanca', 'البيت الأبيض'],
    // News names the building as often as a major city, far more than the towns also so called.
    { code: 'BLDG', country: 'US', population: 10_000_000 },
  ],
  // Seats of power, districts and airports that news names as places, often for those who work there
  // ("the Kremlin said"), and which GeoNames' populated places lack. Points are the sites themselves.
  ...landmarks([
    ['kremlin', 'Kremlin', 55.752, 37.6175, ['Kremlin', 'Moscow Kremlin', 'Кремль', 'الكرملين'], 'RU'],
    ['pentagon', 'Pentagon', 38.8719, -77.0563, ['Pentagon', 'البنتاغون'], 'US'],
    ['capitol-hill', 'Capitol Hill', 38.8899, -77.0091, ['Capitol Hill'], 'US'],
    ['downing-street', 'Downing Street', 51.5033, -0.1276, ['Downing Street', 'Number 10', 'No 10'], 'GB'],
    ['buckingham-palace', 'Buckingham Palace', 51.5014, -0.1419, ['Buckingham Palace'], 'GB'],
    ['windsor-castle', 'Windsor Castle', 51.4839, -0.6044, ['Windsor Castle'], 'GB'],
    [
      'elysee',
      'Élysée Palace',
      48.8704,
      2.3167,
      ['Élysée', 'Élysée Palace', 'Elysee Palace', 'الإليزيه'],
      'FR',
    ],
    ['wall-street', 'Wall Street', 40.706, -74.009, ['Wall Street'], 'US'],
    ['broadway', 'Broadway', 40.759, -73.9845, ['Broadway'], 'US'],
    // The film industry's home, which news names far more than Hollywood, Florida.
    ['hollywood', 'Hollywood', 34.0983, -118.3267, ['Hollywood'], 'US'],
    ['silicon-valley', 'Silicon Valley', 37.3875, -122.0575, ['Silicon Valley'], 'US'],
    [
      'heathrow',
      'Heathrow Airport',
      51.47,
      -0.4543,
      ['Heathrow', 'Heathrow Airport', 'London Heathrow'],
      'GB',
    ],
    ['gatwick', 'Gatwick Airport', 51.1537, -0.1821, ['Gatwick', 'Gatwick Airport', 'London Gatwick'], 'GB'],
    [
      'disney-world',
      'Walt Disney World',
      28.3852,
      -81.5639,
      ['Walt Disney World', 'Disney World', 'Disneyworld'],
      'US',
    ],
    ['disneyland', 'Disneyland', 33.8121, -117.919, ['Disneyland'], 'US'],
    [
      'green-zone',
      'Green Zone',
      33.303,
      44.392,
      ['Green Zone', 'International Zone', 'المنطقة الخضراء'],
      'IQ',
    ],
    // Air bases the wars Vigil monitors are fought from and over.
    [
      'hmeimim',
      'Hmeimim Air Base',
      35.4011,
      35.9487,
      ['Hmeimim', 'Khmeimim', 'Hmeimim Air Base', 'حميميم'],
      'SY',
    ],
    [
      'shayrat',
      'Shayrat Air Base',
      34.49,
      36.909,
      ['Shayrat', 'Al Shayrat', 'Shairat', 'Shayrat Air Base', 'الشعيرات'],
      'SY',
    ],
    [
      'tiyas',
      'Tiyas Air Base',
      34.5225,
      37.63,
      ['Tiyas', 'Tiyas Air Base', 'T-4 air base', 'التيفور', 'التياس'],
      'SY',
    ],
    [
      'al-udeid',
      'Al Udeid Air Base',
      25.1174,
      51.315,
      ['Al Udeid', 'Udeid', 'Al Udeid Air Base', 'العديد'],
      'QA',
    ],
  ]),
  [
    'rg:darfur',
    'Darfur',
    13.0,
    25.0,
    ['Darfur', 'دارفور'],
    { code: 'AREA', country: 'SD', population: 1_000_000 },
  ],
  [
    'rg:south-ossetia',
    'South Ossetia',
    42.33,
    44.0,
    ['South Ossetia', 'Ossétie du Sud', 'Südossetien', 'Osetia del Sur', 'أوسيتيا الجنوبية'],
    { code: 'AREA', country: 'GE', demonyms: ['South Ossetian', 'South Ossetians'], population: 1_000_000 },
  ],
  [
    'rg:abkhazia',
    'Abkhazia',
    43.0,
    41.0,
    ['Abkhazia', 'Abkhazie', 'Abchasien', 'Abjasia', 'أبخازيا'],
    { code: 'AREA', country: 'GE', demonyms: ['Abkhaz', 'Abkhazian', 'Abkhazians'], population: 1_000_000 },
  ],
  [
    'rg:sumatra',
    'Sumatra',
    0.0,
    102.0,
    ['Sumatra', 'Sumatera'],
    { code: 'AREA', country: 'ID', population: 1_000_000 },
  ],
  ['rg:java', 'Java', -7.5, 110.0, ['Java', 'Jawa'], { code: 'AREA', country: 'ID', population: 1_000_000 }],
  ['rg:borneo', 'Borneo', 1.0, 114.0, ['Borneo'], { population: 1_000_000 }],
  ['rg:americas', 'Americas', 19.0, -96.0, ['Americas', 'the Americas', 'Amériques', 'Amerika', 'Américas']],
  [
    'rg:eastern-ghouta',
    'Eastern Ghouta',
    33.52,
    36.42,
    [
      'Eastern Ghouta',
      'East Ghouta',
      'Ghouta',
      'Ghouta orientale',
      'Ost-Ghuta',
      'Ghuta Oriental',
      'الغوطة الشرقية',
      'الغوطة',
    ],
    { code: 'AREA', country: 'SY' },
  ],
  [
    'rg:western-ghouta',
    'Western Ghouta',
    33.42,
    36.2,
    ['Western Ghouta', 'West Ghouta', 'الغوطة الغربية'],
    { code: 'AREA', country: 'SY' },
  ],
  [
    'rg:qalamoun',
    'Qalamoun',
    33.95,
    36.6,
    ['Qalamoun', 'Qalamun', 'القلمون'],
    { code: 'AREA', country: 'SY' },
  ],
  [
    'rg:west-bank',
    'West Bank',
    31.95,
    35.25,
    ['West Bank', 'Cisjordanie', 'Westjordanland', 'Cisjordania', 'الضفة الغربية'],
    { code: 'AREA', country: 'PS' },
  ],
  [
    'rg:gaza-strip',
    'Gaza Strip',
    31.42,
    34.36,
    ['Gaza Strip', 'Bande de Gaza', 'Gazastreifen', 'Franja de Gaza', 'قطاع غزة'],
    { code: 'AREA', country: 'PS' },
  ],
];

/**
 * Sites news names as often as a large city (as the White House): prominent enough to beat the
 * villages also so called, but not the countries and divisions they lie in.
 */
function landmarks(rows: [string, string, number, number, string[], string][]): Row[] {
  return rows.map(([slug, name, lat, lon, names, country]) => [
    `lm:${slug}`,
    name,
    lat,
    lon,
    names,
    { code: 'BLDG', country, population: 1_000_000 },
  ]);
}

export const CONTINENTS_AND_REGIONS: ExtraPlace[] = ROWS.map(([id, name, lat, lon, names, more]) => ({
  id,
  name,
  lat,
  lon,
  names,
  ...more,
}));

/**
 * US state abbreviations in AP style (and the District of Columbia), which news
 * writes with their dots; keyed as written. Values are GeoNames admin1 codes.
 */
export const US_STATE_ABBREVIATIONS: Record<string, string> = {
  'Ala.': 'AL',
  'Ariz.': 'AZ',
  'Ark.': 'AR',
  'Calif.': 'CA',
  'Cal.': 'CA',
  'Colo.': 'CO',
  'Conn.': 'CT',
  'Del.': 'DE',
  'Fla.': 'FL',
  'Ga.': 'GA',
  'Ill.': 'IL',
  'Ind.': 'IN',
  'Kan.': 'KS',
  'Kans.': 'KS',
  'Ky.': 'KY',
  'La.': 'LA',
  'Md.': 'MD',
  'Mass.': 'MA',
  'Mich.': 'MI',
  'Minn.': 'MN',
  'Miss.': 'MS',
  'Mo.': 'MO',
  'Mont.': 'MT',
  'Neb.': 'NE',
  'Nebr.': 'NE',
  'Nev.': 'NV',
  'N.H.': 'NH',
  'N.J.': 'NJ',
  'N.M.': 'NM',
  'N.Y.': 'NY',
  'N.C.': 'NC',
  'N.D.': 'ND',
  'Okla.': 'OK',
  'Ore.': 'OR',
  'Oreg.': 'OR',
  'Pa.': 'PA',
  'Penn.': 'PA',
  'R.I.': 'RI',
  'S.C.': 'SC',
  'S.D.': 'SD',
  'Tenn.': 'TN',
  'Tex.': 'TX',
  'Vt.': 'VT',
  'Va.': 'VA',
  'Wash.': 'WA',
  'W.Va.': 'WV',
  'W. Va.': 'WV',
  'Wis.': 'WI',
  'Wisc.': 'WI',
  'Wyo.': 'WY',
  'D.C.': 'DC',
};

/** USPS two-letter codes; only read as states right after "Town, ". */
export const US_POSTAL_CODES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
];

/** Canadian province abbreviations as news writes them; values are GeoNames admin1 codes. */
export const CA_PROVINCE_ABBREVIATIONS: Record<string, string> = {
  'B.C.': '02',
  BC: '02',
  'Alta.': '01',
  'Sask.': '11',
  'Man.': '03',
  'Ont.': '08',
  'Que.': '10',
  'Qué.': '10',
  'N.S.': '07',
  'N.B.': '04',
  'P.E.I.': '09',
  PEI: '09',
  'Nfld.': '05',
  'N.W.T.': '13',
  NWT: '13',
};

/** Australian state abbreviations as news writes them; values are GeoNames admin1 codes. */
export const AU_STATE_ABBREVIATIONS: Record<string, string> = {
  NSW: '02',
  'N.S.W.': '02',
  Qld: '04',
  'Qld.': '04',
  Tas: '06',
  'Tas.': '06',
};

/** Short forms of country names that news writes in capitals or with dots. */
export const COUNTRY_ABBREVIATIONS: Record<string, string> = {
  US: 'US',
  'U.S.': 'US',
  USA: 'US',
  'U.S.A.': 'US',
  UK: 'GB',
  'U.K.': 'GB',
  UAE: 'AE',
  'U.A.E.': 'AE',
  DRC: 'CD',
  'D.R.C.': 'CD',
  PRC: 'CN',
  KSA: 'SA',
  DPRK: 'KP',
  ROK: 'KR',
  'T&T': 'TT',
};

/**
 * Abbreviations news writes for more than one place, each read by the story around it: "SA" is South
 * Africa in a story from Limpopo, South Australia in one from Adelaide; "WA" is Western Australia or
 * Washington. Values are [country, GeoNames admin1 code or null for the country itself].
 */
export const SHARED_ABBREVIATIONS: Record<string, [string, string | null][]> = {
  SA: [
    ['ZA', null],
    ['SA', null],
    ['AU', '05'],
  ],
  WA: [
    ['US', 'WA'],
    ['AU', '08'],
  ],
  NT: [
    ['AU', '03'],
    ['CA', '13'],
  ],
};

/**
 * Demonyms that name a first-level division rather than its country: "English" is of
 * England, not of the United Kingdom. Keys are GeoNames admin1 codes ("CC.code").
 */
export const ADMIN1_DEMONYMS: Record<string, string[]> = {
  'GB.ENG': ['English'],
  'GB.SCT': ['Scottish', 'Scots'],
  'GB.WLS': ['Welsh'],
  'GB.NIR': ['Northern Irish'],
};
