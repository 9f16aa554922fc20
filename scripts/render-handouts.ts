/**
 * Renders the Markdown source of each client handout (handouts/*.md in a module folder) to a PDF
 * beside it, with the DejaVu fonts, so the handout stays editable as text and the PDF is
 * reproducible. Run after editing a source: `npm run content:handouts` (or pass .md paths).
 *
 * Supported Markdown (all Leichte Sprache needs): `# title`, `## heading`, `- item`,
 * `[ ] checkbox`, `**bold**`, and lines of text; every source line stays its own line
 * (Leichte Sprache puts one sentence per line), blank lines separate blocks.
 */
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import PDFDocument from 'pdfkit';

const fontDir = join(
	dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
	'ttf'
);
/** Fixed so that rendering an unchanged source gives the same file. */
const FIXED_DATE = new Date('2026-12-01T00:00:00Z');
const MARGIN = 64;

type Block =
	| { kind: 'title' | 'heading'; text: string }
	| { kind: 'item' | 'checkbox' | 'line'; text: string }
	| { kind: 'gap' };

export function parseHandout(source: string): Block[] {
	return source.split(/\r?\n/).map((raw): Block => {
		const line = raw.trimEnd();
		if (line.trim() === '') return { kind: 'gap' };
		if (line.startsWith('## ')) return { kind: 'heading', text: line.slice(3) };
		if (line.startsWith('# ')) return { kind: 'title', text: line.slice(2) };
		if (line.startsWith('- ')) return { kind: 'item', text: line.slice(2) };
		if (line.startsWith('[ ] ')) return { kind: 'checkbox', text: line.slice(4) };
		return { kind: 'line', text: line };
	});
}

/** Writes text with **bold** parts as one continued paragraph. */
function inline(doc: PDFKit.PDFDocument, text: string, x: number, width: number) {
	const parts = text.split(/\*\*/);
	parts.forEach((part, index) => {
		doc.font(index % 2 === 1 ? 'bold' : 'regular');
		const continued = index < parts.length - 1;
		// Only the first segment sets position and width; later ones continue its line.
		if (index === 0) doc.text(part, x, undefined, { width, continued });
		else doc.text(part, { continued });
	});
}

export async function renderHandout(source: string, target: string): Promise<void> {
	const blocks = parseHandout(source);
	const title = blocks.find((block) => block.kind === 'title');
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		lang: 'de-DE',
		displayTitle: true,
		info: {
			Title: title && 'text' in title ? title.text : 'Handout',
			Author: 'Lernplattform für Integrationslots*innen',
			Subject: 'Handout in Leichter Sprache',
			CreationDate: FIXED_DATE,
			ModDate: FIXED_DATE
		}
	});
	doc.registerFont('regular', join(fontDir, 'DejaVuSans.ttf'));
	doc.registerFont('bold', join(fontDir, 'DejaVuSans-Bold.ttf'));
	const done = new Promise<void>((resolve, reject) => {
		const out = createWriteStream(target);
		out.on('finish', resolve).on('error', reject);
		doc.pipe(out);
	});
	const width = doc.page.width - 2 * MARGIN;
	for (const block of blocks) {
		if (block.kind === 'gap') {
			doc.moveDown(0.6);
			continue;
		}
		if (block.kind === 'title') {
			doc.font('bold').fontSize(22).text(block.text, MARGIN, undefined, { width });
			doc.moveDown(0.6);
			continue;
		}
		if (block.kind === 'heading') {
			doc.moveDown(0.4).font('bold').fontSize(17).text(block.text, MARGIN, undefined, { width });
			doc.moveDown(0.3);
			continue;
		}
		doc.fontSize(14);
		if (block.kind === 'line') {
			inline(doc, block.text, MARGIN, width);
			continue;
		}
		const y = doc.y;
		if (block.kind === 'item') {
			doc.font('regular').text('•', MARGIN + 4, y);
		} else {
			doc
				.rect(MARGIN + 2, y + 2, 13, 13)
				.lineWidth(1.2)
				.stroke();
		}
		doc.y = y;
		inline(doc, block.text, MARGIN + 26, width - 26);
		doc.moveDown(0.25);
	}
	doc.end();
	await done;
}

function findSources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return findSources(path);
		return name.endsWith('.md') && dirname(path).endsWith('/handouts') ? [path] : [];
	});
}

async function main() {
	const args = process.argv.slice(2);
	const sources = args.length > 0 ? args : findSources('content/courses');
	for (const source of sources) {
		const target = source.replace(/\.md$/, '.pdf');
		await renderHandout(await readFile(source, 'utf8'), target);
		console.log(`${relative('.', source)} → ${relative('.', target)}`);
	}
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
	await main();
}
