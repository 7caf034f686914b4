/** A chart's or the map's key: each mark drawn as it appears (a `.swatch` of its class) beside its meaning. */
export function Legend({ items, testId }: { items: { swatch: string; label: string }[]; testId?: string }) {
  return (
    <ul className="legend" data-testid={testId}>
      {items.map((item) => (
        <li key={item.swatch}>
          <span className={`swatch ${item.swatch}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
