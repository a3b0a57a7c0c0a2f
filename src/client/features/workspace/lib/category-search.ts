import { MQM_CATEGORY_GROUPS, type MqmCategory } from '../../../../shared/mqm';

/** Lower case, accents off: "Précision" is found by "prec". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export interface CategoryOption {
  category: MqmCategory;
  /** The category's own name ("Omission"), which an initial is matched against first. */
  name: string;
  /** As shown: "Accuracy — Omission", or "Terminology" alone. */
  label: string;
}

/** Every category with its label in the interface language (`name` gives a category's or group's words). */
export function categoryOptions(name: (key: string) => string): CategoryOption[] {
  return MQM_CATEGORY_GROUPS.flatMap((g) =>
    g.categories.map((c) => ({
      category: c,
      name: name(`categories.${c}`),
      label:
        g.categories.length > 1
          ? `${name(`categories.group.${g.group}`)} — ${name(`categories.${c}`)}`
          : name(`categories.${c}`),
    })),
  );
}

/**
 * The categories a short type-ahead means: those with a word of their label starting with what was typed
 * (so "o" finds Omission and Other, "acc om" Accuracy — Omission). Every word typed must start a word.
 * Categories whose own name starts with it come first: "t" is Terminology before Non-translation.
 */
export function searchCategories(options: readonly CategoryOption[], typed: string): CategoryOption[] {
  const wanted = fold(typed).split(/\s+/).filter(Boolean);
  if (wanted.length === 0) return [...options];
  const found = options.filter((o) => {
    const words = fold(o.label)
      .split(/[\s—/-]+/)
      .filter(Boolean);
    return wanted.every((w) => words.some((x) => x.startsWith(w)));
  });
  const first = (o: CategoryOption) => (fold(o.name).startsWith(wanted[wanted.length - 1]!) ? 0 : 1);
  return found.sort((a, b) => first(a) - first(b));
}
