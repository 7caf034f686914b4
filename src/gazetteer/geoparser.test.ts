import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGeoparser } from './geoparser.js';
import { haversineKm } from './relative.js';
import { testGazetteer } from './test-gazetteer.js';
import type { PlaceMention } from './types.js';

const g = testGazetteer();
const parser = createGeoparser(g);

function found(text: string, name: string, opts = {}): PlaceMention | undefined {
  return parser.parse(text, opts).find((m) => m.name === name);
}

function near(m: PlaceMention | undefined, lat: number, lon: number, km: number): boolean {
  return !!m && m.lat !== null && m.lon !== null && haversineKm(m.lat, m.lon, lat, lon) < km;
}

test('loads countries and looks names up in any script', () => {
  assert.equal(g.country('SY')?.kind, 'country');
  assert.equal(g.lookup('حلب')[0]?.country, 'SY');
  assert.equal(g.lookup('Damascus')[0]?.country, 'SY');
  assert.ok(g.size > 100_000);
});

test('recognises and resolves English conflict places', () => {
  const cases: [string, string, number, number][] = [
    ['Air strikes hit the Iraqi city of Mosul on Monday.', 'Mosul', 36.34, 43.12],
    ['Shelling hit Khan Sheikhoun and Saraqib overnight.', 'Khan Sheikhoun', 35.44, 36.65],
    ['Jets struck Jisr al-Shughur and Ariha in Idlib.', 'Jisr al-Shughur', 35.81, 36.32],
    ['Jets struck Jisr al-Shughur and Ariha in Idlib.', 'Ariha', 35.81, 36.61],
    ['A market in Douma, in Eastern Ghouta, was hit.', 'Douma', 33.57, 36.4],
    ['A market in Douma, in Eastern Ghouta, was hit.', 'Eastern Ghouta', 33.52, 36.42],
    ['Fighting in Deir ez-Zor and al-Bab continued.', 'Deir ez-Zor', 35.34, 40.14],
    ['Fighting in Deir ez-Zor and al-Bab continued.', 'al-Bab', 36.37, 37.52],
    ['Israeli strikes on Rafah and Gaza killed 20.', 'Rafah', 31.3, 34.24],
    ['Coalition raids on Sanaa and Hodeidah.', 'Hodeidah', 14.8, 42.95],
  ];
  for (const [text, name, lat, lon] of cases) {
    assert.ok(near(found(text, name), lat, lon, 25), `${name} in "${text}"`);
  }
});

test('a bare "Gaza" is the Palestinian city; with Mozambique around it, the province', () => {
  assert.ok(near(found('An air strike in Gaza killed five people on Friday.', 'Gaza'), 31.5, 34.47, 25));
  const mz = found('Flooding hit Gaza province in southern Mozambique, near Xai-Xai.', 'Gaza');
  assert.equal(mz?.entry?.country, 'MZ');
});

test("German and French spellings of Arabic names, after a place word, in the story's country", () => {
  const de = 'Bei einem Luftangriff in Chan Junis im Gazastreifen wurden am Freitag fünf Zivilisten getötet.';
  assert.ok(near(found(de, 'Chan Junis'), 31.34, 34.31, 10));
  const fr = 'Des bombardements ont tué trois civils vendredi près de Hassaké, dans le nord-est de la Syrie.';
  assert.ok(near(found(fr, 'Hassaké'), 36.5, 40.75, 10));
});

test('armed groups are no places: "Hamas" is not Hamm', () => {
  assert.deepEqual(
    parser.parse('A Hamas rocket hit a house in Ashkelon.').map((m) => m.name),
    ['Ashkelon'],
  );
});

test('an article opening a sentence is no place, in any language read', () => {
  const text = 'Los combates en Rusia dejaron ocho muertos. Die Angriffe trafen Idlib.';
  assert.deepEqual(
    parser.parse(text).map((m) => m.name),
    ['Rusia', 'Idlib'],
  );
});

test('recognises Arabic names with clitics and the article', () => {
  const text =
    'قصفت الطائرات بلدة المنصورة في الريف الغربي لمدينة الرقة، ونزحت عائلات من تدمر وحلب إلى دمشق.';
  const ms = parser.parse(text);
  const names = ms.map((m) => m.name);
  for (const n of ['المنصورة', 'الرقة', 'تدمر', 'حلب', 'دمشق']) assert.ok(names.includes(n), n);
  assert.ok(
    near(
      ms.find((m) => m.name === 'المنصورة'),
      35.83,
      38.75,
      25,
    ),
    'al-Mansoura of Raqqa',
  );
});

test('division words choose the division; a bare seat name means the town', () => {
  const prov = found('Shelling in Idlib province killed 12.', 'Idlib');
  assert.equal(prov?.precision, 'province');
  const town = found('A market in the city of Homs was hit.', 'Homs');
  assert.equal(town?.precision, 'town');
  const rif = parser.parse('سقطت قذائف على ريف حلب الغربي').find((m) => m.name === 'حلب');
  assert.equal(rif?.precision, 'province');
});

test('does not read organisations, demonyms or common words as places', () => {
  const text =
    'Iraqi forces advanced, the Syrian Observatory for Human Rights said. Police said Will Smith and Mark Jones were unharmed. Of the dead, many were children.';
  const names = parser.parse(text).map((m) => m.name);
  for (const n of ['Iraqi', 'Syrian', 'Police', 'Will', 'Smith', 'Mark', 'Jones', 'Of']) {
    assert.ok(!names.includes(n), `${n} should not be a place: ${names.join(', ')}`);
  }
});

test('demonyms become their country only when asked', () => {
  const text = 'Syrian and Russian jets struck the town.';
  assert.equal(parser.parse(text).length, 0);
  const ms = parser.parse(text, { demonyms: true });
  assert.deepEqual(
    ms.map((m) => m.entry?.country),
    ['SY', 'RU'],
  );
  assert.ok(ms.every((m) => m.demonym));
});

test('relative positions give an offset point', () => {
  const m = found('The strike hit a farm 15 km west of Raqqa.', 'Raqqa');
  assert.equal(m?.precision, 'point');
  assert.ok(m?.offset);
  assert.ok(near(m, 35.95, 39.01 - 0.166, 3), 'about 15 km west');
  const ar = parser
    .parse('قرية التوخار الواقعة على بعد نحو 14 كيلومتراً شمال مدينة منبج')
    .find((x) => x.name === 'منبج');
  assert.equal(ar?.precision, 'point');
  assert.ok(ar && ar.lat !== null && ar.lat > 36.6);
});

test('co-mentioned places and containment pick among same-named places', () => {
  assert.ok(near(found('The council of Paris, Texas met on Monday.', 'Paris'), 33.66, -95.56, 50));
  assert.ok(near(found('Paris and Lyon were hit by storms.', 'Paris'), 48.85, 2.35, 50));
  assert.ok(
    near(found('A village of al-Mansoura, west of Raqqa, was struck.', 'al-Mansoura'), 35.83, 38.75, 25),
  );
});

test('country hint breaks ties', () => {
  const m = found('Shelling hit Ariha on Tuesday.', 'Ariha', { countryHint: 'SY' });
  assert.equal(m?.entry?.country, 'SY');
});

test('resolve() maps given spans, including abbreviations and demonyms', () => {
  const text = 'Officials in Richmond, Va. and Russian envoys met in the U.S. capital.';
  const spans = ['Va.', 'Russian', 'U.S.'].map((s) => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  }));
  const ms = parser.resolve(text, spans);
  assert.equal(ms.length, 3);
  assert.equal(ms[0]?.entry?.kind, 'admin1');
  assert.equal(ms[0]?.entry?.admin1, 'VA');
  assert.equal(ms[1]?.entry?.country, 'RU');
  assert.equal(ms[2]?.entry?.country, 'US');
});

test('a name repeated in a story does not outvote the state the story names', () => {
  const text =
    'The Paris library opens a jobs workshop. Paris residents can sign up for the Illinois job service. Paris officials said Illinois will pay for it.';
  const ms = parser.parse(text).filter((m) => m.name === 'Paris');
  assert.ok(ms.length >= 2);
  for (const m of ms) assert.ok(near(m, 39.61, -87.7, 50), 'Paris, Illinois');
});

test('a place matched by its own name beats one only also called so', () => {
  assert.equal(found('Rains flooded parts of Mexico this week.', 'Mexico')?.precision, 'country');
  assert.ok(near(found('Officials in Washington said the talks failed.', 'Washington'), 38.9, -77.04, 30));
  assert.equal(found('Wildfires spread in Washington state.', 'Washington')?.precision, 'province');
});

test('resolve() places a name the gazetteer lacks by the place named near it, or inside it', () => {
  const text = 'Crowds filled Zorbington Street in Aleppo. Later, the Mosul Technical Institute reopened.';
  const spans = ['Zorbington Street', 'Aleppo'].map((s) => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  }));
  const ms = parser.resolve(text, spans);
  assert.ok(ms[0]?.inferred && near(ms[0], 36.2, 37.16, 25), 'street in Aleppo');
  assert.ok(!ms[1]?.inferred);
  const alone = 'the Mosul Technical Institute reopened';
  const inner = parser.resolve(alone, [{ start: 4, end: 29 }])[0];
  assert.ok(inner?.inferred && near(inner, 36.34, 43.12, 25), 'institute in Mosul');
});

test('a place in a country the story names beats a larger one in a country it does not', () => {
  const m = found('Israel and Egypt discussed a truce; Palestinian officials said aid reached Gaza.', 'Gaza');
  assert.ok(near(m, 31.5, 34.47, 30), 'Gaza, Palestine');
  const sea = found('Storms over the Atlantic delayed flights to Boston and Chicago.', 'Atlantic');
  assert.equal(sea?.entry?.featureCode, 'CONT');
});

test('regions, islands and state abbreviations news names as places', () => {
  const text =
    'Aid reached Darfur; floods hit Sumatra; rain fell across NSW; officials at the White House spoke.';
  const spans = ['Darfur', 'Sumatra', 'NSW', 'White House'].map((s) => ({
    start: text.indexOf(s),
    end: text.indexOf(s) + s.length,
  }));
  const [darfur, sumatra, nsw, wh] = parser.resolve(text, spans);
  assert.ok(near(darfur, 13, 25, 100), 'Darfur');
  assert.ok(near(sumatra, 0, 102, 150), 'Sumatra');
  assert.equal(nsw?.entry?.admin1, '02');
  assert.ok(near(wh, 38.9, -77.04, 10), 'White House');
});

test('a bare "Korea" is the Republic of Korea; the North keeps its qualifier', () => {
  const text = 'Baseball games in Korea were postponed as smog from North Korea and China drifted south.';
  assert.equal(found(text, 'Korea')?.entry?.country, 'KR');
  assert.equal(found(text, 'North Korea')?.entry?.country, 'KP');
});

test('knows places cities500 leaves out (data/supplement-places.tsv)', () => {
  assert.ok(
    near(found('Jets hit a village near the Yemeni port of Mokha on Tuesday.', 'Mokha'), 13.32, 43.25, 10),
  );
  assert.ok(near(found('قصف طيران التحالف منزلا في المخا صباح اليوم.', 'المخا'), 13.32, 43.25, 10));
  assert.ok(
    near(found('A car bomb exploded in Karrada, Baghdad, late on Sunday.', 'Karrada'), 33.3, 44.42, 5),
  );
  assert.ok(near(found('Two bombs went off in Sadr City overnight.', 'Sadr City'), 33.39, 44.46, 5));
});

test('a transliteration variant in the story country beats an exact name abroad', () => {
  const m = found('Jets bombed a mosque in al-Jina, west of Aleppo.', 'al-Jina', { countryHint: 'SY' });
  assert.equal(m?.entry?.country, 'SY');
});

test('German compass compounds and genitives name the place', () => {
  assert.equal(found('Die Luftangriffe auf Ost-Aleppo gingen weiter.', 'Ost-Aleppo')?.entry?.name, 'Aleppo');
  assert.equal(found('Häuser im Westen Mossuls stürzten ein.', 'Mossuls')?.entry?.country, 'IQ');
  // A plural surname after an unrelated noun is not a genitive place.
  assert.equal(found('Die Familie Parises feierte.', 'Parises'), undefined);
});

test('an Arabic village name known only in Latin letters is found by its consonant skeleton', () => {
  const m = found('قصفت طائرات حربية بلدة الجينة في ريف حلب مساء الخميس.', 'الجينة');
  assert.equal(m?.entry?.name, 'Al Jinah');
  // Without a word saying it is a town, a skeleton alone is not enough.
  assert.equal(found('قصفت طائرات حربية الجينة في ريف حلب.', 'الجينة'), undefined);
});

test("a village transliterated with other vowels than the gazetteer's is found by its consonant skeleton", () => {
  // GeoNames writes Al Atārib and Sarāqib; Levantine reports write Atareb and Saraqeb.
  const atareb = found(
    'An airstrike on the town of Atareb killed four civilians, rescuers in Idlib said.',
    'Atareb',
  );
  assert.equal(atareb?.entry?.name, 'Al Atārib');
  assert.equal(found('Jets struck Saraqeb town in Idlib province.', 'Saraqeb')?.entry?.name, 'Sarāqib');
  // Without a word saying it is a town, or without a country the story is in, nothing is guessed.
  assert.equal(
    found('An airstrike on Atareb killed four civilians, rescuers in Idlib said.', 'Atareb'),
    undefined,
  );
  assert.equal(found('An airstrike on the town of Atareb killed four civilians.', 'Atareb'), undefined);
});

function spansOf(text: string, names: string[]): { start: number; end: number }[] {
  return names.map((s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length }));
}

test('resolve() reads an organisation through the country or division it names, not the town near it', () => {
  const text = 'In Aberdeen, Scotland, traders watched the Bank of England and the Bank of Japan.';
  const [, , bank, japan] = parser.resolve(
    text,
    spansOf(text, ['Aberdeen', 'Scotland', 'Bank of England', 'Bank of Japan']),
  );
  assert.equal(bank?.entry?.name, 'England');
  assert.ok(bank?.inferred);
  assert.equal(japan?.entry?.kind, 'country');
  assert.equal(japan?.entry?.country, 'JP');
  const us = 'Phoenix voters backed the Arizona State University plan.';
  const [, uni] = parser.resolve(us, spansOf(us, ['Phoenix', 'Arizona State University']));
  assert.equal(uni?.entry?.admin1, 'AZ');
  // A street named after an ocean lies in the town the story names.
  const street = 'Shops on Atlantic Avenue in Boston reopened.';
  const [ave] = parser.resolve(street, spansOf(street, ['Atlantic Avenue', 'Boston']));
  assert.ok(near(ave, 42.36, -71.06, 30), 'Atlantic Avenue, Boston');
});

test('resolve() reads resident demonyms, bare county names and division demonyms', () => {
  const text =
    'Ohioans and Ontarians voted; farmers in Oconee and Clarke counties, Georgia, and English fans.';
  const [ohio, ontario, oconee, clarke, , english] = parser.resolve(
    text,
    spansOf(text, ['Ohioans', 'Ontarians', 'Oconee', 'Clarke', 'Georgia', 'English']),
  );
  assert.equal(ohio?.entry?.admin1, 'OH');
  assert.ok(ohio?.demonym);
  assert.equal(ontario?.entry?.country, 'CA');
  assert.equal(oconee?.entry?.kind, 'admin2');
  assert.equal(oconee?.entry?.admin1, 'GA');
  assert.equal(clarke?.entry?.admin1, 'GA');
  assert.equal(english?.entry?.name, 'England');
});

test('T&T is Trinidad and Tobago', () => {
  const text = 'Flights from T&T resumed.';
  assert.equal(parser.resolve(text, spansOf(text, ['T&T']))[0]?.entry?.country, 'TT');
});

test('resolve() takes a small homonym abroad for a place near the others the story names', () => {
  // The gazetteer has Soho only as an Indonesian village, not as the London district.
  const text = 'Theatres in London were closed in Soho, officials in Manchester said.';
  const [, soho] = parser.resolve(text, spansOf(text, ['London', 'Soho', 'Manchester']));
  assert.equal(soho?.entry?.country, 'GB');
  assert.ok(soho?.inferred);
  // Alone, or in a story about its own country, the small place stands.
  const alone = parser.resolve('Markets opened in Soho.', [{ start: 18, end: 22 }])[0];
  assert.equal(alone?.entry?.name, 'Soho');
  assert.ok(!alone?.inferred);
});

test('a possessive names the place without its ending', () => {
  const ms = parser.parse("Officials said Georgia's new law and Aleppo’s markets drew crowds.");
  const georgia = ms.find((m) => m.name === 'Georgia');
  assert.ok(georgia, ms.map((m) => m.name).join(', '));
  assert.equal(georgia?.end, georgia ? georgia.start + 7 : -1);
  assert.ok(ms.some((m) => m.name === 'Aleppo'));
});

test('a well-known place inside an organisation name is found; a person named like a place is not', () => {
  const names = parser
    .parse('The Georgia Bureau of Investigation and the Texas Fire Service responded. Jordan Spieth won.')
    .map((m) => m.name);
  assert.ok(names.includes('Georgia'), names.join(', '));
  assert.ok(names.includes('Texas'), names.join(', '));
  assert.ok(!names.includes('Jordan'), names.join(', '));
});

test('a county name runs into the words after it; US in capitals is the country', () => {
  const ms = parser.parse('Laurel County Clerk Dean Johnson spoke. US officials, Kentucky said, agreed.');
  const laurel = ms.find((m) => m.start === 0);
  assert.equal(laurel?.name, 'Laurel County');
  assert.equal(ms.find((m) => m.name === 'US')?.entry?.country, 'US');
  // The pronoun is not a country.
  assert.ok(!parser.parse('Join us in Aleppo.').some((m) => m.name.toLowerCase() === 'us'));
});

test('"the Gulf" in a story is the Persian Gulf', () => {
  const text = 'Tankers left the Gulf as Iran and Saudi Arabia traded threats.';
  const [gulf] = parser.resolve(text, spansOf(text, ['Gulf', 'Iran', 'Saudi Arabia']));
  assert.ok(near(gulf, 27, 51, 300), 'Persian Gulf');
});

test('abbreviated words, hyphen suffixes and multi-word demonyms are read in running text', () => {
  const ms = parser.parse(
    'Flights between St. Petersburg and a Gainesville-area airport resumed, Sri Lankan officials said.',
    { demonyms: true },
  );
  const names = ms.map((m) => m.name);
  assert.ok(names.includes('St. Petersburg'), names.join(', '));
  assert.ok(names.includes('Gainesville'), names.join(', '));
  assert.ok(
    parser.parse('The Amsterdam-London train resumed.').some((m) => m.name === 'Amsterdam'),
    'first of two hyphened places',
  );
  assert.equal(ms.find((m) => m.name === 'Sri Lankan')?.entry?.country, 'LK');
  // A demonym is not read as the Texas town of that name.
  const canadian = parser.parse('Canadian officials met.', { demonyms: true })[0];
  assert.equal(canadian?.entry?.kind, 'country');
});

test('a surname met after a given name is not a place when it comes back alone', () => {
  const text = 'Police chief Bob Ripley spoke in Aleppo. Ripley said the road was closed.';
  const names = parser.parse(text).map((m) => m.name);
  assert.ok(!names.includes('Ripley'), names.join(', '));
  assert.ok(names.includes('Aleppo'));
  // Without the given name, the town stands.
  assert.ok(parser.parse('Floods hit Ripley, Tennessee, and Memphis.').some((m) => m.name === 'Ripley'));
});

test('a capitalised code that is only a town alternate name is an acronym', () => {
  const names = parser
    .parse('KBR won the contract; she holds a BA from a college in Damascus.')
    .map((m) => m.name);
  assert.ok(!names.includes('KBR') && !names.includes('BA'), names.join(', '));
  assert.ok(names.includes('Damascus'));
  assert.ok(parser.parse('UK and US envoys met.').some((m) => m.entry?.country === 'GB'));
});

test('undotted province codes and the EU are read in capitals', () => {
  const ms = parser.parse('Fires spread across NSW while the EU sent aid.');
  assert.equal(ms.find((m) => m.name === 'NSW')?.entry?.admin1, '02');
  assert.ok(ms.some((m) => m.name === 'EU'));
});

test('resolve() takes a small town in a state the story does not name for a place in the state it does', () => {
  const text = 'Residents of Gainesville, Virginia, and Haymarket met at Stonewall on Monday.';
  const [, , , stonewall] = parser.resolve(
    text,
    spansOf(text, ['Gainesville', 'Virginia', 'Haymarket', 'Stonewall']),
  );
  assert.equal(stonewall?.entry?.admin1, 'VA');
  assert.ok(stonewall?.inferred);
});

test('resolve() reads a town in the first-level division the story names', () => {
  // Franklin is also an alternate name of Columbus, Ohio, which outweighs Franklin, Louisiana, on size alone.
  const text =
    'French and German settlers came to Louisiana; in Franklin the Irish and Greek families built a church.';
  const ms = parser.resolve(
    text,
    spansOf(text, ['French', 'German', 'Louisiana', 'Franklin', 'Irish', 'Greek']),
  );
  assert.equal(ms[3]?.entry?.name, 'Franklin');
  assert.equal(ms[3]?.entry?.admin1, 'LA');
});

test('resolve() reads "Town, State" as the state that holds the town', () => {
  const text =
    'A baker from Tacoma, Washington shares tips. Growers near Fresno, Calif. sell turkeys, and Boise stores too.';
  const [tacoma, washington] = parser.resolve(
    text,
    spansOf(text, ['Tacoma', 'Washington', 'Fresno', 'Calif.', 'Boise']),
  );
  assert.equal(tacoma?.entry?.admin1, 'WA');
  assert.equal(washington?.entry?.kind, 'admin1');
  assert.equal(washington?.entry?.admin1, 'WA');
});

test('resolve() reads a bare county name where the story backs the county', () => {
  const text = 'Sheriffs in Becker, Clay and Douglas, Minnesota, asked for more deputies.';
  const [, clay, douglas] = parser.resolve(text, spansOf(text, ['Becker', 'Clay', 'Douglas', 'Minnesota']));
  for (const m of [clay, douglas]) {
    assert.equal(m?.entry?.kind, 'admin2', m?.name);
    assert.equal(m?.entry?.admin1, 'MN', m?.name);
    assert.ok(!m?.inferred);
  }
  // Where nothing backs the county, the town of that name stands.
  const town = 'Crowds gathered in Denver on Friday.';
  assert.equal(parser.resolve(town, spansOf(town, ['Denver']))[0]?.entry?.kind, 'populated');
});

test('resolve() places an unknown street by a town the story backs, not by a lone small homonym', () => {
  const text = 'A Park Ridge man was stabbed in Chicago. He ran along Hubbard and fell on Wabash Plaza.';
  const [, , , plaza] = parser.resolve(
    text,
    spansOf(text, ['Park Ridge', 'Chicago', 'Hubbard', 'Wabash Plaza']),
  );
  assert.ok(plaza?.inferred && near(plaza, 41.88, -87.63, 40), 'the plaza is in Chicago, not Hubbard, Ohio');
});

test('resolve() reads a bare name as the division the story names otherwise ("Wash." and "Washington")', () => {
  const text =
    'CAMP MURRAY, Wash. - The team trained at home in Washington. Trips to Alaska, Hawaii, Florida and Washington, D.C. followed.';
  const ms = parser.resolve(
    text,
    spansOf(text, ['Wash.', 'Washington', 'Alaska', 'Hawaii', 'Florida', 'Washington, D.C.']),
  );
  assert.equal(ms[1]?.entry?.kind, 'admin1');
  assert.equal(ms[1]?.entry?.admin1, 'WA');
  assert.equal(ms[5]?.entry?.admin1, 'DC');
});

test('resolve() places a quarter named after a people in its town, not in their country', () => {
  const text = 'Clashes broke out in the Armenian Quarter of Jerusalem on Friday.';
  const [quarter] = parser.resolve(text, spansOf(text, ['Armenian Quarter', 'Jerusalem']));
  assert.ok(quarter?.inferred && near(quarter, 31.78, 35.22, 20), 'in Jerusalem');
  assert.ok(!quarter?.demonym);
});

test('resolve() places a common word the gazetteer has only as a hamlet by the story, not the hamlet', () => {
  const text =
    'Mark Zuckerberg will travel to Washington next week to testify before Congress about privacy.';
  const [, congress] = parser.resolve(text, spansOf(text, ['Washington', 'Congress']));
  assert.ok(
    congress?.inferred && near(congress, 38.9, -77.04, 30),
    'Congress in Washington, not Congress, Arizona',
  );
});

test('resolve() reads a shared abbreviation by the story: SA, WA', () => {
  const za = 'Mines in Limpopo and Rustenburg employ thousands; SA holds most of the platinum.';
  assert.equal(parser.resolve(za, spansOf(za, ['Limpopo', 'Rustenburg', 'SA']))[2]?.entry?.country, 'ZA');
  const au = 'Wastewater from Perth is treated before release; in WA the rules are strict.';
  const wa = parser.resolve(au, spansOf(au, ['Perth', 'WA']))[1];
  assert.equal(wa?.entry?.country, 'AU');
  assert.equal(wa?.entry?.kind, 'admin1');
  const us = 'Ferries from Seattle to Bainbridge Island, WA, were cancelled.';
  assert.equal(
    parser.resolve(us, spansOf(us, ['Seattle', 'Bainbridge Island', 'WA']))[2]?.entry?.admin1,
    'WA',
  );
});

test('resolve() places an unknown name written inside a division in that division', () => {
  const text = 'Soldiers from Camp Zorbington, Wash., flew to Saipan and Guam.';
  const [camp] = parser.resolve(text, spansOf(text, ['Camp Zorbington', 'Wash.', 'Saipan', 'Guam']));
  assert.ok(camp?.inferred);
  assert.equal(camp?.entry?.admin1, 'WA');
});

test('resolve() reads names listed together as places of one kind', () => {
  const text = 'Schools in Greene County, Madison, Montgomery and Warren closed early, Ohio officials said.';
  const ms = parser.resolve(
    text,
    spansOf(text, ['Greene County', 'Madison', 'Montgomery', 'Warren', 'Ohio']),
  );
  for (const m of ms.slice(1, 3)) {
    assert.equal(m.entry?.kind, 'admin2', m.name);
    assert.equal(m.entry?.admin1, 'OH', m.name);
  }
});

test('resolve() places an unknown people or state name by a country of the story, not a town', () => {
  const text = 'Moscow still mourns the Soviet Union, officials in Russia said.';
  const [, soviet] = parser.resolve(text, spansOf(text, ['Moscow', 'Soviet Union', 'Russia']));
  assert.ok(soviet?.inferred);
  assert.equal(soviet?.entry?.kind, 'country');
  assert.equal(soviet?.entry?.country, 'RU');
});

test('resolve() reads a people name the gazetteer lacks, or has only as a town alternate name, as its land', () => {
  const text = 'KAZAKH investment grew, Astana said, as Bosnian Serb leaders met in Budapest.';
  const [kazakh, , bosnian, serb] = parser.resolve(
    text,
    spansOf(text, ['KAZAKH', 'Astana', 'Bosnian', 'Serb']),
  );
  assert.equal(kazakh?.entry?.kind, 'country');
  assert.equal(kazakh?.entry?.country, 'KZ');
  assert.equal(bosnian?.entry?.country, 'BA');
  assert.equal(serb?.entry?.country, 'RS');
});

test('resolve() does not let small homonyms scattered over a country the story never names back one another', () => {
  const text = 'The British series goes to Snetterton in Norfolk, then Cheshire, Yorkshire and Rockingham.';
  const names = ['British', 'Snetterton', 'Norfolk', 'Cheshire', 'Yorkshire', 'Rockingham'];
  const ms = parser.resolve(text, spansOf(text, names));
  for (const m of ms.slice(3)) assert.equal(m.entry?.country, 'GB', m.name);
});

test('resolve() reads the first part of a compound country name as the country', () => {
  const text = 'Officials in Trinidad said Bosnia had not paid.';
  const [trinidad, bosnia] = parser.resolve(text, spansOf(text, ['Trinidad', 'Bosnia']));
  assert.equal(trinidad?.entry?.country, 'TT');
  assert.equal(bosnia?.entry?.country, 'BA');
  assert.equal(bosnia?.inferred, undefined);
});

test('resolve() places a building named after a state in the town the story names in that state', () => {
  const text = 'Fort Collins police said Colorado State University closed.';
  const [, csu] = parser.resolve(text, spansOf(text, ['Fort Collins', 'Colorado State University']));
  assert.equal(csu?.entry?.name, 'Fort Collins');
  assert.equal(csu?.inferred, true);
  // A town elsewhere says nothing of where it lies.
  const away = 'Boston police said Colorado State University closed.';
  const [, state] = parser.resolve(away, spansOf(away, ['Boston', 'Colorado State University']));
  assert.equal(state?.entry?.kind, 'admin1');
});

test('resolve() keeps a state capital in a story that names another state', () => {
  const text = 'Homes in Centreville, Va., look like the architecture in Charleston.';
  const [, , charleston] = parser.resolve(text, spansOf(text, ['Centreville', 'Va.', 'Charleston']));
  assert.equal(charleston?.entry?.name, 'Charleston');
  assert.equal(charleston?.inferred, undefined);
});

test('resolve() keeps a sizeable town of another state where the story names a state', () => {
  const text = 'Tickets are on sale in Tacoma, Washington. A new museum on Miami Beach is open.';
  const [, , beach] = parser.resolve(text, spansOf(text, ['Tacoma', 'Washington', 'Miami Beach']));
  assert.equal(beach?.entry?.name, 'Miami Beach');
  assert.equal(beach?.inferred, undefined);
});

test('resolve() does not read an ocean named with a division word as a state', () => {
  const text = 'Warmer water in the tropical Pacific region brings floods to Kenya.';
  const [pacific] = parser.resolve(text, spansOf(text, ['Pacific', 'Kenya']));
  assert.equal(pacific?.entry?.featureCode, 'CONT');
});

test('resolve() reads a name as the same place each time a story writes it, the place of its first mention', () => {
  const text = 'Fans head to San Diego to watch Kansas play San Diego State on Friday.';
  const first = text.indexOf('San Diego');
  const second = text.indexOf('San Diego', first + 1);
  const [a, b] = parser.resolve(text, [
    { start: first, end: first + 9 },
    { start: second, end: second + 9 },
  ]);
  assert.equal(a?.entry?.kind, 'populated');
  assert.equal(b?.entry?.id, a?.entry?.id);
});

test('resolve() keeps a town matched only as a spelling variant where it lies near the towns the story names', () => {
  const text = 'Liverpool were held at Anfield by a side from Chester.';
  const [, anfield] = parser.resolve(text, spansOf(text, ['Liverpool', 'Anfield', 'Chester']));
  assert.ok(
    anfield?.inferred && near(anfield, 53.43, -2.96, 30),
    'Anfield is by Liverpool, not Enfield Town in London',
  );
});

test('resolve() places an unknown name by a small town the story writes another place in, though nothing else backs it', () => {
  const text =
    'The Museum of Ice Cream opens on Collins Avenue in Miami Beach; a Tacoma, Washington, bakery made the cake.';
  const [museum] = parser.resolve(
    text,
    spansOf(text, ['Museum of Ice Cream', 'Collins Avenue', 'Miami Beach', 'Tacoma', 'Washington']),
  );
  assert.ok(museum?.inferred && near(museum, 25.79, -80.13, 30), 'the museum is in Miami Beach, not Tacoma');
});

test('resolve() reads a county the gazetteer has only parted into compass-named divisions as their area', () => {
  const text = 'The series visits Thruxton, Hampshire, then Oulton Park, Cheshire, in June.';
  const [, , park, cheshire] = parser.resolve(
    text,
    spansOf(text, ['Thruxton', 'Hampshire', 'Oulton Park', 'Cheshire']),
  );
  assert.ok(
    near(cheshire, 53.16, -2.74, 40),
    'Cheshire East and Cheshire West and Chester, not Cheshire, CT',
  );
  assert.ok(near(park, 53.18, -2.62, 40), 'Oulton Park lies in Cheshire');
});

test('resolve() takes a bare county name for a street where no other name of the story lies in its state', () => {
  const text = 'Police in Chicago closed Grand after a crash; a Park Ridge man was hurt.';
  const [, grand] = parser.resolve(text, spansOf(text, ['Chicago', 'Grand', 'Park Ridge']));
  assert.ok(
    grand?.inferred && near(grand, 41.88, -87.63, 40),
    'Grand is in Chicago, not Grand County, Colorado',
  );
});

test('resolve() takes a small town for a stray where the story places three other names in another state', () => {
  const text = 'A Park Ridge man was stabbed in Chicago, Evanston police said. He had walked along Hubbard.';
  const [, , , hubbard] = parser.resolve(
    text,
    spansOf(text, ['Park Ridge', 'Chicago', 'Evanston', 'Hubbard']),
  );
  assert.ok(
    hubbard?.inferred && near(hubbard, 41.9, -87.7, 40),
    'Hubbard is a street of Chicago, not Hubbard, Ohio',
  );
});

test('resolve() places a name read through a place inside it where the text says it lies', () => {
  const text = 'A professor at the University of St. Thomas in Houston, Texas, spoke to Canadian reporters.';
  const [university] = parser.resolve(
    text,
    spansOf(text, ['University of St. Thomas', 'Houston', 'Texas', 'Canadian']),
  );
  assert.ok(near(university, 29.76, -95.36, 30), 'in Houston, not St. Thomas, Ontario');
});

test('parse() keeps a village matched as a spelling variant where the story names one far town or a capital only', () => {
  // One other town, 400 km off: a report on a country at war names places across it.
  const far = parser.parse(
    'An air strike on Saraqeb killed four. Separately, clashes were reported near Qamishli.',
  );
  assert.ok(
    far.some((m) => m.name === 'Saraqeb' && near(m, 35.86, 36.8, 10)),
    'Saraqeb is Sarāqib in Idlib',
  );
  // A dateline's capital says where the story was filed, not where its villages lie.
  const dateline = parser.parse(
    'SANAA (Reuters) - Coalition jets struck Mokha on the Red Sea coast, killing 7 civilians.',
  );
  assert.ok(
    dateline.some((m) => m.name === 'Mokha' && near(m, 13.32, 43.25, 10)),
    'Mokha is Al Mukhā',
  );
});

test('a bare name shared by a state and its great city is the city; an office of the state is the state', () => {
  // New York City goes by "New York": the state's name is not an alternate name the city merely also has.
  const trip = 'Tillerson met Trump in New York on Saturday before flying to Boston and Washington.';
  assert.equal(found(trip, 'New York')?.entry?.kind, 'populated');
  const governor = 'The former New York Gov. Mario Cuomo died on Thursday, his office in Albany said.';
  assert.equal(found(governor, 'New York')?.entry?.kind, 'admin1');
  const mayor = 'The governor of Idlib and the Aleppo mayor met on Monday.';
  assert.equal(found(mayor, 'Idlib')?.entry?.kind, 'admin1');
  assert.equal(found(mayor, 'Aleppo')?.entry?.kind, 'populated');
  // A country keeps its name: "Mexico" is not Mexico City.
  assert.equal(
    found('Rains flooded towns across Mexico, officials in Guadalajara said.', 'Mexico')?.entry?.kind,
    'country',
  );
});

test('resolve() places a name the gazetteer lacks where the story once says it lies, each time it is named', () => {
  const text =
    'Residents of Zorbin Hamlet fled towards Damascus on Monday. Zorbin Hamlet, a farming village in ' +
    'Idlib province, was shelled again. Back in Zorbin Hamlet, people queued for bread.';
  const spans = [...text.matchAll(/Zorbin Hamlet|Damascus|Idlib/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  const ms = parser.resolve(text, spans);
  const idlib = ms[3];
  assert.equal(idlib?.entry?.kind, 'admin1');
  for (const k of [0, 2, 4]) {
    assert.ok(ms[k]?.inferred, `mention ${k} is inferred`);
    assert.equal(ms[k]?.entry?.id, idlib?.entry?.id, `mention ${k} lies in Idlib, not by Damascus`);
  }
});

test('seats of power, districts and air bases news names as places are known', () => {
  const kremlin = found('A spokesman at the Kremlin in Moscow denied it.', 'Kremlin');
  assert.ok(near(kremlin, 55.75, 37.62, 5), 'the Kremlin');
  const base = found('Russian jets took off from Hmeimim to strike Idlib.', 'Hmeimim');
  assert.ok(near(base, 35.4, 35.95, 10), 'Hmeimim air base');
  // A bare "Broadway" is New York's theatres, not the Virginia village.
  const show = found('The musical opened on Broadway last night.', 'Broadway');
  assert.ok(near(show, 40.76, -73.98, 10), 'Broadway');
  const films = found('The Hollywood producer denied the claims.', 'Hollywood');
  assert.ok(near(films, 34.1, -118.33, 10), 'Hollywood, Los Angeles');
  // A chapel the gazetteer lacks lies at the site named beside it, not in the region of a people named before.
  const text = 'The Sicilian lemon cake is on sale. The wedding is in St Chad’s Chapel at Windsor Castle.';
  const [, chapel] = parser.resolve(text, spansOf(text, ['Sicilian', 'St Chad’s Chapel', 'Windsor Castle']));
  assert.ok(chapel?.inferred && near(chapel, 51.48, -0.6, 5), 'the chapel at Windsor Castle');
});

test('resolve() reads the places the text names outside the given spans as context', () => {
  const text =
    'The contract to run the prison in Shelby was extended, the Montana Department of Corrections said.';
  const at = text.indexOf('Shelby');
  const [shelby] = parser.resolve(text, [{ start: at, end: at + 'Shelby'.length }]);
  assert.equal(shelby?.entry?.country, 'US');
  assert.equal(shelby?.entry?.admin1, 'MT');
});

test('a place beside a country the story names is backed by it, as by a town named near it', () => {
  // Mozambique's Gaza Province outranks the Palestinian city on its own; "Israeli" makes it the city.
  const gaza = found('Israeli air strikes on Gaza killed 12 people, medics said.', 'Gaza');
  assert.equal(gaza?.entry?.country, 'PS');
});

test('a town named as what an attack hit is a place even alone in its story', () => {
  for (const [text, name, country] of [
    ['An air strike hit Afrin on Monday.', 'Afrin', 'SY'],
    ['Artillery shelled Bakhmut overnight.', 'Bakhmut', 'UA'],
  ] as const)
    assert.equal(found(text, name)?.entry?.country, country, text);
});

test('another romanisation of a town in the story’s country is read where the words ask for a place', () => {
  const text =
    'Iraqi forces fought near Makhmour and Qayyarah, and an air strike hit Hawija, south of Kirkuk.';
  const names = parser.parse(text).map((m) => [m.name, m.entry?.country]);
  for (const n of ['Makhmour', 'Qayyarah', 'Hawija'])
    assert.deepEqual(
      names.find(([x]) => x === n),
      [n, 'IQ'],
      n,
    );
});

test('resolve() places a name written as lying in a town where none of its readings lies there, in that town', () => {
  // "CHU" (a French university hospital) is also Chuzhou's short name; "in Montpellier" says where it is.
  const text = 'Doctors at the CHU in Montpellier said the staff performed cardiac massage.';
  const [chu, city] = parser.resolve(text, spansOf(text, ['CHU', 'Montpellier']));
  assert.ok(chu?.inferred && near(chu, 43.61, 3.88, 10), 'the hospital lies in Montpellier');
  assert.equal(city?.entry?.country, 'FR');
  // "Near" and "of" say less: "West Stockbridge near the New York border", "the Nice of Russia".
  for (const [said, name, country] of [
    ['Tolls at Exit 1 in West Stockbridge near the New York border were lifted.', 'West Stockbridge', 'US'],
    ['Sochi should become the Nice of Russia, the candidate said.', 'Nice', 'FR'],
  ] as const) {
    const at = said.indexOf(name);
    const [m] = parser.resolve(said, [
      { start: at, end: at + name.length },
      ...spansOf(said, ['New York', 'Russia']).filter((s) => s.start >= 0),
    ]);
    assert.ok(m?.entry?.country === country && !m.inferred, `${name} read by its own name`);
  }
});

test('an abbreviation in capitals with a possessive is still the place: "the US\'s image"', () => {
  const text = "The sanctions damaged the US's image in the region.";
  const us = found(text, 'US');
  assert.equal(us?.entry?.country, 'US');
  assert.equal(text.slice(us?.start, us?.end), 'US');
  // The pronoun stays a pronoun.
  assert.equal(found('Let us see what comes.', 'us'), undefined);
});

test('places and peoples joined by a hyphen are each named; a name with a hyphen of its own stays whole', () => {
  const names = (text: string) =>
    parser.parse(text, { demonyms: true }).map((m) => [m.name, m.entry?.country ?? null]);
  assert.deepEqual(names('Shelling along the Syrian-Turkish border killed two.'), [
    ['Syrian', 'SY'],
    ['Turkish', 'TR'],
  ]);
  assert.deepEqual(names('The Iraq-Syria border crossing reopened.'), [
    ['Iraq', 'IQ'],
    ['Syria', 'SY'],
  ]);
  assert.deepEqual(names('Renewed US-Iran tension.'), [
    ['US', 'US'],
    ['Iran', 'IR'],
  ]);
  assert.deepEqual(names('Aid reached Guinea-Bissau.'), [['Guinea-Bissau', 'GW']]);
  // Compass words qualify the next part; "African-American" names a people; brands are no places.
  const floods = names('Floods in North-Western Sydney.').map(([n]) => n);
  assert.ok(!floods.includes('North') && !floods.includes('Western'), floods.join());
  assert.deepEqual(names('An African-American museum opened.'), []);
  assert.deepEqual(names('Mercedes-Benz and Rolls-Royce cars.'), []);
});
