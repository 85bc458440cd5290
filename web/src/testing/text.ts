// Intl puts no-break spaces (U+00A0) and narrow no-break spaces (U+202F) in numbers, money and
// dates, so tests compare their text with plain spaces.

/** Returns `text` with its no-break spaces made plain, and '' for null or undefined. */
export function plainText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

/** Returns the plain text of the value of the points figure `data-points="<name>"`. */
export function pointsFigureText(name: string): string {
  return plainText(document.querySelector(`[data-points="${name}"] dd`)?.textContent);
}
