import { m } from '$lib/paraglide/messages.js';
import { dateTimeFormat } from '$lib/intl';

const formatTime = (at: number) =>
	dateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(at);

// Autosave with JavaScript: a moment after the author stops typing, the form is saved as a
// draft and checked; the answer brings the problems and the preview.

interface Placed {
	line: number;
	bodyLine: number | null;
	message: string;
	warning: boolean;
	file: string;
}

type Preview = { kind: 'html'; html: string } | { kind: 'quiz'; quiz: never } | { kind: 'none' };

interface Target {
	form: HTMLFormElement | undefined;
	url: string;
	path: string;
}

const DELAY_MS = 800;

export function autosaver(target: () => Target, onProblems: (problems: Placed[]) => void) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let result = $state<{ problems: Placed[]; preview: Preview } | null>(null);
	let status = $state('');

	async function save() {
		const { form, url, path } = target();
		if (!form) return;
		const body = new FormData(form);
		body.set('datei', path);
		body.set('speichern', '1');
		try {
			const response = await fetch(url, { method: 'POST', body });
			const answer = await response.json();
			if (!response.ok) {
				status = answer.problem ?? m.studio_autosave_failed();
				return;
			}
			result = answer;
			onProblems(answer.problems);
			const time = formatTime(Date.now());
			status = m.studio_autosaved({ time });
		} catch {
			status = m.studio_autosave_failed();
		}
	}

	return {
		get result() {
			return result;
		},
		get status() {
			return status;
		},
		schedule() {
			clearTimeout(timer);
			timer = setTimeout(save, DELAY_MS);
		},
		/** After a save with the button, the page data is fresh again. */
		clear() {
			clearTimeout(timer);
			result = null;
		}
	};
}
