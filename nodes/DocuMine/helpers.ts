import type { IDataObject } from 'n8n-workflow';

/**
 * Components as name → value (or a list of values where there are several). DocuMine's component
 * shape is not public: a component has a name and one or more values, each a plain value or {value}.
 */
export function flattenComponents(body: unknown): IDataObject {
	const list = Array.isArray(body)
		? body
		: Array.isArray((body as IDataObject)?.components)
			? ((body as IDataObject).components as unknown[])
			: [];
	const flat: IDataObject = {};
	for (const entry of list as IDataObject[]) {
		const name = String(entry?.name ?? entry?.componentName ?? '');
		if (!name) continue;
		const raw = Array.isArray(entry.values)
			? entry.values
			: entry.value !== undefined
				? [entry.value]
				: [];
		const values = (raw as unknown[]).map((value) =>
			value && typeof value === 'object' && 'value' in (value as IDataObject)
				? (value as IDataObject).value
				: value,
		);
		flat[name] = (values.length === 1 ? values[0] : values) as IDataObject[keyof IDataObject];
	}
	return flat;
}
