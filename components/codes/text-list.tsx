/** A short list of sentences (causes, checks); numbered when order matters. */
export function TextList({ items, ordered = false }: { items: readonly string[]; ordered?: boolean }) {
  const children = items.map((item) => <li key={item}>{item}</li>);
  return ordered ? <ol className="plain">{children}</ol> : <ul className="plain">{children}</ul>;
}
