/**
 * Words people type for numbers, units and days, in the shipped languages and Spanish. Lower
 * case, without diacritics where people often leave them out. Order matters where one word
 * contains another: longer first.
 */

/** Spelled-out amounts of hours (fractions included), replaced by a number before parsing. */
export const HOUR_WORDS: readonly (readonly [RegExp, number])[] = [
  // Dutch
  [/\b(?:een\s+)?anderhalf\s*(?:uur|uurtje)?\b/g, 1.5],
  [/\bdrie\s*kwartier\b/g, 0.75],
  [/\b(?:een\s+)?kwartier(?:tje)?\b/g, 0.25],
  [/\b(?:een\s+)?half\s*(?:uur|uurtje)\b/g, 0.5],
  [/\b(\d+)\s*(?:en\s*(?:een\s*)?half|½)\s*(?:uur|u)\b/g, -1],
  // English
  [/\b(?:an?\s+)?hour\s+and\s+a\s+half\b/g, 1.5],
  [/\b(?:one\s+and\s+a\s+half|1\s+and\s+a\s+half)\s*hours?\b/g, 1.5],
  [/\bhalf\s+an?\s+hour\b/g, 0.5],
  [/\ba\s+quarter\s+of\s+an\s+hour\b/g, 0.25],
  [/\ban\s+hour\b/g, 1],
  // French
  [/\bune?\s+heure\s+et\s+demie?\b/g, 1.5],
  [/\b(?:une\s+)?demi[\s-]?heure\b/g, 0.5],
  [/\bun\s+quart\s+d'?\s*heure\b/g, 0.25],
  // Arabic
  [/ساعة\s+و\s?نصف/g, 1.5],
  [/نصف\s+ساعة/g, 0.5],
  [/ساعتين|ساعتان/g, 2],
  [/ربع\s+ساعة/g, 0.25],
  // Persian
  [/(?:یک\s+)?ساعت\s+و\s+نیم/g, 1.5],
  [/نیم\s*ساعت/g, 0.5],
  // Ukrainian / Russian
  [/півтори\s+годин[иу]?/g, 1.5],
  [/пів\s*години/g, 0.5],
  [/полтора\s+часа/g, 1.5],
  [/полчаса|пол\s+часа/g, 0.5],
  // Turkish
  [/bir\s+bucuk\s+saat/g, 1.5],
  [/yarim\s+saat/g, 0.5],
  // Spanish
  [/una\s+hora\s+y\s+media/g, 1.5],
  [/media\s+hora/g, 0.5],
];

/** Number words 1-12 (and a few dual forms), replaced by digits. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1,
  één: 1,
  eén: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
  tien: 10,
  elf: 11,
  twaalf: 12,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  واحد: 1,
  ثلاث: 3,
  ثلاثة: 3,
  أربع: 4,
  اربع: 4,
  خمس: 5,
  یک: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  одна: 1,
  одну: 1,
  один: 1,
  дві: 2,
  два: 2,
  две: 2,
  три: 3,
  чотири: 4,
  четыре: 4,
  пять: 5,
  "п'ять": 5,
  bir: 1,
  iki: 2,
  uc: 3,
  dort: 4,
  bes: 5,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
};

/** Units of hours (typos included); a number right before one of these is hours. */
export const HOUR_UNIT =
  '(?:uurtjes?|uren|uur|uut|uue|u|hours?|houres|hrs?|h|heures?|hr|ساعات|ساعة|ساعه|ساعت|годин[аиу]?|часа|часов|час|saat|horas?)';
/** Units of minutes; "90'" counts too. */
export const MINUTE_UNIT =
  "(?:minuten|minuut|minutes?|mins?|min|m|'|دقائق|دقيقة|دقيقه|دقیقه|хвилин[аи]?|минут[аы]?|dakika|dk|minutos?)";

/** Words for today, yesterday, the day before; and tomorrow (refused as future). */
export const RELATIVE_DAYS: readonly (readonly [RegExp, number])[] = [
  [
    /\b(?:eergisteren|day before yesterday|avant-hier|anteayer|evvelsi gun)\b|أول\s*أمس|اول\s*امس|پریروز|позавчора|позавчера/g,
    -2,
  ],
  [/\b(?:gisteren|yesterday|hier|ayer|dun)\b|أمس|امس|البارحة|دیروز|вчора|учора|вчера/g, -1],
  [/\b(?:vandaag|today|aujourd'hui|hoy|bugun)\b|اليوم|امروز|сьогодні|сегодня/g, 0],
  [/\b(?:morgen|tomorrow|demain|manana|yarin)\b|غدا|غداً|فردا|завтра/g, 1],
];

/** Weekday names, Monday = 1 ... Sunday = 7. */
export const WEEKDAYS: readonly (readonly [RegExp, number])[] = [
  [
    /\b(?:maandag|ma|monday|mon|lundi|lunes|pazartesi)\b|الاثنين|الإثنين|دوشنبه|понеділ\w*|понедельник\w*/g,
    1,
  ],
  [/\b(?:dinsdag|di|tuesday|tue|tues|mardi|martes|sali)\b|الثلاثاء|سه‌?\s?شنبه|вівтор\w*|вторник\w*/g, 2],
  [
    /\b(?:woensdag|wo|wednesday|wed|mercredi|miercoles|carsamba)\b|الأربعاء|الاربعاء|چهارشنبه|серед\w*|сред\w*/g,
    3,
  ],
  [/\b(?:donderdag|thursday|thu|thurs|jeudi|jueves|persembe)\b|الخميس|پنج‌?\s?شنبه|четвер\w*|четверг\w*/g, 4],
  [/\b(?:vrijdag|vr|friday|fri|vendredi|viernes|cuma)\b|الجمعة|جمعه|п'ятниц\w*|пятниц\w*/g, 5],
  [/\b(?:zaterdag|za|saturday|sat|samedi|sabado|cumartesi)\b|السبت|شنبه|субот\w*|суббот\w*/g, 6],
  [/\b(?:zondag|zo|sunday|sun|dimanche|domingo|pazar)\b|الأحد|الاحد|یکشنبه|неділ\w*|воскресень\w*/g, 7],
];

/** "Last week" before a weekday: the weekday of the previous week. */
export const LAST_WEEK =
  /\b(?:vorige\s+week|last\s+week|last|la\s+semaine\s+derniere|la\s+semana\s+pasada|gecen\s+hafta)\b|الأسبوع\s+الماضي|هفته\s+گذشته|минулого\s+тижня|на\s+прошлой\s+неделе|прошл\w+/;

/** Month names to month numbers. */
export const MONTHS: Readonly<Record<string, number>> = {
  januari: 1,
  jan: 1,
  january: 1,
  janvier: 1,
  enero: 1,
  ocak: 1,
  января: 1,
  січня: 1,
  februari: 2,
  feb: 2,
  february: 2,
  fevrier: 2,
  febrero: 2,
  subat: 2,
  февраля: 2,
  лютого: 2,
  maart: 3,
  mrt: 3,
  mar: 3,
  march: 3,
  mars: 3,
  marzo: 3,
  mart: 3,
  марта: 3,
  березня: 3,
  april: 4,
  apr: 4,
  avril: 4,
  abril: 4,
  nisan: 4,
  апреля: 4,
  квітня: 4,
  mei: 5,
  may: 5,
  mai: 5,
  mayo: 5,
  mayis: 5,
  мая: 5,
  травня: 5,
  juni: 6,
  jun: 6,
  june: 6,
  juin: 6,
  junio: 6,
  haziran: 6,
  июня: 6,
  червня: 6,
  juli: 7,
  jul: 7,
  july: 7,
  juillet: 7,
  julio: 7,
  temmuz: 7,
  июля: 7,
  липня: 7,
  augustus: 8,
  aug: 8,
  august: 8,
  aout: 8,
  agosto: 8,
  agustos: 8,
  августа: 8,
  серпня: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  septiembre: 9,
  eylul: 9,
  сентября: 9,
  вересня: 9,
  oktober: 10,
  okt: 10,
  oct: 10,
  october: 10,
  octobre: 10,
  octubre: 10,
  ekim: 10,
  октября: 10,
  жовтня: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  noviembre: 11,
  kasim: 11,
  ноября: 11,
  листопада: 11,
  december: 12,
  dec: 12,
  decembre: 12,
  diciembre: 12,
  aralik: 12,
  декабря: 12,
  грудня: 12,
};

/** Small words left out of the activity ("met Amina naar de bib" -> "bib"). */
export const FILLER = new Set(
  'naar de het een op in bij om en ik we wij we zijn was ben heb hebben gedaan samen voor van tot uur u to the a an at in on with and i we did was for of le la les au aux a à et avec pour de du des en con el los las y para op of om gaan geweest gewerkt'.split(
    ' ',
  ),
);

/** "met Sara", "with Sara", "avec Sara", "с Сарой", "ile", "con", "مع", "با". */
export const WITH = /(?:^|\s)(?:met|with|avec|con|mit|ile|с|з|مع|با)\s+([\p{Lu}][\p{L}'-]{1,30})/u;

/** The same, in lower-cased text (to take the name out of the activity). */
export const WITH_ANY = /(?:^|\s)(?:met|with|avec|con|mit|ile|с|з|مع|با)\s+[\p{L}'-]{1,30}/gu;
