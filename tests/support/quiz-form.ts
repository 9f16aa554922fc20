import { CONFIRM_FIELD, CONFIRMED } from '../../src/lib/quiz/submit';

/**
 * Fills an attempt form the way a learner could: the first option of each choice question,
 * a word in each gap, the first match, and positions 1…n for ordering. The answers need not be
 * right: what is measured and checked is grading and storing.
 */
export function fillAttemptForm(page: string): URLSearchParams {
	// A <template> is not part of the form (the ordering list the script swaps in lives there).
	const html = page.replace(/<template\b[\s\S]*?<\/template>/g, '');
	const form = new URLSearchParams();
	const seen = new Set<string>();
	for (const tag of html.match(/<input\b[^>]*>/g) ?? []) {
		const name = tag.match(/\bname="([^"]+)"/)?.[1];
		if (!name || !/^q\d+(-\d+)?$/.test(name)) continue;
		const type = tag.match(/\btype="([^"]+)"/)?.[1] ?? 'text';
		if (type === 'radio' || type === 'checkbox') {
			if (seen.has(name)) continue;
			seen.add(name);
			form.append(name, tag.match(/\bvalue="([^"]+)"/)?.[1] ?? '');
		} else form.append(name, 'antwort');
	}
	const positions = new Map<string, number>();
	for (const select of html.match(/<select\b[\s\S]*?<\/select>/g) ?? []) {
		const name = select.match(/\bname="([^"]+)"/)?.[1];
		if (!name || !/^q\d+-\d+$/.test(name)) continue;
		const values = [...select.matchAll(/<option\b[^>]*value="([^"]*)"/g)]
			.map((match) => match[1]!)
			.filter((value) => value !== '');
		if (values[0]?.startsWith('w')) form.append(name, values[0]);
		else {
			const question = name.split('-')[0]!;
			const next = (positions.get(question) ?? 0) + 1;
			positions.set(question, next);
			form.append(name, String(next));
		}
	}
	return form;
}

export interface PreparedAttempt {
	cookie: string;
	attemptUrl: string;
	form: URLSearchParams;
}

/** Starts an attempt over HTTP and reads its form, ready to submit. */
export async function prepareAttempt(
	baseUrl: string,
	quizPath: string,
	cookie: string
): Promise<PreparedAttempt> {
	const headers = { cookie, origin: baseUrl, accept: 'text/html' };
	const started = await fetch(`${baseUrl}${quizPath}?/start`, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		body: '',
		redirect: 'manual'
	});
	const location = started.headers.get('location');
	if (started.status !== 303 || !location) throw new Error(`start answered ${started.status}`);
	const page = await fetch(baseUrl + location, { headers });
	return { cookie, attemptUrl: location, form: fillAttemptForm(await page.text()) };
}

/** The body of "Endgültig abgeben": the answers and the confirmation (without it, the page asks). */
export function confirmedSubmitBody(attempt: PreparedAttempt): string {
	const body = new URLSearchParams(attempt.form);
	body.set(CONFIRM_FIELD, CONFIRMED);
	return body.toString();
}

/** Submits a prepared attempt; true when the server confirmed with the redirect to the result. */
export async function submitAttempt(baseUrl: string, attempt: PreparedAttempt): Promise<boolean> {
	const response = await fetch(`${baseUrl}${attempt.attemptUrl}?/submit`, {
		method: 'POST',
		headers: {
			cookie: attempt.cookie,
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: confirmedSubmitBody(attempt),
		redirect: 'manual'
	});
	await response.arrayBuffer();
	return response.status === 303 && (response.headers.get('location') ?? '').includes('ergebnis');
}
