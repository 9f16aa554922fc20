/** Words the renderer puts around the content, in the reader's language. */
export interface RenderLabels {
	hint: { info: string; tipp: string; achtung: string };
	/** Read before a term's explanation by screen readers. */
	termExplanation: string;
	mediaTranscript: string;
	mediaCaptions: string;
	mediaDownload: string;
	mediaUnsupported: string;
	footnotesHeading: string;
	footnoteBack: (number: number) => string;
	/** Accessible name of a table's scroll region. */
	table: string;
}
