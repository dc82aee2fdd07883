/**
 * The words of dates: days relative to today, weekdays, months, "last week", in the same
 * languages as the durations. Weekdays are numbered like `Date.getDay()` (0 = Sunday).
 */
import { each, phraseTable } from './text.js';

/** Days before today: "vandaag" 0, "gisteren" 1, "eergisteren" 2. */
export const DAYS_AGO = phraseTable<number>([
  ...each(0, 'vandaag|vanmorgen|vanochtend|vanmiddag|vannamiddag|vanavond|deze morgen|deze middag'),
  ...each(0, 'today|tonight|this morning|this afternoon|this evening'),
  ...each(0, "aujourd'hui|aujourdhui|aujourd hui|ce matin|cet après-midi|cet apres midi|ce soir"),
  ...each(0, 'hoy|esta mañana|esta tarde|esta noche|bugün|bu sabah|bu akşam|اليوم|النهارده|امروز'),
  ...each(0, 'сьогодні|сегодня'),
  ...each(1, 'gisteren|gister|gisteravond|gisterenavond|gistermiddag|gisternamiddag|gisterochtend'),
  ...each(1, 'gistermorgen|gisterenmorgen|gisterenmiddag|yesterday|last night|ayer|anoche|dün'),
  ...each(1, 'hier|امس|أمس|البارحة|مبارح|امبارح|إمبارح|دیروز|вчора|учора|вчера'),
  ...each(2, 'eergisteren|eergister|day before yesterday|the day before yesterday|avant-hier'),
  ...each(2, 'avant hier|anteayer|antes de ayer|antier|evvelsi gün|önceki gün|dünden önceki gün'),
  ...each(2, 'أول أمس|اول امس|اول من امس|أول من أمس|پریروز|позавчора|позавчера'),
]);

/** Tomorrow and later: a report can only be about the past ("morgen" gives 'future'). */
export const TOMORROW = phraseTable<true>(
  each(
    true,
    'morgen|overmorgen|tomorrow|demain|après-demain|mañana|pasado mañana|yarın|غدا|غداً|بكرة|بكره|فردا|завтра|післязавтра|послезавтра',
  ),
);

/** Words before "morgen"/"mañana" that make it the morning, not tomorrow. */
export const MORNING_NOT_TOMORROW = new Set([
  'la',
  'esta',
  'por',
  'de',
  'deze',
  'gisteren',
  'gister',
  'vandaag',
]);

/**
 * The French "hier" (yesterday) is the Dutch "hier" (here): these words say a message is Dutch
 * ("ik was hier 2 uur"). Units are not among them: "hier 2 uur" is still read as yesterday.
 */
export const DUTCH_MARKERS = new Set(
  'ik|we|wij|was|waren|ben|heb|hebben|geweest|gedaan|gewerkt|gegaan|met|naar|bij|het|ook'.split('|'),
);

/** Dutch units: with one of these, "di" and "do" are weekdays ("do 3u bib"). */
export const DUTCH_UNITS = new Set('u|uur|uren|uurtje|uurtjes|kwartier|halfuur'.split('|'));

export const WEEKDAYS = phraseTable<number>([
  ...each(
    1,
    'maandag|monday|lundi|lunes|pazartesi|الاثنين|الإثنين|الاتنين|اثنين|دوشنبه|دو شنبه|понеділок|понедельник',
  ),
  ...each(2, 'dinsdag|tuesday|mardi|martes|salı|الثلاثاء|الثلاثا|التلات|سه شنبه|سهشنبه|вівторок|вторник'),
  ...each(3, 'woensdag|wednesday|mercredi|miércoles|çarşamba|الاربعاء|الأربعاء|الاربع|چهارشنبه|چهار شنبه'),
  ...each(3, 'середа|середу|среда|среду'),
  ...each(4, 'donderdag|thursday|jeudi|jueves|perşembe|الخميس|پنجشنبه|پنج شنبه|четвер|четверг'),
  ...each(
    5,
    "vrijdag|friday|fri|vendredi|viernes|cuma|الجمعة|جمعه|пʼятниця|п'ятниця|п'ятницю|пятница|пятницу",
  ),
  ...each(6, 'zaterdag|saturday|samedi|sábado|cumartesi|السبت|شنبه|субота|суботу|суббота|субботу'),
  ...each(0, 'zondag|sunday|dimanche|domingo|pazar|الأحد|الاحد|یکشنبه|یک شنبه|неділя|неділю|воскресенье'),
]);

/**
 * Short weekdays ("di", "do", "sat", "sun") are also ordinary words: they count only after
 * "op"/"on"/"vorige"/"last", in a Dutch message, or in a message of a word or two.
 */
export const WEEKDAY_SHORT = phraseTable<number>([
  ...each(1, 'ma|mon'),
  ...each(2, 'di|tue|tues'),
  ...each(3, 'wo|wed'),
  ...each(4, 'do|thu|thur|thurs'),
  ...each(5, 'vr|fri'),
  ...each(6, 'za|sat'),
  ...each(0, 'zo|sun'),
]);

/** "vorige week", "last week", "la semaine dernière", "هفته پیش": before or after a weekday. */
export const PREVIOUS_WEEK = phraseTable<true>(
  each(
    true,
    'vorige week|verleden week|afgelopen week|last week|the week before|la semaine dernière|semaine dernière|' +
      'la semana pasada|semana pasada|geçen hafta|на прошлой неделе|прошлой неделе|минулого тижня|на минулому тижні|' +
      'الأسبوع الماضي|الاسبوع الماضي|الأسبوع اللي فات|هفته پیش|هفته گذشته|هفته قبل',
  ),
);

/** One word before a weekday that also means the previous week's one: "vorige dinsdag", "last tuesday". */
export const PREVIOUS = phraseTable<true>(
  each(true, 'vorige|verleden|last|previous|geçen|прошлый|прошлую|прошлое|минулого|минулий|минулу|минулої'),
);

/** Little words allowed between "last week" and the weekday, or before a weekday: "op", "on", "el". */
export const BEFORE_WEEKDAY = phraseTable<true>(each(true, 'op|on|le|el|в|во|у|يوم|روز|de|the'));

export const MONTHS = phraseTable<number>([
  ...each(
    1,
    'januari|january|janvier|janv|enero|ene|ocak|января|январь|січня|січень|يناير|كانون الثاني|ژانویه|jan',
  ),
  ...each(
    2,
    'februari|february|février|fevrier|févr|fevr|fév|febrero|şubat|февраля|февраль|лютого|лютий|فبراير|شباط|فوریه|feb',
  ),
  ...each(3, 'maart|march|mars|marzo|mart|марта|март|березня|березень|مارس|آذار|mrt|mar'),
  ...each(4, 'april|avril|avr|abril|abr|nisan|апреля|апрель|квітня|квітень|أبريل|ابريل|نيسان|آوریل|apr'),
  ...each(5, 'mei|may|mai|mayo|mayıs|мая|май|травня|травень|مايو|أيار|ايار|مه'),
  ...each(6, 'juni|june|juin|junio|haziran|июня|июнь|червня|червень|يونيو|يونيه|حزيران|ژوئن|jun'),
  ...each(7, 'juli|july|juillet|juil|julio|temmuz|июля|июль|липня|липень|يوليو|يوليه|تموز|ژوئیه|jul'),
  ...each(
    8,
    'augustus|august|août|aout|agosto|ago|ağustos|августа|август|серпня|серпень|أغسطس|اغسطس|آب|اوت|aug',
  ),
  ...each(
    9,
    'september|septembre|septiembre|setiembre|eylül|сентября|сентябрь|вересня|вересень|سبتمبر|أيلول|ايلول|سپتامبر|sep|sept',
  ),
  ...each(
    10,
    'oktober|october|octobre|octubre|ekim|октября|октябрь|жовтня|жовтень|أكتوبر|اكتوبر|تشرين الأول|اکتبر|okt|oct',
  ),
  ...each(
    11,
    'november|novembre|noviembre|kasım|ноября|ноябрь|листопада|листопад|نوفمبر|تشرين الثاني|نوامبر|nov',
  ),
  ...each(
    12,
    'december|décembre|diciembre|dic|aralık|декабря|декабрь|грудня|грудень|ديسمبر|كانون الأول|دسامبر|dec|déc',
  ),
]);

/** "12th", "1st", "12e", "1er", "12de": ignored after a day number. */
export const ORDINAL = phraseTable<true>(each(true, 'st|nd|rd|th|e|er|ste|de|ème|eme|º|ª'));
