/** The second step of a destructive action: the confirmation form sends `bestaetigt=ja`. */
export function isConfirmed(form: FormData): boolean {
	return form.get('bestaetigt') === 'ja';
}
