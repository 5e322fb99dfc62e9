/**
 * The live figures: what each shows, where it lives, and which papers of the
 * survey it illustrates. Captions are the editors' explanations, not the survey
 * author's words.
 */
export interface FigureMeta {
  id: string;
  title: string;
  topic: string;
  papers: string[];
  caption: string;
  /** How to use it, for the keyboard and for touch. */
  howTo: string;
}

export const FIGURES: FigureMeta[] = [
  {
    id: 'prototype-classifier',
    title: 'A prototype classifier under three distances',
    topic: 'few-shot-learning',
    papers: [],
    caption:
      'Three classes with three support points each. Each class is represented by its prototype, the mean of its support points (Prototypical Networks, Snell et al., 2017), and every location is shaded by the class whose prototype is nearest. The same points are classified with squared Euclidean distance (straight boundaries), cosine distance (boundaries are rays from the origin: only direction counts) and Poincaré distance, where the points are first mapped into the unit ball by the exponential map at the origin, exp₀(x) = tanh(‖x‖) x / ‖x‖, as the lab does. The Poincaré prototype is therefore exp₀ of the Euclidean mean of the support points, not a hyperbolic mean (such as the Fréchet mean in the ball) of their images. The star is a query.',
    howTo: 'Drag a point or the star, or focus one with Tab and move it with the arrow keys (Shift for larger steps).',
  },
  {
    id: 'soft-kmeans',
    title: 'Refining prototypes with unlabeled points',
    topic: 'few-shot-learning',
    papers: ['meta-learning-semi-supervised-few-shot'],
    caption:
      'Two classes with two labeled points each (filled) and a set of unlabeled points (rings). Each refinement step is one soft k-means step: every unlabeled point is assigned to the prototypes softly, by a softmax over negative squared distances, and each prototype moves to the weighted mean of its labeled points and its share of the unlabeled ones. This is the refinement of Ren et al. (2018), who draw the unlabeled points as a separate set in each episode (in some variants with distractor classes that belong to no class of the episode) and found little gain beyond one step; the lab and the Evaluation page refine with the episode’s own queries instead, which makes them transductive. Lines show each unlabeled point’s assignment (thicker is more); the dotted path is the prototype’s way from its labeled-only start.',
    howTo: 'Move the steps slider to step through the refinement; drag points, or move them with the arrow keys after Tab.',
  },
  {
    id: 'circle-loss',
    title: 'Circle loss against optimising s_n − s_p',
    topic: 'dml-iccv-2019-cvpr-2020',
    papers: ['circle-loss'],
    caption:
      'The plane of one pair’s between-class similarity s_n (across) and within-class similarity s_p (up). Losses that reduce s_n − s_p have a straight decision boundary, s_p − s_n = m, and push both similarities equally hard. Circle loss weights each similarity by its distance from its optimum (α_n = [s_n + m]₊, α_p = [1 + m − s_p]₊), which bends the boundary into the circle s_n² + (s_p − 1)² = 2m². Arrows show the direction in which each loss moves the pair; the field shows Circle loss everywhere.',
    howTo: 'Drag the pair T, or focus it with Tab and use the arrow keys; change the margin m and scale γ with the sliders.',
  },
  {
    id: 'metric-head',
    title: 'Learning a metric from a few examples: class proxies trained by four losses',
    topic: 'dml-iccv-2019-cvpr-2020',
    papers: ['softtriple-loss', 'circle-loss', 'multi-similarity-loss'],
    caption:
      'Three classes of examples on a circle (unit vectors in two dimensions). At step 0 each class is its prototype, the mean direction of its examples (dashed), and the ring shows which class every direction on the circle goes to. Training moves one proxy per class (arrows; two per class for SoftTriple) from the prototypes, by gradient descent with momentum on the chosen loss, with the examples themselves fixed: normalised softmax over cosine similarities to the proxies (as in NormFace and ProxyNCA++, which are not in the survey), SoftTriple (Qian et al., 2019), and Multi-Similarity (Wang et al., 2019) and Circle loss (Sun et al., 2020) with each example as an anchor and the other examples and the proxies as its pairs. Dotted paths are the proxies’ way. Class A is spread out, so its prototype hands its example at 60° to the tight class B. With the figure’s defaults, the proxies of normalised softmax and SoftTriple take it back by step 5; Multi-Similarity and Circle loss barely lower their loss (0.620 → 0.619 and 5.771 → 5.759 in 100 steps) and leave it with B at every step the slider offers. This is what the lab’s “Learn a metric from my examples” does with a model’s embeddings, with the same kernels.',
    howTo: 'Choose a loss with its button and move the training-steps slider; drag an example, or focus it with Tab and move it with the arrow keys.',
  },
  {
    id: 'multi-similarity',
    title: 'How the Multi-Similarity loss weights pairs',
    topic: 'dml-cvpr-2019',
    papers: ['multi-similarity-loss'],
    caption:
      'Eight embeddings on the unit circle in three classes; similarity is the cosine. For the chosen anchor, pairs are first mined (a negative is kept only if it is more similar than the least similar positive minus ε, a positive only if it is less similar than the most similar negative plus ε), then weighted: a pair counts more the harder it is on its own (self-similarity, its similarity against the threshold λ) and compared with the anchor’s other pairs of its kind (relative similarity). α for positives and β for negatives scale both terms alike: w⁺ = 1 / (e^{−α(λ − S)} + Σ e^{−α(S′ − S)}) over the kept positives, and w⁻ the same with β and the signs turned. Line width is the weight; dashed pairs were mined away.',
    howTo: 'Drag a point around the circle or move it with the arrow keys; press Enter on a point (or click it) to make it the anchor.',
  },
  {
    id: 'poincare-disk',
    title: 'Distances in the Poincaré disk',
    topic: 'hyperbolic',
    papers: ['multi-relational-poincare-embeddings', 'tiling-based-hyperbolic-embeddings'],
    caption:
      'The Poincaré disk model of the hyperbolic plane. Shortest paths (geodesics) are arcs that meet the boundary at right angles, and distances grow without bound towards the edge: d(u, v) = arcosh(1 + 2‖u − v‖² / ((1 − ‖u‖²)(1 − ‖v‖²))). The geodesic between A and B bends towards the centre; it passes through O only when A and B are opposite (θ = π, θ the angle AOB). As A and B move towards the boundary at a fixed θ, the ratio d(A, B) / (d(A, O) + d(O, B)) tends to 1, while the gap d(A, O) + d(O, B) − d(A, B) tends to −2 ln sin(θ/2) rather than to zero: far from the centre, distances grow almost like paths through the root of a tree, which is why hierarchies embed in few dimensions with little distortion. The faint tree has every edge of hyperbolic length 1.',
    howTo: 'Drag A or B, or focus one with Tab and move it with the arrow keys.',
  },
  {
    id: 'sliced-wasserstein',
    title: 'Sliced Wasserstein distance between two point clouds',
    topic: 'wasserstein',
    papers: ['generalized-sliced-wasserstein', 'tree-sliced-wasserstein', 'sliced-gromov-wasserstein'],
    caption:
      'Two clouds of twelve points. On a line through the origin, both clouds project to twelve numbers each; in one dimension the optimal transport plan matches them in sorted order, so the 1-D Wasserstein distance is cheap. The sliced Wasserstein distance averages it over random directions: SW₂² = mean over θ of (1/n) Σ (sort(Aθ)ᵢ − sort(Bθ)ᵢ)². The strip below shows the highlighted direction’s matching.',
    howTo: 'Drag a cloud by its centre handle or move it with the arrow keys; rotate and spread cloud B, and choose the number of directions with the sliders.',
  },
  {
    id: 'snr-distance',
    title: 'SNR distance against Euclidean distance',
    topic: 'dml-cvpr-2019',
    papers: ['snr-distance-metric'],
    caption:
      'Two embeddings of sixteen numbers each: an anchor a (solid) and b = scale · a + offset + noise (dashed). Squared Euclidean distance adds up every difference, so a constant offset or a change of scale counts as much as noise does. The SNR distance of the Signal-To-Noise Ratio paper treats b as the anchor plus noise and measures var(b − a) / var(a), the noise’s variance over the signal’s. It is invariant to offsets, not to scale: a constant offset leaves it unchanged, but b = s · a, which has exactly a’s shape, gives (s − 1)², so at scale 2 the distance is 1 with no noise at all (the panel shows this term). Note that it is not symmetric: the anchor’s variance is the yardstick.',
    howTo: 'Drag a point of b up or down, or focus one with Tab and use the arrow keys; change offset, scale and noise with the sliders.',
  },
];

export const figureMeta = (id: string): FigureMeta => {
  const meta = FIGURES.find((f) => f.id === id);
  if (!meta) throw new Error(`No figure "${id}".`);
  return meta;
};

export const figuresOfTopic = (topic: string) => FIGURES.filter((f) => f.topic === topic);
