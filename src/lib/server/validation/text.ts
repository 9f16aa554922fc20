/**
 * Bidirectional formatting characters: ALM, LRM, RLM, the embeddings and overrides
 * (U+202A–U+202E) and the isolates (U+2066–U+2069). In a one-line label they have no use but
 * one: `rechnung\u202Efdp.exe` shows on a trainer's page as `rechnungexe.pdf`.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Strips bidi controls from names and file names before they are stored. */
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');
