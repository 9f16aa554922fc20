/** A minimal HTTP client for the reliability tests: one session cookie, same-origin form posts. */
export class Client {
	cookie = '';

	constructor(
		readonly baseUrl: string,
		readonly ip = `10.99.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`
	) {}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		return {
			origin: this.baseUrl,
			// as a browser without JavaScript: SvelteKit answers form posts with HTML and the real status
			accept: 'text/html',
			'x-forwarded-for': this.ip,
			...(this.cookie ? { cookie: this.cookie } : {}),
			...extra
		};
	}

	private remember(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const pair = line.split(';')[0]!;
			if (!pair.startsWith('session=')) continue;
			this.cookie = /^session=;?$/.test(pair) || line.includes('Max-Age=0') ? '' : pair;
		}
	}

	async get(path: string): Promise<Response> {
		const response = await fetch(this.baseUrl + path, {
			headers: this.headers(),
			redirect: 'manual'
		});
		this.remember(response);
		return response;
	}

	/** A plain HTML form post, as a browser without JavaScript sends it. */
	async post(
		path: string,
		fields: Record<string, string> | FormData | URLSearchParams,
		extraHeaders: Record<string, string> = {}
	): Promise<Response> {
		const body =
			fields instanceof FormData || fields instanceof URLSearchParams
				? fields
				: new URLSearchParams(fields);
		const response = await fetch(this.baseUrl + path, {
			method: 'POST',
			headers: this.headers(extraHeaders),
			body,
			redirect: 'manual'
		});
		this.remember(response);
		return response;
	}

	async login(email: string, password = 'Demo-Lernplattform-2026'): Promise<void> {
		const response = await this.post('/anmelden', { email, password });
		if (!this.cookie) throw new Error(`login as ${email} failed: ${response.status}`);
	}
}
