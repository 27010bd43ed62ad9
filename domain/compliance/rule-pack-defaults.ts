/** Defaults shared by the pack schema (edge) and the scanner (which also accepts unparsed packs). */
export const DEFAULT_NEGATION_WINDOW = 8;
export const DEFAULT_PRICE_MAX_GAP = 30;
