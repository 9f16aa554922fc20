import { m } from '$lib/paraglide/messages.js';
import { dateTimeFormat } from '$lib/intl';
import type { DraftConflict } from '$lib/studio/draft-conflict';

const formatTime = (at: number) =>
	dateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(at);

// Autosave with JavaScript: a moment after the author stops typing, the form is saved as a
// draft and checked; the answer brings the problems, the preview and the draft's new version.
// Saves run one after another, each from the version the previous one left: two saves of this
// tab never refuse each other. A refusal (the draft changed in another tab) stops autosaving.

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
	/** The draft version the text in the form is based on. */
	version: string;
	/** A conflict is on screen (e.g. from the save button): nothing is saved automatically. */
	halted: boolean;
}

interface Callbacks {
	onProblems: (problems: Placed[]) => void;
	onSaved: (version: string) => void;
}

const DELAY_MS = 800;

export function autosaver(target: () => Target, callbacks: Callbacks) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let running: Promise<void> | null = null;
	let again = false;
	let result = $state<{ problems: Placed[]; preview: Preview } | null>(null);
	let conflict = $state<DraftConflict | null>(null);
	let status = $state('');

	async function save() {
		const { form, url, path, version, halted } = target();
		if (!form || halted || conflict) return;
		const body = new FormData(form);
		body.set('datei', path);
		body.set('speichern', '1');
		body.set('version', version);
		try {
			const response = await fetch(url, { method: 'POST', body });
			const answer = await response.json();
			if (response.status === 409) {
				conflict = answer.conflict;
				status = m.studio_autosave_stopped();
				return;
			}
			if (!response.ok) {
				status = answer.problem ?? m.studio_autosave_failed();
				return;
			}
			result = answer;
			callbacks.onSaved(answer.version);
			callbacks.onProblems(answer.problems);
			status = m.studio_autosaved({ time: formatTime(Date.now()) });
		} catch {
			status = m.studio_autosave_failed();
		}
	}

	function run() {
		if (running) {
			again = true;
			return;
		}
		running = save().finally(() => {
			running = null;
			if (again) {
				again = false;
				run();
			}
		});
	}

	return {
		get result() {
			return result;
		},
		get status() {
			return status;
		},
		get conflict() {
			return conflict;
		},
		schedule() {
			clearTimeout(timer);
			timer = setTimeout(run, DELAY_MS);
		},
		/** Before the save button sends the form: no autosave after it, none still under way. */
		async settle() {
			clearTimeout(timer);
			again = false;
			await running;
		},
		/** After a save with the button, the page data is fresh again. */
		clear() {
			clearTimeout(timer);
			result = null;
			if (conflict) status = '';
			conflict = null;
		}
	};
}
