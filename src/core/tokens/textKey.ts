// Cache keys for texts. Short texts are their own key (a Map hashes them once). Long ones are reduced to their
// length and two independent 32-bit hashes, so the cache does not keep megabyte strings alive and a lookup costs one
// linear pass (~1 ms per MB, against ~300 ms to tokenize that MB).

/** Texts up to this length are used as keys directly. */
export const DIRECT_KEY_MAX = 4096;

export function textKey(text: string): string {
  if (text.length <= DIRECT_KEY_MAX) return text;
  // FNV-1a and a multiply-rotate hash over UTF-16 code units; together 64 bits, so a collision between two prompts
  // is out of reach in practice.
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 = (h2 << 13) | (h2 >>> 19);
  }
  // The NUL prefix keeps hashed keys apart from direct keys (no direct key this long exists anyway).
  return `\u0000${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}
