// The ES module build of fontkit, as pdfkit's own import loads it: one copy in the process.
import { openSync, type Font } from 'fontkit';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { rememberDecodedGlyphs } from './pdf-font-memo';

const fontDir = join(
	dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
	'ttf'
);

export interface CertificateFonts {
	regular: Font;
	bold: Font;
}

let fonts: CertificateFonts | undefined;

function openFont(file: string): Font {
	const font = openSync(join(fontDir, file));
	if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
	rememberDecodedGlyphs(font);
	return font;
}

/**
 * DejaVu covers German, Latin-extended (Ş ğ ı ł ă ț) and Cyrillic names; see FONT-LICENSE.txt.
 * Parsed once per process and handed to every document: fontkit keeps the decoded tables
 * (cmap, GSUB/GPOS, glyphs) on the font object, so each later document only lays out its text
 * and writes its own subset. Parsing the fonts per document took most of a download's time.
 */
export function certificateFonts(): CertificateFonts {
	fonts ??= { regular: openFont('DejaVuSans.ttf'), bold: openFont('DejaVuSans-Bold.ttf') };
	return fonts;
}
