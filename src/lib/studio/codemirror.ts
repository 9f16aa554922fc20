import { defaultKeymap, history, historyKeymap, insertNewline } from '@codemirror/commands';
import { insertNewlineContinueMarkup, markdown } from '@codemirror/lang-markdown';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, Prec } from '@codemirror/state';
import {
	drawSelection,
	EditorView,
	highlightActiveLine,
	keymap,
	lineNumbers
} from '@codemirror/view';

// CodeMirror 6 over the editor's textarea: loaded only in the browser, on the studio's editor.
// The textarea stays the form field (kept in sync), so saving works the same with and without it.
// Tab is not bound: it moves the focus on, as everywhere else on the page.

const GERMAN = {
	Find: 'Suchen',
	Replace: 'Ersetzen',
	next: 'weiter',
	previous: 'zurück',
	all: 'alle',
	'match case': 'Groß/klein beachten',
	regexp: 'regulärer Ausdruck',
	'by word': 'ganzes Wort',
	replace: 'ersetzen',
	'replace all': 'alle ersetzen',
	close: 'schließen',
	'current match': 'aktueller Treffer',
	'on line': 'in Zeile',
	'Go to line': 'Gehe zu Zeile',
	go: 'los',
	Diagnostics: 'Prüfung',
	'No diagnostics': 'Keine Meldungen',
	'Selection deleted': 'Auswahl gelöscht',
	'Control character': 'Steuerzeichen'
};

export interface MarkdownEditor {
	insert(text: string): void;
	jumpTo(line: number): void;
	markProblems(problems: { line: number; message: string; warning: boolean }[]): void;
	destroy(): void;
}

export function mountEditor(
	textarea: HTMLTextAreaElement,
	options: { labelledBy: string; describedBy?: string; onChange: () => void }
): MarkdownEditor {
	const view = new EditorView({
		parent: textarea.parentElement!,
		state: EditorState.create({
			doc: textarea.value,
			extensions: [
				lineNumbers(),
				history(),
				drawSelection(),
				highlightActiveLine(),
				highlightSelectionMatches(),
				markdown(),
				EditorView.lineWrapping,
				// Enter continues lists and quotes but never indents: four spaces would turn the
				// text inside a <Hinweis> into a code block.
				Prec.high(
					keymap.of([
						{
							key: 'Enter',
							run: (view) => insertNewlineContinueMarkup(view) || insertNewline(view)
						}
					])
				),
				EditorState.phrases.of(GERMAN),
				keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
				EditorView.contentAttributes.of({
					'aria-labelledby': options.labelledBy,
					...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
					'aria-multiline': 'true'
				}),
				EditorView.updateListener.of((update) => {
					if (!update.docChanged) return;
					textarea.value = update.state.doc.toString();
					options.onChange();
				})
			]
		})
	});
	textarea.insertAdjacentElement('afterend', view.dom);
	textarea.hidden = true;
	const lineStart = (line: number) =>
		view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
	return {
		insert(text) {
			view.dispatch(view.state.replaceSelection(text));
			view.focus();
		},
		jumpTo(line) {
			view.dispatch({ selection: { anchor: lineStart(line).from }, scrollIntoView: true });
			view.focus();
		},
		markProblems(problems) {
			const diagnostics: Diagnostic[] = problems.map((problem) => {
				const line = lineStart(problem.line);
				return {
					from: line.from,
					to: line.to,
					severity: problem.warning ? 'warning' : 'error',
					message: problem.message
				};
			});
			view.dispatch(setDiagnostics(view.state, diagnostics));
		},
		destroy() {
			view.destroy();
			textarea.hidden = false;
		}
	};
}
