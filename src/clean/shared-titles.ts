import { hash53 } from "./hash.js";
import { normaliseLine } from "./text.js";

/** A title carried by this many different bodies is a generic page title. */
const MIN_SHARED_BODIES = 4;

interface Shared {
  readonly text: string;
  readonly domain: string | null;
  readonly bodies: number[];
}

/**
 * Finds titles that many different pages carry (`Robot Check`, `MSN 香港`). Only the first
 * body of each title is remembered until a second one shows up, so memory stays one number
 * per distinct title.
 */
export class SharedTitles {
  private readonly firstBody = new Map<number, number>();
  private readonly shared = new Map<number, Shared>();

  /** Counts one page's title against the hash of its body. */
  add(title: string, domain: string | null, bodyHash: number): void {
    const text = normaliseLine(title);
    if (!text) return;
    const key = hash53(text);
    const first = this.firstBody.get(key);
    if (first === undefined) {
      this.firstBody.set(key, bodyHash);
      return;
    }
    if (first === bodyHash) return;
    const entry = this.shared.get(key) ?? { text, domain, bodies: [first] };
    if (entry.bodies.length < MIN_SHARED_BODIES && !entry.bodies.includes(bodyHash)) {
      entry.bodies.push(bodyHash);
    }
    this.shared.set(key, entry);
  }

  /**
   * The shared titles, normalised, each also as cleaning will leave it (`strip` removes its
   * site names), so an already cleaned title is recognised too.
   */
  finish(strip: (title: string, domain: string | null) => string): string[] {
    const titles = new Set<string>();
    for (const entry of this.shared.values()) {
      if (entry.bodies.length < MIN_SHARED_BODIES) continue;
      titles.add(entry.text);
      titles.add(normaliseLine(strip(entry.text, entry.domain)));
    }
    return [...titles].sort();
  }
}
