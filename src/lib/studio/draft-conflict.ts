/**
 * A save refused because the author's draft changed since the editor loaded it (another tab or
 * window saved, published or discarded it). The editor keeps the typed text and shows this.
 */
export interface DraftConflict {
	/** The draft's version now: overwriting sends it back, so a still newer one is refused again. */
	version: string;
	/** The newer draft's text; null when the page is gone (deleted or moved). */
	text: string | null;
	/** The author asked to overwrite: show the confirmation question. */
	confirm: boolean;
}

/** Form field of the editor's overwrite buttons: 'fragen' asks, a version confirms. */
export const OVERWRITE_FIELD = 'ueberschreiben';
export const ASK_OVERWRITE = 'fragen';
