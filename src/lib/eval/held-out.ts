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
  'sketch-protonet|photo-kinds':
    'Not a held-out split but another domain: the network was trained on rendered letters only, and has never seen photographs.',
  'photo-mobilenetv3|photo-kinds':
    'Held-out classes as far as this site goes: nothing about this model was chosen on this set (its taps were chosen on photo-crops). Not held out from pretraining: ImageNet and COCO hold most of these kinds of thing (birds, fruit, tools).',
  'photo-mobilenetv2-centernet|photo-kinds':
    'Test classes: the odd-numbered kinds of this set, which were never used to choose anything. Combining the 1,792-d vector with the CenterNet taps, and the card’s temperatures and thresholds, were chosen on the even-numbered (validation) kinds only (scripts/compare-photo-features.ts, npm run fit:calibration). Not held out from pretraining: ImageNet (MobileNetV2, fine-tuned by nsfwjs) and COCO (CenterNet) hold most of these kinds of thing.',
  'photo-mobilenetv2-centernet|photo-crops':
    'A class is one photograph (crops of it), which no network here was trained to tell apart. Combining the two branches was chosen on this set’s validation classes among others, but the CenterNet branch’s taps were chosen on the whole set earlier (models/photo-mobilenetv3/README.md), so these numbers are somewhat optimistic.',
  'photo-mobilenetv2-centernet|fashion-mnist':
    'Not held out: ImageNet and COCO, which the two branches were trained on, contain clothing, shoes and bags, the kinds of classes Fashion-MNIST has.',
  'photo-mobilenetv2-centernet|glyphs-heldout':
    'Not a held-out split but another domain: networks trained on photographs, never on letters.',
  'raw-pixels|photo-kinds': RAW,
  'raw-pixels|glyphs-heldout': RAW,
  'raw-pixels|fashion-mnist': RAW,
  'raw-pixels|photo-crops': RAW,
};

export function heldOutNote(model: string, dataset: string): string {
  const note = HELD_OUT[`${model}|${dataset}`];
  if (!note) throw new Error(`The Evaluation page has no held-out note for ${model} on ${dataset}: add one to src/lib/eval/held-out.ts.`);
  return note;
}
