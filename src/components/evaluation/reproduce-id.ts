/** The id that ties a table's Run buttons (ReproduceCell) to the panel that runs them (ReproducePanel); the learned-metric table of a model × data set ('head') has its own beside the plain few-shot one. */
export const panelId = (kind: 'few-shot' | 'retrieval' | 'head', model: string, dataset: string) => `reproduce-${kind}-${model}-${dataset}`;
