/** Logs in through the real form and returns the session cookie header. */
export async function loginCookie(
	baseUrl: string,
	email: string,
	password: string
): Promise<string> {
	const response = await fetch(`${baseUrl}/anmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
		body: new URLSearchParams({ email, password })
	});
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0]!)
		.find((pair) => pair.startsWith('session='));
	if (!cookie) throw new Error(`login as ${email} failed (${response.status})`);
	return cookie;
}
