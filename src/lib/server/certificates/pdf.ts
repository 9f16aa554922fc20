import { m } from '$lib/paraglide/messages.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { drawCurriculumLines } from './pdf-curriculum';
import type { IssuerImage } from './settings';
import { canonicalJson, publicKeyFingerprint } from './signing';
import type { CertificateSnapshot } from './snapshot';

// The certificate is German whatever the UI language: it is an official document.
const de = { locale: 'de' } as const;

const fontDir = join(
	dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
	'ttf'
);
/** DejaVu covers German, Latin-extended (Ş ğ ı ł ă ț) and Cyrillic names; see FONT-LICENSE.txt. */
let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** Read once: parsing a font from memory is much cheaper than from disk on every download. */
function loadFonts() {
	fonts ??= {
		regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
		bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf'))
	};
	return fonts;
}

export interface PdfOptions {
	verifyUrl: string;
	signature: string;
	logo?: IssuerImage | null;
	signatureImage?: IssuerImage | null;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const ACCENT = '#1d4f91';

/** `2026-03-12` → `12. März 2026`. */
export function formatGermanDate(day: string): string {
	return new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}

export function periodText(period: CertificateSnapshot['period']): string | null {
	const { from, to } = period;
	if (from && to && from !== to) {
		return m.certificates_pdf_period(
			{ from: formatGermanDate(from), to: formatGermanDate(to) },
			de
		);
	}
	const day = to ?? from;
	return day ? m.certificates_pdf_period_day({ date: formatGermanDate(day) }, de) : null;
}

export const certificateHeading = (kind: CertificateSnapshot['kind']) =>
	kind === 'zertifikat'
		? m.certificates_pdf_heading_certificate({}, de)
		: m.certificates_pdf_heading_attendance({}, de);

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const count = qr.modules.size;
	// Four modules of quiet zone on each side, as scanners expect.
	const cell = size / (count + 8);
	doc.rect(x, y, size, size).fill('#ffffff');
	for (let row = 0; row < count; row += 1) {
		for (let col = 0; col < count; col += 1) {
			if (qr.modules.data[row * count + col]) {
				doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
			}
		}
	}
	doc.fill('#000000');
}

function drawHeader(
	doc: PDFKit.PDFDocument,
	snapshot: CertificateSnapshot,
	logo?: IssuerImage | null
) {
	const { issuer } = snapshot;
	doc
		.font('bold')
		.fontSize(11)
		.fillColor('#000000')
		.text(issuer.name, MARGIN, MARGIN, {
			width: CONTENT_WIDTH - 170
		});
	if (issuer.address) {
		doc
			.font('regular')
			.fontSize(9)
			.fillColor('#444444')
			.text(issuer.address, {
				width: CONTENT_WIDTH - 170
			});
	}
	if (logo) {
		doc.image(logo.data, A4.width - MARGIN - 150, MARGIN, { fit: [150, 60], align: 'right' });
	}
}

function drawBody(doc: PDFKit.PDFDocument, snapshot: CertificateSnapshot) {
	const center = { width: CONTENT_WIDTH, align: 'center' as const };
	const attendance = snapshot.kind !== 'zertifikat';
	doc.y = 150;
	doc
		.font('bold')
		.fontSize(30)
		.fillColor(ACCENT)
		.text(certificateHeading(snapshot.kind), MARGIN, doc.y, center);
	doc.moveDown(0.8).font('regular').fontSize(12).fillColor('#000000');
	doc.text(
		attendance
			? m.certificates_pdf_intro_attendance({}, de)
			: m.certificates_pdf_intro_certificate({}, de),
		center
	);
	doc.moveDown(0.4).font('bold').fontSize(22).text(snapshot.learnerName, center);
	doc.moveDown(0.4).font('regular').fontSize(12);
	doc.text(
		attendance
			? m.certificates_pdf_lead_attendance({}, de)
			: m.certificates_pdf_lead_certificate({}, de),
		center
	);
	doc.moveDown(0.3).font('bold').fontSize(15).text(snapshot.title, center);
	doc.moveDown(0.3).font('regular').fontSize(12);
	const period = periodText(snapshot.period);
	if (period) doc.text(period, center);
	doc.text(
		attendance
			? m.certificates_pdf_outro_attendance({}, de)
			: m.certificates_pdf_outro_certificate({}, de),
		center
	);
	doc.moveDown(0.8).fontSize(10).fillColor('#444444');
	doc.text(m.certificates_pdf_course({ title: snapshot.courseTitle }, de), center);
	if (snapshot.cohort)
		doc.text(m.certificates_pdf_cohort({ name: snapshot.cohort.name }, de), center);
}

function drawModules(doc: PDFKit.PDFDocument, snapshot: CertificateSnapshot) {
	doc.moveDown(1).font('bold').fontSize(11).fillColor('#000000');
	doc.text(m.certificates_pdf_contents({}, de), MARGIN, doc.y);
	doc.moveDown(0.3).font('regular').fontSize(10);
	const hoursX = A4.width - MARGIN - 60;
	for (const module of snapshot.modules) {
		const y = doc.y;
		doc.text(module.title, MARGIN, y, { width: hoursX - MARGIN - 10 });
		const after = doc.y;
		if (module.hours !== null) {
			doc.text(m.certificates_pdf_hours({ hours: module.hours }, de), hoursX, y, {
				width: 60,
				align: 'right'
			});
		}
		doc.y = Math.max(after, doc.y) + 2;
	}
	doc
		.moveTo(MARGIN, doc.y)
		.lineTo(A4.width - MARGIN, doc.y)
		.lineWidth(0.5)
		.stroke('#999999');
	doc.moveDown(0.3).font('bold');
	doc.text(m.certificates_pdf_total({ hours: snapshot.totalHours }, de), MARGIN, doc.y, {
		width: CONTENT_WIDTH
	});
	drawCurriculumLines(doc, snapshot, { x: MARGIN, width: CONTENT_WIDTH });
	doc.font('regular').fontSize(8).fillColor('#444444').text(m.certificates_pdf_unit_note({}, de));
}

function drawFooter(doc: PDFKit.PDFDocument, snapshot: CertificateSnapshot, options: PdfOptions) {
	const bandY = A4.height - MARGIN - 40;
	const qrSize = 96;
	const top = Math.max(doc.y + 24, bandY - qrSize - 16);
	const { issuer } = snapshot;
	const place = m.certificates_pdf_place_date(
		{ place: issuer.place, date: formatGermanDate(snapshot.issuedOn) },
		de
	);
	doc.font('regular').fontSize(10).fillColor('#000000').text(place, MARGIN, top, { width: 260 });
	if (options.signatureImage) {
		doc.image(options.signatureImage.data, MARGIN, top + 16, { fit: [180, 44] });
	}
	const lineY = top + 64;
	doc
		.moveTo(MARGIN, lineY)
		.lineTo(MARGIN + 230, lineY)
		.lineWidth(0.5)
		.stroke('#000000');
	doc.text(issuer.signatoryName || issuer.name, MARGIN, lineY + 4, { width: 260 });
	if (issuer.signatoryRole) {
		doc.fontSize(9).fillColor('#444444').text(issuer.signatoryRole, { width: 260 });
	}
	drawQr(doc, options.verifyUrl, A4.width - MARGIN - qrSize, top, qrSize);

	doc
		.moveTo(MARGIN, bandY)
		.lineTo(A4.width - MARGIN, bandY)
		.lineWidth(0.5)
		.stroke('#999999');
	doc.font('regular').fontSize(8.5).fillColor('#000000');
	const number = m.certificates_pdf_number({ number: snapshot.number }, de);
	const code = m.certificates_pdf_code({ code: snapshot.code }, de);
	doc.text(`${number}   ·   ${code}`, MARGIN, bandY + 6, { width: CONTENT_WIDTH });
	doc.text(m.certificates_pdf_verify_hint({}, de), { width: CONTENT_WIDTH });
	doc.fillColor(ACCENT).text(options.verifyUrl, { width: CONTENT_WIDTH, link: options.verifyUrl });
}

/** Renders the certificate (one A4 page) from its snapshot; the PDF bytes. */
export function renderCertificatePdf(
	snapshot: CertificateSnapshot,
	options: PdfOptions
): Promise<Buffer> {
	const heading = certificateHeading(snapshot.kind);
	const fonts = loadFonts();
	const doc = new PDFDocument({
		size: 'A4',
		margin: MARGIN,
		// pdfkit accepts font data here (its types say only a path); avoids loading Helvetica.
		font: fonts.regular as unknown as string,
		lang: 'de-DE',
		displayTitle: true,
		info: {
			Title: `${heading}: ${snapshot.title}`,
			Author: snapshot.issuer.name,
			Subject: m.certificates_pdf_subject(
				{ kind: heading, name: snapshot.learnerName, number: snapshot.number },
				de
			),
			Keywords: `${snapshot.number} ${snapshot.code}`,
			CreationDate: new Date(`${snapshot.issuedOn}T12:00:00Z`),
			// Custom keys: with the instance's public key, a copy can be checked offline.
			CertificateNumber: snapshot.number,
			VerificationCode: snapshot.code,
			VerificationUrl: options.verifyUrl,
			SignatureAlgorithm: 'Ed25519',
			SignedSnapshot: canonicalJson(snapshot),
			Signature: options.signature,
			PublicKeyFingerprint: publicKeyFingerprint()
		} as PDFKit.DocumentInfo
	});
	doc.registerFont('regular', fonts.regular);
	doc.registerFont('bold', fonts.bold);
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	drawHeader(doc, snapshot, options.logo);
	drawBody(doc, snapshot);
	drawModules(doc, snapshot);
	drawFooter(doc, snapshot, options);
	doc.end();
	return done;
}
