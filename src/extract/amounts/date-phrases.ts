/**
 * The date finder: reads runs of the date words of data/dates/dates.yaml as
 * date phrases ("June 12, 2025", "last week", "four years ago", "end of
 * August") for chrono-node to resolve. It proposes; chrono decides what a
 * phrase means, and a phrase chrono cannot resolve ("late 2023") yields no date.
 */
import type { DateWordEntry } from '../../knowledge/schema.js';
import type { Doc, Token } from '../../nlp/index.js';

/** One form of a date word, as the finder looks it up by `Token.lower`. */
export interface DateWord {
  kind: DateWordEntry['kind'];
  /** A form with a period ("Aug."): a month only with a day or a year after it. */
  abbreviation: boolean;
  ambiguous: boolean;
  shifts: boolean;
}

/** Date words by lower-case form. */
export type DateVocabulary = ReadonlyMap<string, DateWord>;

export function buildDateVocabulary(entries: readonly DateWordEntry[]): DateVocabulary {
  const vocabulary = new Map<string, DateWord>();
  for (const e of entries) {
    for (const form of [e.word, ...e.forms]) {
      vocabulary.set(form.toLowerCase(), {
        kind: e.kind,
        abbreviation: form.endsWith('.'),
        ambiguous: e.ambiguous,
        shifts: e.shifts,
      });
    }
  }
  return vocabulary;
}

/** A date phrase as a token range, last exclusive. */
export interface DatePhrase {
  first: number;
  last: number;
}

/** The date phrases of `doc`, left to right, not overlapping. */
export function findDatePhrases(doc: Doc, vocabulary: DateVocabulary): DatePhrase[] {
  const reader = new PhraseReader(doc.tokens, vocabulary);
  const phrases: DatePhrase[] = [];
  let i = 0;
  while (i < doc.tokens.length) {
    const last = reader.phraseAt(i);
    if (last > i) {
      phrases.push({ first: i, last });
      i = last;
    } else i++;
  }
  return phrases;
}

const DAY = /^\d{1,2}(st|nd|rd|th)?$/;
const YEAR = /^\d{4}$/;

/**
 * Each reading method takes the token where a part of a phrase would start
 * and returns where the phrase ends (exclusive), or 0 when it does not read
 * there. A phrase stays within the sentence of its first token.
 */
class PhraseReader {
  private sentence = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly vocabulary: DateVocabulary,
  ) {}

  phraseAt(i: number): number {
    this.sentence = (this.tokens[i] as Token).sentence;
    const word = this.word(i);
    switch (word?.kind) {
      case 'month':
        return this.calendarDate(i);
      case 'weekday':
        return this.weekday(i);
      case 'casual':
        return i + 1;
      case 'shift':
        return this.shifted(i);
      case 'count':
        return this.ago(i);
      case 'season':
        return this.seasonOfYear(i);
      case 'part':
        return this.period(i + 1);
      case 'edge':
        return this.edge(i);
      case undefined: {
        // Most tokens are no date word: only a numeral may open "1 May" or "10 days ago".
        const t = this.tokens[i] as Token;
        const digit = t.lower.charCodeAt(0) - 48;
        if (t.pos === 'NUM' || (digit >= 0 && digit <= 9)) return this.dayFirst(i) || this.ago(i);
        return this.hyphenatedPart(i);
      }
      default:
        return 0;
    }
  }

  /** "June 12, 2025", "Oct. 7", "April 2023", "in May". */
  private calendarDate(m: number): number {
    const month = this.word(m);
    if (month?.kind !== 'month' || !this.capitalised(m)) return 0;
    if (this.isDay(m + 1)) return this.withYear(m + 2);
    if (this.isYear(m + 1)) return m + 2;
    if (month.abbreviation || (month.ambiguous && !this.afterLowerCaseWord(m))) return 0;
    return m + 1;
  }

  /** "1 May", "15 October 2024", "3rd of March". */
  private dayFirst(d: number): number {
    if (!this.isDay(d)) return 0;
    const m = this.token(d + 1)?.lower === 'of' ? d + 2 : d + 1;
    return this.word(m)?.kind === 'month' && this.capitalised(m) ? this.withYear(m + 1) : 0;
  }

  /** ", 2025" or " 2025" after a day. */
  private withYear(k: number): number {
    if (this.token(k)?.text === ',' && this.isYear(k + 1)) return k + 2;
    return this.isYear(k) ? k + 1 : k;
  }

  /** "Friday", and "Monday, June 2" as one date. */
  private weekday(w: number): number {
    if (!this.capitalised(w)) return 0;
    const k = this.token(w + 1)?.text === ',' ? w + 2 : w + 1;
    const dated = this.isDay(k + 1) ? this.calendarDate(k) : this.dayFirst(k);
    return dated || w + 1;
  }

  /** "last week", "next Monday", "this March", "last summer". */
  private shifted(s: number): number {
    if (this.word(s)?.kind !== 'shift') return 0;
    const k = s + 1;
    const word = this.word(k);
    if (word?.kind === 'unit') return word.shifts ? k + 1 : 0;
    if (word?.kind === 'weekday' || word?.kind === 'month') return this.capitalised(k) ? k + 1 : 0;
    return word?.kind === 'season' ? k + 1 : 0;
  }

  /** "four years ago", "a few days ago", "10 days ago". */
  private ago(c: number): number {
    let k = c;
    while (k < c + 2 && this.isCount(k)) k++;
    if (k === c || this.word(k)?.kind !== 'unit') return 0;
    return this.word(k + 1)?.kind === 'ago' ? k + 2 : 0;
  }

  /** "spring of 2022", "summer 2024". */
  private seasonOfYear(s: number): number {
    const k = this.token(s + 1)?.lower === 'of' ? s + 2 : s + 1;
    return this.isYear(k) ? k + 1 : 0;
  }

  /** What a part or an edge is of: "July", "2023", "last year". */
  private period(k: number): number {
    return this.calendarDate(k) || (this.isYear(k) ? k + 1 : 0) || this.shifted(k);
  }

  /** "end of August", "end of the year", "start of next month". */
  private edge(e: number): number {
    if (this.token(e + 1)?.lower !== 'of') return 0;
    const k = e + 2;
    const unit = this.word(k + 1);
    if (this.token(k)?.lower === 'the' && unit?.kind === 'unit') return unit.shifts ? k + 2 : 0;
    return this.period(k);
  }

  /** "mid-August", "mid-2024": a part joined to its month or year in one token. */
  private hyphenatedPart(i: number): number {
    const t = this.token(i) as Token;
    const hyphen = t.lower.indexOf('-');
    if (hyphen < 1 || this.vocabulary.get(t.lower.slice(0, hyphen))?.kind !== 'part') return 0;
    const rest = t.text.slice(hyphen + 1);
    const month = this.vocabulary.get(rest.toLowerCase());
    const isMonth = month?.kind === 'month' && !month.abbreviation && rest !== rest.toLowerCase();
    return isMonth || YEAR.test(rest) ? i + 1 : 0;
  }

  private token(k: number): Token | undefined {
    const t = this.tokens[k];
    return t?.sentence === this.sentence ? t : undefined;
  }

  private word(k: number): DateWord | undefined {
    const t = this.token(k);
    return t && this.vocabulary.get(t.lower);
  }

  /** Months and weekdays are dates only with their capital ("may" is a verb). */
  private capitalised(k: number): boolean {
    const t = this.tokens[k] as Token;
    return t.text.charCodeAt(0) !== t.lower.charCodeAt(0);
  }

  /** "in May", but not "Theresa May" nor a sentence's first word. */
  private afterLowerCaseWord(k: number): boolean {
    const before = this.token(k - 1);
    return !!before && /^\p{Ll}/u.test(before.text);
  }

  private isDay(k: number): boolean {
    const text = this.token(k)?.text ?? '';
    return DAY.test(text) && Number.parseInt(text, 10) >= 1 && Number.parseInt(text, 10) <= 31;
  }

  private isYear(k: number): boolean {
    return YEAR.test(this.token(k)?.text ?? '');
  }

  private isCount(k: number): boolean {
    return this.word(k)?.kind === 'count' || this.token(k)?.pos === 'NUM';
  }
}
