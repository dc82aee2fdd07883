/**
 * The words of durations and clock times in the languages newcomers in Flanders write: Dutch
 * first, then English, French, Arabic, Persian, Ukrainian, Russian, Turkish and Spanish. Spellings
 * are written naturally; the tables normalise them (accents, Arabic yeh, digits) like messages.
 * Common typos are listed next to the right spelling.
 */
import { each, phraseTable } from './text.js';

/** Numbers written as words; used only right before a unit ("twee uur", not "twee vrienden"). */
export const NUMBER_WORDS = phraseTable<number>([
  ...each(1, 'een|één|eén|n|one|a|an|un|une|uno|una|bir|واحد|واحدة|یک|یه|один|одна|одну|одін'),
  ...each(2, 'twee|two|deux|dos|iki|اثنين|اثنان|اتنين|دو|два|две|дві'),
  ...each(3, 'drie|three|trois|tres|üç|ثلاث|ثلاثة|تلات|سه|три'),
  ...each(4, 'vier|four|quatre|cuatro|dört|اربع|أربع|اربعة|أربعة|چهار|четыре|чотири'),
  ...each(5, "vijf|five|cinq|cinco|beş|خمس|خمسة|پنج|пять|пʼять|п'ять"),
  ...each(6, 'zes|six|seis|altı|ست|ستة|شش|шесть|шість'),
  ...each(7, 'zeven|seven|sept|siete|yedi|سبع|سبعة|هفت|семь|сім'),
  ...each(8, 'acht|eight|huit|ocho|sekiz|ثمان|ثماني|ثمانية|هشت|восемь|вісім'),
  ...each(9, "negen|nine|neuf|nueve|dokuz|تسع|تسعة|نه|девять|дев'ять"),
  ...each(10, 'tien|ten|dix|diez|on|عشر|عشرة|ده|десять'),
  ...each(11, 'elf|eleven|onze|once|on bir|یازده'),
  ...each(12, 'twaalf|twelve|douze|doce|on iki|دوازده'),
  // the usual minutes
  ...each(15, "vijftien|fifteen|quinze|quince|on beş|پانزده|пятнадцать|п'ятнадцять|خمسة عشر|خمستاشر"),
  ...each(20, 'twintig|twenty|vingt|veinte|yirmi|بیست|двадцать|двадцять|عشرين|عشرون'),
  ...each(30, 'dertig|thirty|trente|treinta|otuz|سی|тридцать|тридцять|ثلاثين|ثلاثون'),
  ...each(
    45,
    'vijfenveertig|forty-five|forty five|quarante-cinq|cuarenta y cinco|kırk beş|چهل و پنج|сорок пять|сорок пʼять',
  ),
  // one and a half, written as one word
  ...each(1.5, 'anderhalf|anderhalve|полтора|полторы|півтори|півтора'),
  // a half, before a unit ("een half uur", "half an hour", "une demi-heure", "نصف ساعة")
  ...each(0.5, 'half|halve|een half|een halve|n half|half an|half a|a half|demi|une demi|un demi'),
  ...each(0.5, 'media|medio|una media|yarım|نصف|نص|نیم|пів|пол|½'),
  ...each(0.25, '¼'),
  ...each(0.75, '¾'),
]);

/** Vulgar fractions glued to a number: "2½ uur". */
export const FRACTIONS: Readonly<Record<string, number>> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };

/**
 * Between a number and its unit, adds a half: "twee en een half uur", "two and a half hours",
 * "bir buçuk saat", "два с половиной часа", "دو و نیم ساعت".
 */
export const HALF_BETWEEN = phraseTable<number>(
  each(
    0.5,
    'en een half|en half|en een halve|and a half|et demi|et demie|y medio|y media|buçuk|с половиной|з половиною|و نیم|ونیم|و نصف|ونصف',
  ),
);

/**
 * After an hour unit, minutes to add (or take away): "een uur en een half", "une heure et
 * demie", "hora y media", "ساعة ونصف", "یک ساعت و نیم", "ساعة إلا ربع".
 */
export const AFTER_HOURS = phraseTable<number>([
  ...each(30, 'en een half|en half|and a half|et demie|et demi|y media|y medio|buçuk'),
  ...each(30, 'و نصف|ونصف|و نص|ونص|و نیم|ونیم|с половиной|з половиною'),
  ...each(15, 'et quart|y cuarto|and a quarter|en een kwart|و ربع|وربع'),
  ...each(20, 'و ثلث|وثلث'),
  ...each(-15, 'moins le quart|moins quart|menos cuarto|إلا ربع|الا ربع'),
]);

/**
 * A unit: `per` minutes each; `bare` when the word alone is an amount ("ساعة" is one hour,
 * "ساعتين" two, "kwartier" fifteen minutes); `clock` when after a number it can also be a time
 * of day ("14u", "16h30", "om 14 uur").
 */
export interface Unit {
  readonly per: number | null;
  readonly bare?: number;
  readonly clock?: boolean;
}
const hour: Unit = { per: 60 };
const hourOrClock: Unit = { per: 60, clock: true };
const oneHour: Unit = { per: 60, bare: 60 };
const minute: Unit = { per: 1 };
const oneMinute: Unit = { per: 1, bare: 1 };
const quarter: Unit = { per: 15, bare: 15 };
const halfHour: Unit = { per: null, bare: 30 };

export const UNITS = phraseTable<Unit>([
  ...each(hourOrClock, 'u|uur|h|heure|heures|uhr'),
  ...each(hour, "uren|uurtje|uurtjes|uut|uue|uuren|ur|hr|hrs|hour|hours|houres|hour's|hous|hors"),
  ...each(
    hour,
    'heur|heurs|hre|hres|ساعات|ساعت|години|годин|год|часа|часов|saat|horas|hs|stunde|stunden|std',
  ),
  ...each(oneHour, 'ساعة|ساعه|година|годину|час|hora'),
  ...each({ per: null, bare: 120 }, 'ساعتين|ساعتان'),
  ...each(
    minute,
    "min|mins|minuut|minuten|minuutjes|minuutje|minuts|minits|minute|minutes|minutos|minuto|mn|m|'",
  ),
  ...each(minute, 'دقائق|دقايق|хвилин|хвилини|хв|минут|минуты|мин|dakika|dk|dak'),
  ...each(oneMinute, 'دقيقة|دقیقه|хвилину|хвилина|минута|минуту'),
  ...each({ per: null, bare: 2 }, 'دقيقتين|دقيقتان'),
  ...each(
    quarter,
    'kwartier|kwartiertje|kwartieren|quarter of an hour|quarters of an hour|quarter hour|quarter of a hour',
  ),
  ...each(quarter, "quart d'heure|quarts d'heure|quart d heure|quart heure|cuarto de hora|cuartos de hora"),
  ...each(quarter, 'ربع ساعة|ربع ساعت|четверть часа|чверть години|çeyrek saat|çeyrek'),
  ...each({ per: 15 }, 'ربع'),
  ...each(
    halfHour,
    'halfuur|halfuurtje|half-uur|half-hour|halfhour|demi-heure|полчаса|пiвгодини|півгодини|півгодинки',
  ),
]);

/** Words that make the next number a time of day: "om 14u", "at 2", "à 16h", "a las 5", "в 14". */
export const TIME_BEFORE = phraseTable<true>(
  each(true, 'om|rond|omstreeks|tegen|at|around|à|vers|a las|sobre las|в|о|saat|ساعت|الساعة|الساعه'),
);

/** Starts a range of clock times: "van 14u tot 16u", "from 2pm to 4pm", "с 14 до 16". */
export const RANGE_FROM = phraseTable<'from' | 'between'>([
  ...each('from' as const, 'van|vanaf|from|de|depuis|desde|del|с|з|від|از|من|saat'),
  ...each('between' as const, 'tussen|between|entre|между|між|بین|بين|arası'),
]);

/** Ends the first time of a range ("-" too). After "tussen"/"between" the word "en"/"and" does. */
export const RANGE_TO = phraseTable<'to' | 'and'>([
  ...each(
    'to' as const,
    "tot|to|till|until|til|à|a|au|jusqu'à|jusqu'a|hasta|до|по|تا|الی|إلى|الى|حتى|ila|kadar|-",
  ),
  ...each('and' as const, 'en|and|et|y|и|і|ve|و'),
]);

/** Between hours and minutes: "1 uur en 15 minuten", "1 hour and 20 minutes", "1 saat ve 20 dakika". */
export const AND = phraseTable<true>(each(true, 'en|and|et|y|و|і|и|ve|,|+|&'));

/** "2-3 uur", "2 à 3 heures", "2 of 3 uur": the lower figure is kept. */
export const APPROX_OR = phraseTable<true>(each(true, '-|à|a|tot|to|of|or|ou|o|или|або|یا|أو|او|veya'));

/** am / pm after a clock time. */
export const AM_PM = phraseTable<'am' | 'pm'>([
  ...each('am' as const, 'am|a.m'),
  ...each('pm' as const, 'pm|p.m'),
]);
