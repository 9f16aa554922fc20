import { m } from '$lib/paraglide/messages.js';
import QRCode from 'qrcode';
import { A4, ACCENT, CONTENT_WIDTH, MARGIN, de, formatGermanDate } from './pdf-layout';
import type { DocumentFrame, PdfOptions, Tagger } from './pdf-layout';

export type FooterOptions = Pick<PdfOptions, 'verifyUrl' | 'signatureImage'> & {
	/** "Zertifikatsnummer: …", or the number line of a Teilnahmebestätigung. */
	numberLine: string;
};

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
	// One byte-mode segment: a URL is mostly lowercase, which only byte mode holds, and the
	// library's search for the cheapest mix of modes cost more than the rest of the code.
	const qr = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], {
		errorCorrectionLevel: 'M'
	});
	const count = qr.modules.size;
	const dark = (row: number, col: number) => qr.modules.data[row * count + col] !== 0;
	// Four modules of quiet zone on each side, as scanners expect.
	const cell = size / (count + 8);
	doc.rect(x, y, size, size).fill('#ffffff');
	for (let row = 0; row < count; row += 1) {
		// One rectangle per run of dark modules in a row: fewer operators, and no hairline seams
		// between neighbours in viewers that smooth each rectangle's edges.
		let col = 0;
		while (col < count) {
			if (!dark(row, col)) {
				col += 1;
				continue;
			}
			const start = col;
			while (col < count && dark(row, col)) col += 1;
			doc.rect(x + (start + 4) * cell, y + (row + 4) * cell, (col - start) * cell, cell);
		}
	}
	doc.fill('#000000');
}

export function drawFooter(
	doc: PDFKit.PDFDocument,
	{ tag, artifact }: Tagger,
	snapshot: DocumentFrame,
	options: FooterOptions
) {
	const bandY = A4.height - MARGIN - 40;
	const qrSize = 96;
	const top = Math.max(doc.y + 24, bandY - qrSize - 16);
	const { issuer } = snapshot;
	const place = m.certificates_pdf_place_date(
		{ place: issuer.place, date: formatGermanDate(snapshot.issuedOn) },
		de
	);
	tag('P', () =>
		doc.font('regular').fontSize(10).fillColor('#000000').text(place, MARGIN, top, { width: 260 })
	);
	const signature = options.signatureImage;
	if (signature) {
		tag(
			'Figure',
			() => doc.image(signature.data, MARGIN, top + 16, { fit: [180, 44] }),
			m.certificates_pdf_signature_alt({}, de)
		);
	}
	const lineY = top + 64;
	artifact(() =>
		doc
			.moveTo(MARGIN, lineY)
			.lineTo(MARGIN + 230, lineY)
			.lineWidth(0.5)
			.stroke('#000000')
	);
	tag('P', () => {
		doc.text(issuer.signatoryName || issuer.name, MARGIN, lineY + 4, { width: 260 });
		if (issuer.signatoryRole) {
			doc.fontSize(9).fillColor('#444444').text(issuer.signatoryRole, { width: 260 });
		}
	});
	tag(
		'Figure',
		() => drawQr(doc, options.verifyUrl, A4.width - MARGIN - qrSize, top, qrSize),
		m.certificates_pdf_qr_alt({}, de)
	);

	artifact(() =>
		doc
			.moveTo(MARGIN, bandY)
			.lineTo(A4.width - MARGIN, bandY)
			.lineWidth(0.5)
			.stroke('#999999')
	);
	const number = options.numberLine;
	const code = m.certificates_pdf_code({ code: snapshot.code }, de);
	tag('P', () => {
		doc.font('regular').fontSize(8.5).fillColor('#000000');
		doc.text(`${number}   ·   ${code}`, MARGIN, bandY + 6, { width: CONTENT_WIDTH });
		doc.text(m.certificates_pdf_verify_hint({}, de), { width: CONTENT_WIDTH });
	});
	tag('Link', () =>
		doc.fillColor(ACCENT).text(options.verifyUrl, { width: CONTENT_WIDTH, link: options.verifyUrl })
	);
}
