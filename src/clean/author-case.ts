/** Contractions that newspaper3k's title-casing capitalised: `She'S`, `I'M`, `Don'T`. */
const CONTRACTION = /\b(I|[A-Za-z]{2,})(['’])(S|M|T|D|Ll|LL|Re|RE|Ve|VE)\b/g;
/** Domain endings it capitalised: `Elle.Com`, `Startribune.Com`. */
const DOMAIN_END = /\.(Com|Org|Net|Gov|Edu|Co\.Uk|Co|Uk|Tv|Io)\b/g;

/**
 * Undoes title-casing damage that is unambiguous: a capital after an apostrophe that ends a
 * contraction, and a capitalised domain ending. `O'Malley` and `D'Angelo` stay as they are.
 */
export function fixTitleCase(name: string): string {
  return name
    .replace(
      CONTRACTION,
      (_, stem: string, mark: string, end: string) => `${stem}${mark}${end.toLowerCase()}`,
    )
    .replace(DOMAIN_END, (end: string) => end.toLowerCase());
}
