import type { IssuerImage } from './settings';
import type { CertificateSnapshot } from '$lib/certificates';
import { dateTimeFormat } from '$lib/intl';

/** Certificates and event confirmations are German whatever the UI language: official documents. */
export const de = { locale: 'de' } as const;

export interface PdfOptions {
	verifyUrl: string;
	signature: string;
	logo?: IssuerImage | null;
	signatureImage?: IssuerImage | null;
}

/** What the header and footer print: shared by certificates and event confirmations. */
export type DocumentFrame = Pick<CertificateSnapshot, 'issuer' | 'issuedOn' | 'number' | 'code'>;

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 56;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
export const ACCENT = '#1d4f91';

/** `2026-03-12` → `12. März 2026`. */
export function formatGermanDate(day: string): string {
	return dateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}

/**
 * Tags what each draw call puts on the page (tagged PDF, PDF/UA): screen readers follow the
 * structure (heading, paragraphs, figures with alternative text); rules are layout artifacts.
 */
export interface Tagger {
	tag(type: string, draw: () => void, alt?: string): void;
	artifact(draw: () => void): void;
}
