// Intl formatters are slow to build (ICU data is looked up each time) and cheap to reuse: pages
// format dozens of dates, so each locale-and-options pair is built once per process.

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions = {}
): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
	return format;
}

export function numberFormat(
	locale: string,
	options: Intl.NumberFormatOptions = {}
): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
	return format;
}
