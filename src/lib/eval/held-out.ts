/**
 * For each model and data set on the Evaluation page: which of the data set's
 * classes the model was kept away from, and what was tuned on the set itself.
 * "Held-out classes" is a claim about training, so it is made per pair, from
 * the model cards (models/<id>/README.md) and the data sets' index files.
 */
const RAW = 'No network and nothing trained: the preprocessed pixels are the embedding, so nothing is held out or tuned; this is the floor.';

export const HELD_OUT: Record<string, string> = {
  'sketch-protonet|glyphs-heldout':
    'Held-out classes: the 39 writing systems of this set (1,637 letters) were kept out of training whole, as Omniglot’s evaluation alphabets are; the network never saw them. They are drawn from the same fonts, with the same synthetic pen variations, as the training letters.',
  'sketch-protonet|fashion-mnist':
    'Not a held-out split but another domain: the network was trained on rendered letters only, and has never seen clothing.',
  'sketch-protonet|photo-crops':
    'Not a held-out split but another domain: the network was trained on rendered letters only, and has never seen photographs.',
  'photo-mobilenetv3|photo-crops':
    'A class is one photograph (crops of it), which no network here was trained to tell apart. But the network’s feature taps (which stages are averaged) were chosen by their accuracy on this very set (models/photo-mobilenetv3/README.md), so these numbers are optimistic until a separate validation split exists.',
  'photo-mobilenetv3|fashion-mnist':
    'Not held out: the backbone comes from an ImageNet checkpoint trained further on COCO, and both contain clothing, shoes or bags, the kinds of classes Fashion-MNIST has.',
  'photo-mobilenetv3|glyphs-heldout':
    'Not a held-out split but another domain: a detector’s backbone trained on photographs, never on letters.',
  'raw-pixels|glyphs-heldout': RAW,
  'raw-pixels|fashion-mnist': RAW,
  'raw-pixels|photo-crops': RAW,
};

export function heldOutNote(model: string, dataset: string): string {
  const note = HELD_OUT[`${model}|${dataset}`];
  if (!note) throw new Error(`The Evaluation page has no held-out note for ${model} on ${dataset}: add one to src/lib/eval/held-out.ts.`);
  return note;
}
