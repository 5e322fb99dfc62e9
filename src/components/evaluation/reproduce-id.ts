/** The id that ties a table's Run buttons (ReproduceCell) to the panel that runs them (ReproducePanel). */
export const panelId = (kind: 'few-shot' | 'retrieval', model: string, dataset: string) => `reproduce-${kind}-${model}-${dataset}`;
