// @ts-check
/**
 * The attempt page's only script (the page itself is rendered on the server, `csr = false`): it
 * swaps each ordering question's number selects for the list in its `<template>`, whose steps move
 * with the "nach oben"/"nach unten" buttons or by dragging the handle. The hidden inputs keep the
 * positions, so the form posts the same fields as without JavaScript.
 */

for (const field of document.querySelectorAll('[data-ordering]')) {
	if (field instanceof HTMLElement) enhance(field);
}

/** @param {HTMLElement} field */
function enhance(field) {
	const template = field.querySelector('template');
	const fallback = field.querySelector('.without-script');
	if (!template || !fallback) return;
	// Positions chosen in the selects before this script arrived (a slow connection) are kept:
	// the list takes the order they give, as the server reads them (ties by the steps' order).
	const chosen = new Map(
		[...fallback.querySelectorAll('select')].map((select, index) => [
			select.name,
			{ position: Number(select.value), index }
		])
	);
	fallback.replaceWith(template.content.cloneNode(true));
	const list = /** @type {HTMLOListElement} */ (field.querySelector('ol'));
	const status = /** @type {HTMLElement} */ (field.querySelector('[role=status]'));
	const rows = () => /** @type {HTMLLIElement[]} */ ([...list.children]);
	const choiceOf = (/** @type {HTMLLIElement} */ row) =>
		chosen.get(row.querySelector('input')?.name ?? '') ?? { position: 0, index: 0 };
	const ordered = rows().sort((a, b) => {
		const first = choiceOf(a);
		const second = choiceOf(b);
		return first.position - second.position || first.index - second.index;
	});
	list.append(...ordered);
	renumber();

	/** Writes each step's position into its hidden input and updates the move buttons. */
	function renumber() {
		rows().forEach((step, index, steps) => {
			const input = step.querySelector('input');
			if (input) input.value = String(index + 1);
			step.querySelector('[data-move=up]')?.setAttribute('aria-disabled', String(index === 0));
			step
				.querySelector('[data-move=down]')
				?.setAttribute('aria-disabled', String(index === steps.length - 1));
		});
	}

	/** Moves the step at `from` to `to` and renumbers the hidden inputs. */
	function move(/** @type {number} */ from, /** @type {number} */ to) {
		const all = rows();
		const row = all[from];
		if (!row || to < 0 || to >= all.length || from === to) return;
		// The steps in between move, not this one: a node taken out of the page loses the focus.
		if (to < from) for (const other of all.slice(to, from).reverse()) row.after(other);
		else for (const other of all.slice(from + 1, to + 1)) row.before(other);
		renumber();
		const text = row.querySelector('.text')?.textContent?.trim() ?? '';
		status.textContent = (field.dataset.moved ?? '')
			.replace('{step}', () => text)
			.replace('{position}', String(to + 1))
			.replace('{total}', String(all.length));
	}

	list.addEventListener('click', (event) => {
		const button = event.target instanceof Element && event.target.closest('button[data-move]');
		const row = button && button.closest('li');
		if (!button || !row || button.getAttribute('aria-disabled') === 'true') return;
		const from = rows().indexOf(/** @type {HTMLLIElement} */ (row));
		move(from, from + (button.getAttribute('data-move') === 'up' ? -1 : 1));
		// The row moved with its focused button: at the window's edge it would leave the view.
		button.scrollIntoView({ block: 'nearest' });
	});

	// Window listeners, not pointer capture: they keep working while rows move under the pointer.
	list.addEventListener('pointerdown', (event) => {
		const handle = event.target instanceof Element && event.target.closest('.handle');
		const row = handle && handle.closest('li');
		if (!row) return;
		event.preventDefault();
		let dragging = rows().indexOf(/** @type {HTMLLIElement} */ (row));
		const drag = (/** @type {PointerEvent} */ moveEvent) => {
			const rects = rows().map((step) => step.getBoundingClientRect());
			const target = rects.findIndex((rect) => moveEvent.clientY < rect.top + rect.height / 2);
			const to = target === -1 ? rects.length - 1 : target > dragging ? target - 1 : target;
			if (to === dragging) return;
			move(dragging, to);
			dragging = to;
		};
		const stop = () => {
			window.removeEventListener('pointermove', drag);
			window.removeEventListener('pointerup', stop);
			window.removeEventListener('pointercancel', stop);
		};
		window.addEventListener('pointermove', drag);
		window.addEventListener('pointerup', stop);
		window.addEventListener('pointercancel', stop);
	});
}
