import type { Kernels } from '../lib/kernels/index.ts';

/** A point the reader can drag (mouse, touch) or move with the arrow keys. Coordinates are in the figure's viewBox. */
export interface Handle {
  id: string;
  x: number;
  y: number;
  label: string;
  /** A CSS class from the figure's palette, e.g. "class-0". */
  className: string;
  shape?: 'circle' | 'square' | 'star';
  /** Drawn for the pointer but skipped by the keyboard (a copy of a handle that is reachable elsewhere). */
  pointerOnly?: boolean;
}

export interface Slider {
  name: string;
  label: string;
  min: number;
  max: number;
  step: number;
}

export interface Action {
  name: string;
  label: string;
}

export interface Drawing {
  /** SVG markup of everything but the handles. */
  scene: string;
  /** The figure's current state in words: its text alternative, announced as it changes. */
  summary: string;
}

/**
 * A live figure's metadata: what it shows, where it lives, and which papers of
 * the survey it illustrates. Each definition file exports its own as `meta`
 * (the figure's id is meta.id); registry.ts gathers them. Captions are the
 * editors' explanations, not the survey author's words.
 */
export interface FigureMeta {
  id: string;
  title: string;
  /** The survey topic whose page shows it, by slug. */
  topic: string;
  /** The survey papers it illustrates, by slug. */
  papers: string[];
  caption: string;
  /** How to use it, for the keyboard and for touch. */
  howTo: string;
}

/**
 * A live figure: its state, how readers change it, and how it is drawn. The
 * same definition draws the static SVG at build time (kernels in Node) and the
 * live one in the browser (kernels in WASM there too).
 */
export interface FigureDefinition<State> {
  id: string;
  width: number;
  height: number;
  initial(): State;
  sliders: Slider[];
  actions: Action[];
  handles(state: State): Handle[];
  /** Moves a handle to (x, y), clamped to where it may go. */
  moveHandle(state: State, id: string, x: number, y: number): void;
  /** Current slider values by name. */
  values(state: State): Record<string, number>;
  setValue(state: State, name: string, value: number): void;
  act(state: State, name: string): void;
  draw(state: State, kernels: Kernels): Drawing;
}

// Every figure module default-exports one definition; its State stays its own business.
export type AnyFigure = FigureDefinition<any>;
