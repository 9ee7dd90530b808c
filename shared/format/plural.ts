/** Counts and articles in sentences, the engine's and the app's ("1 turn", "2 turns", "an EV block"). */

/**
 * `n` with the noun in the number it needs: "1 turn", "3 turns", "0 processes"; `shown` writes
 * the number (the app groups thousands).
 */
export function countOf(n: number, one: string, many = `${one}s`, shown: (n: number) => string = String): string {
  return `${shown(n)} ${n === 1 ? one : many}`;
}

/**
 * "a" or "an" before a word, by its sound: an abbreviation read letter by letter (EV, MI, SHB,
 * FDL) takes "an" when its first letter's name starts with a vowel sound (ef, em, es, ...).
 */
export function article(word: string): 'a' | 'an' {
  if (/^[A-Z][A-Z0-9_]*$/.test(word)) return 'AEFHILMNORSX'.includes(word[0]) ? 'an' : 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
