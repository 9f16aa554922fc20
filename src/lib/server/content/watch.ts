import { watch } from 'node:fs';

/**
 * Calls `onChange` once a burst of changes under `dir` has settled (an editor's save or a
 * `git pull` touches many files). Returns a function that stops watching.
 */
export function watchFolder(dir: string, onChange: () => void, settleMs = 400): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
		// Hidden files are no content: a studio publish writes `.git` as well.
		if (name && String(name).split(/[\\/]/).some((part) => part.startsWith('.'))) return;
		clearTimeout(timer);
		timer = setTimeout(onChange, settleMs);
	});
	watcher.on('error', (error) => console.warn(`Kursinhalt: Beobachten von ${dir} beendet:`, error));
	return () => {
		clearTimeout(timer);
		watcher.close();
	};
}
