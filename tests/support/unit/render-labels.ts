import type { RenderLabels } from '$lib/server/content/render/labels';

/** The German labels, as the app passes them (tests need no paraglide runtime). */
export const GERMAN_LABELS: RenderLabels = {
	hint: { info: 'Info', tipp: 'Tipp', achtung: 'Achtung' },
	termExplanation: 'Erklärung',
	mediaTranscript: 'Transkript',
	mediaCaptions: 'Untertitel',
	mediaDownload: 'Datei herunterladen',
	mediaUnsupported: 'Ihr Browser kann diese Datei nicht abspielen.',
	footnotesHeading: 'Fußnoten',
	footnoteBack: (number) => `Zurück zur Textstelle von Fußnote ${number}`,
	table: 'Tabelle'
};
