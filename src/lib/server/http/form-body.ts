import { error } from '@sveltejs/kit';
import { withoutControlsInForm } from '../validation/text';

// Form actions read bodies with `request.formData()`, which throws on a malformed body (a
// missing or wrong multipart boundary, a cut-off upload). Left alone that is a 500 with a stack
// trace in the log, even for anonymous visitors. These guards turn it into a 400 with a message.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Whether a request that carries a body could be a form at all (type and multipart boundary). */
export function isFormBody(request: Request): boolean {
	const header = request.headers.get('content-type') ?? '';
	const [type = '', ...parameters] = header.split(';').map((part) => part.trim());
	if (!FORM_TYPES.includes(type.toLowerCase())) return false;
	if (type.toLowerCase() !== 'multipart/form-data') return true;
	const boundary = parameters
		.map((parameter) => /^boundary=(?:"([^"]+)"|(\S+))$/i.exec(parameter))
		.find(Boolean);
	const value = boundary?.[1] ?? boundary?.[2] ?? '';
	// RFC 2046: 1 to 70 characters.
	return value.length > 0 && value.length <= 70;
}

/**
 * Makes `request.formData()` answer a body it cannot parse with a 400 carrying `message`
 * (an expected error: SvelteKit renders it and does not log it). A size limit (413) stays. The
 * text fields it returns carry no control characters (withoutControlsInForm).
 */
export function answerBadFormsWith400(request: Request, message: () => string): void {
	const parse = request.formData.bind(request);
	Object.defineProperty(request, 'formData', {
		configurable: true,
		value: async () => {
			try {
				return withoutControlsInForm(await parse());
			} catch (cause) {
				const status = (cause as { status?: number }).status;
				if (status === 413) throw cause;
				error(400, { message: message(), detail: message() });
			}
		}
	});
}
