import {
	NodeOperationError,
	type IAdditionalCredentialOptions,
	type ICredentialDataDecryptedObject,
} from 'n8n-workflow';

import type { RequestContext, VendorProfile } from './http';

/**
 * A credential's base URL, checked before anything is sent: empty means the vendor's usual address
 * (`usual`; with none, as for a customer's own instance, empty is an error), anything else must be
 * an http(s) URL (else the call would fail with a bare ERR_INVALID_URL).
 */
export function credentialBaseUrl(
	ctx: RequestContext,
	value: unknown,
	usual: string | undefined,
	vendor: string,
	field = 'Base URL',
	example = usual,
): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text && usual !== undefined) return usual.replace(/\/+$/, '');
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), `The ${vendor} credential has no ${field}`, {
			description: `Open the credential and enter the address of your ${vendor}, for example ${example}.`,
		});
	}
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The ${vendor} credential's ${field} "${text}" is not a web address`,
			{
				description: `Open the credential and enter the full address, starting with https:// (for example ${example})${usual ? ', or leave it empty for the usual one' : ''}.`,
			},
		);
	}
	return text.replace(/\/+$/, '');
}

/** Values of the credential's secret fields, for redaction. Never throws. */
export async function credentialSecrets(
	ctx: RequestContext,
	profile: VendorProfile,
): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(profile.credentialType);
		// Token data (e.g. OAuth2's oauthTokenData) is an object: every string in it is secret.
		const strings = (value: unknown): string[] =>
			typeof value === 'string'
				? [value]
				: value && typeof value === 'object'
					? Object.values(value).flatMap(strings)
					: [];
		return profile.secretFields
			.flatMap((field) => strings(credentials[field]))
			.filter((value) => value.length > 0);
	} catch {
		// No credential to read means none to leak; the request itself reports the missing credential.
		return [];
	}
}

// Credentials as read once per execution context (n8n gives every item of a node run the same one).
const credentialsByContext = new WeakMap<
	object,
	Map<string, { read: Promise<ICredentialDataDecryptedObject>; startedAt: number }>
>();

/**
 * The node's credential, read once per run: for values that do not change during a run (URLs,
 * defaults) and a first look at a token's age. Each read costs n8n a database query and a
 * decryption, which for cheap calls is much of the time per item. `fresh` reads it again;
 * `readSince` reads it again unless the copy held was read at or after that time.
 */
export async function credentialsOnce(
	ctx: RequestContext,
	type: string,
	{ fresh = false, readSince }: { fresh?: boolean; readSince?: number } = {},
): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsByContext.get(ctx);
	if (!byType) credentialsByContext.set(ctx, (byType = new Map()));
	let held = byType.get(type);
	if (!held || fresh || (readSince !== undefined && held.startedAt < readSince)) {
		held = { read: ctx.getCredentials(type), startedAt: Date.now() };
		byType.set(type, held);
		// A failed read is not kept (unless a newer read replaced it): the next call tries again.
		const attempt = held;
		attempt.read.catch(() => byType.get(type) === attempt && byType.delete(type));
	}
	const { read } = held;
	return await read;
}

/** Credential data handed to n8n with the request, under the node's credential reference. */
function handedOver(
	ctx: RequestContext,
	profile: VendorProfile,
	data: ICredentialDataDecryptedObject,
): IAdditionalCredentialOptions {
	const reference = ctx.getNode().credentials?.[profile.credentialType];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: profile.credentialType,
			data,
		},
	};
}

/**
 * The credential as read once per run, handed to n8n so it does not read (query and decrypt) it again
 * for every request. Not for OAuth2 credentials: n8n reads those itself to refresh their tokens.
 */
export async function credentialsForRequest(
	ctx: RequestContext,
	profile: VendorProfile,
): Promise<IAdditionalCredentialOptions | undefined> {
	if (profile.oauth2) return undefined;
	return handedOver(ctx, profile, await credentialsOnce(ctx, profile.credentialType));
}

/** Credential options that make n8n run the credential's login before this request. */
export async function withoutSessionToken(
	ctx: RequestContext,
	profile: VendorProfile,
): Promise<IAdditionalCredentialOptions> {
	const data = await ctx.getCredentials(profile.credentialType);
	return handedOver(ctx, profile, { ...data, [profile.session!.tokenField]: '' });
}
