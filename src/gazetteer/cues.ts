/**
 * Word lists the recogniser reads context with. Lower-case, accent-folded (as by
 * `foldText`) unless said otherwise.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Capitalised words that GeoNames also has as places ("Of", "Will", "Police",
 * "Mark") and that news mostly writes as ordinary words, names or titles. A match
 * on one of these alone is not read as a place.
 */
export const COMMON_WORDS = words(`
  a about above across after again against all also am among an and another any are as at away back be
  because been before being below best better between big both but by call called can case come could day
  days did do does done down during each early end even ever every few first for from further get give go
  going good great had has have he her here him his how however i if in inside into is it its just last
  later least less like little long made make many may me more most much must my near never new next no
  nor not now of off on once one only or other our out over own part past people per place put rather
  same say see she should since so some still such take than that the their them then there these they
  thing this those through thus to too under until up upon us very was way we well were what when where
  which while who whom whose why will with within without would yes yet you your
  today tonight tomorrow yesterday morning evening night week weekend month year hour minute
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  police man men woman women boy girl child children family mark will bill sale hope joy faith grace
  love peace union liberty independence victory progress unity freedom justice friendship harmony
  commerce industry enterprise energy mercy paradise eden heaven haven home house school church office
  center centre central north south east west northern southern eastern western city town village county
  state states province district region valley river lake mount mountain island islands beach bay port
  harbor harbour park garden gardens hill hills spring springs falls rock river forest field fields
  station airport bridge street road avenue lane square market hall court college university hospital
  army navy force forces government council congress senate president minister king queen prince
  princess lord lady saint st sir mr mrs ms dr general captain colonel major sergeant officer chief
  deputy governor mayor judge sheriff doctor father mother brother sister son daughter
  god jesus christ christian muslim islam islamic allah arab arabs kurd kurds
  hamas hezbollah hizbollah houthi houthis huthi huthis taliban
  news times post daily herald press journal tribune gazette report reports
  said says told added asked wrote read
  black white red green blue brown gold silver orange
  more most others several many various
  reuters associated afp ap bbc cnn
  world global international national local federal public private
  early late high low old young
  bar bank banks lot lots post camp base bases point points cross corner gate gates center
  earth moon sun star stars
  ok okay via vs
  mission mosque temple
  ocean sea gulf
  case cases
`);

/** Words that open a sentence before a name without being part of it: "In Aleppo", "Near Hama". */
export const OPENERS = words(`
  a an the in at on of from to into near by for with without within across around inside outside since
  until after before during while when where as and but or so if then both also only even just
  en dans à au aux le la les un une de du des im am zum zur der die das ein eine el los las en un una del
  em no na os as um uma do da dos das
  yesterday today tonight meanwhile however elsewhere later earlier last this next every each
  monday tuesday wednesday thursday friday saturday sunday
`);

/** Titles before a personal name: "Mayor Bloomberg", "Gen. Townsend". */
export const TITLES = words(`
  mr mrs ms miss dr prof president vice secretary minister premier chancellor governor gov mayor senator
  sen rep representative congressman congresswoman judge justice sheriff officer deputy detective sgt
  sergeant lt lieutenant capt captain col colonel gen general maj major adm admiral cpl corporal pvt
  private commander coach chief king queen prince princess pope rev reverend father sister brother saint
  sheikh shaikh imam emir ayatollah lord lady sir dame spokesman spokeswoman ambassador envoy
`);

/** Verbs of saying after a name: "Clinton said" reads as a person, not a town. */
export const SPEECH_VERBS = words(`
  said says told added asked stated wrote explained noted argued warned claimed insisted announced
  tweeted replied responded confirmed denied
`);

/** Words after a name that make it a division ("Idlib province", "Laurel County"). */
export const ADMIN1_WORDS = words(`
  province provinces governorate governorates state region oblast prefecture wilaya wilayah
  muhafazat countryside rural
  provincia région region estado regiao região provinz bundesland gouvernorat
`);
/**
 * Offices after or before a name that say which kind of place it is: "New York Gov. Cuomo" is the
 * state's, "New York Mayor" the city's, as is "the governor of Idlib" the governorate's.
 */
export const ADMIN1_OFFICE_WORDS = words(`governor gov governors legislature legislator legislators`);
export const TOWN_OFFICE_WORDS = words(`mayor mayors`);
export const ADMIN2_WORDS = words(
  `county parish district districts borough municipality department canton kreis landkreis`,
);
export const TOWN_WORDS = words(`
  city town village hamlet suburb neighbourhood neighborhood quarter camp
  ville village stadt dorf ciudad pueblo aldea cidade vila aldeia
`);

/** Modifiers before a name that keep it a place: "eastern Ghouta", "Greater Damascus". */
export const DIRECTION_WORDS = words(`
  north south east west northern southern eastern western central upper lower greater rural
  northeast northwest southeast southwest north-east north-west south-east south-west
  nord sud est ouest nördlich südlich östlich westlich norte sur este oeste leste
`);

/** Verbs whose object is the place an attack hit: "shelling hit Afrin". */
const ATTACK_VERBS =
  'hit struck shelled bombed bombarded targeted attacked raided stormed besieged captured seized recaptured';

/** Words before a name that make a place reading likely: "in Raqqa", "village of X", "shelling hit Afrin". */
export const LOCATIVE_BEFORE = words(`
  in at near from to into toward towards outside inside across around throughout through via
  of village town city suburb neighbourhood neighborhood district province governorate countryside
  outskirts northern southern eastern western north south east west central
  ${ATTACK_VERBS}
  à a en dans près de vers au aux im in bei nach von aus nahe en cerca hacia desde em no na perto para
`);

/**
 * Words before a name that say outright it is where something happened ("in", "near", "shelled"):
 * enough to read another romanisation of a name as that place. "of" and "de" are not
 * ("the hospital of Maqbana" may name where the wounded went, not where the strike fell).
 */
export const PLACE_OF_EVENT_BEFORE = words(`
  in at near outside inside around into
  ${ATTACK_VERBS}
`);

/**
 * Words before a place in the other languages read (German "bei", Spanish "en", French "dans"),
 * and those before "de" ("près de", "cerca de"): as PLACE_OF_EVENT_BEFORE, they let another
 * spelling of a name be looked up. Narrower than LOCATIVE_BEFORE, which also holds "a" and "de".
 */
export const PLACE_BEFORE_ELSEWHERE = words(`bei nahe en em dans`);
export const NEAR_BEFORE_OF = words(`pres cerca perto proche`);

/** Words that end a chunk of capitalised words without being part of a name. */
export const NAME_CONNECTORS = words(`
  de del della dei di da do dos das du des la le les el al ez es ash ad an ar as at az ed et ul of upon
  on sur am im der den van von y e i bin ibn abu bou bani beni
`);

/** Words naming organisations or works after a place name: "Mosul Dam", "Texas Department". */
export const ORG_WORDS = words(`
  university college school hospital airport dam department police army council court times post
  herald journal tribune gazette news daily airlines airline bank club team fc united city county
  province governorate region state republic area district valley river lake bay sea mountains
  international national federal
  service services bureau commission agency authority board association society institute museum
  library company corporation foundation ministry patrol guard fair festival center centre office
  committee project fund program programme
`);

// Arabic lists are in `foldText` form (no hamza on alef, teh marbuta as heh, alef maqsura as yeh).

/** Arabic words before a name that make a place reading likely (after clitics are removed). */
export const AR_LOCATIVE = words(`
  في من الي الى على قرب بالقرب عند نحو داخل خارج محيط اطراف ضواحي
  مدينه بلده قريه حي منطقه محافظه ريف ناحيه مديريه قضاء مخيم بلدتي مدينتي قريتي
  شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط
`);
export const AR_ADMIN1_WORDS = words(`محافظه ريف ولايه اقليم`);
export const AR_ADMIN2_WORDS = words(`منطقه مديريه قضاء ناحيه`);
export const AR_TOWN_WORDS = words(`مدينه بلده قريه حي مخيم بلدتي مدينتي قريتي`);

/** Frequent Arabic words that GeoNames has as alternate names of some place. */
export const AR_COMMON_WORDS = words(`
  في من الي على عن مع بعد قبل ان كان قال هذا هذه التي الذي الذين بين حيث كما او ثم قد لم لن ما لا هو هي
  هم نحو عند حتى منذ خلال ضد غاره غارات قصف مدنيين مدنيا قتلى قتيلا جرحى طائرات قوات جيش الجيش النظام
  تحالف التحالف الدولي مقتل سقوط شهداء اطفال نساء مسلحين المرصد حقوق الانسان يوم اليوم امس احد الاحد
  الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت شهر عام مدينه بلده قريه حي منطقه محافظه ريف شمال جنوب
  شرق غرب وسط المدينه البلده القريه الحي المنطقه العاصمه عاصمه الدوله دوله تنظيم داعش مجلس مشفى مستشفى
  مدرسه سوق مسجد جامع منزل منازل بيت عائله عائلات كانون شباط اذار نيسان ايار حزيران تموز اب ايلول
  تشرين الاول الثاني يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
  السلام الامن الامم المتحده الشعب الشعبي الوطني العام الكبرى القاعه الهلال الاحمر سوري السوري
  العربي عربي الحر الاسد الروسي التركي الامريكي الاميركي ناشطون مصادر مصدر محلي طبي الطبي
  النور الفتح النصر الشام جبهه حركه الدفاع المدني الخوذ البيضاء صواريخ صاروخ برميل براميل
`);

/** Last words of names of streets, buildings and sites ("Street", "Center"): never a place on their own. */
export const FACILITY_WORDS = words(`
  street st road rd avenue ave boulevard blvd lane drive highway freeway motorway square plaza
  center centre stadium arena field hospital clinic school academy university college institute church
  cathedral chapel mosque temple synagogue building tower hall house palace hotel airport airfield
  station terminal park bridge estate mall market museum library court courthouse prison jail base
  camp club headquarters office offices embassy farm ranch zoo theatre theater cemetery port dock pier
  wing
`);

/**
 * Last words of names that only borrow a bigger place's name and lie elsewhere: streets
 * ("Atlantic Avenue"), embassies and international schools ("Russian Embassy" in Washington),
 * shops, natural features beside or downstream of it ("Niger Delta", "Lake Ontario"), and
 * quarters named after a people ("French Quarter", "Armenian Quarter").
 */
export const BORROWED_NAME_WORDS = words(`
  street st road rd avenue ave boulevard blvd lane drive highway way place square plaza terrace
  embassy consulate school academy mall restaurant cafe hotel
  delta river lake gulf bay sea ocean basin trail
  quarter
`);

/**
 * The kind of place the words around a Latin-script name ask for, from the word after it and the
 * two before it, folded: "Idlib province", "province of Idlib", "New York Gov.", "the city of X".
 */
export function latinKindCue(next: string, prev: string, prev2: string): 'admin1' | 'admin2' | 'town' | null {
  const around = (set: Set<string>) => set.has(next) || ((prev === 'of' || prev === 'de') && set.has(prev2));
  if (around(ADMIN1_WORDS) || around(ADMIN1_OFFICE_WORDS)) return 'admin1';
  if (around(ADMIN2_WORDS)) return 'admin2';
  if (around(TOWN_WORDS) || around(TOWN_OFFICE_WORDS)) return 'town';
  return null;
}
