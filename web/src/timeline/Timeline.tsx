import { type PointerEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Legend } from '../app/Legend.js';
import type { Bucket } from '../data/points.js';
import { isoDay } from '../data/points.js';
import { useI18n } from '../i18n/I18n.js';
import type { Bin } from '../state/query.js';

interface Props {
  buckets: Bucket[];
  /** The incidents have come: an empty chart then means there is nothing to chart, not "not yet". */
  loaded: boolean;
  bin: Bin;
  from: string | null;
  to: string | null;
  onBinChange(bin: Bin): void;
  onBrush(from: string | null, to: string | null): void;
}

const HEIGHT = 170;
const COUNT_H = 40;
const PAD = { top: 10, bottom: 22, side: 40 };

export function Timeline({ buckets, loaded, bin, from, to, onBinChange, onBrush }: Props) {
  const { t, num, date, month, dir } = useI18n();
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => setWidth(Math.max(300, entries[0]?.contentRect.width ?? 800)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const n = buckets.length;
  const inner = width - PAD.side * 2;
  const step = n > 0 ? inner / n : inner;
  // Time runs with the reading direction: right to left in Arabic.
  const xOf = (i: number) => (dir === 'rtl' ? PAD.side + inner - (i + 1) * step : PAD.side + i * step);
  const bandBottom = HEIGHT - PAD.bottom - COUNT_H - 6;
  const maxCiv = Math.max(1, ...buckets.map((b) => b.civilians.max ?? b.civilians.min));
  const maxCount = Math.max(1, ...buckets.map((b) => b.incidents));
  const yCiv = (v: number) => bandBottom - (v / maxCiv) * (bandBottom - PAD.top);

  let band = '';
  if (n > 0) {
    const top = buckets.map((b, i) => `${xOf(i) + step / 2},${yCiv(b.civilians.max ?? b.civilians.min)}`);
    const bottom = buckets.map((b, i) => `${xOf(i) + step / 2},${yCiv(b.civilians.min)}`).reverse();
    band = `M${top.join('L')}L${bottom.join('L')}Z`;
  }

  const selected = useMemo(() => {
    if (drag) return { a: Math.min(drag.a, drag.b), b: Math.max(drag.a, drag.b) };
    if (!from && !to) return null;
    const lo = from ? Date.parse(from) / 86_400_000 : Number.NEGATIVE_INFINITY;
    const hi = to ? Date.parse(to) / 86_400_000 : Number.POSITIVE_INFINITY;
    let a = -1;
    let b = -1;
    buckets.forEach((bk, i) => {
      if (bk.endDay >= lo && bk.startDay <= hi) {
        if (a === -1) a = i;
        b = i;
      }
    });
    return a === -1 ? null : { a, b };
  }, [drag, from, to, buckets]);

  const indexAt = (clientX: number) => {
    const rect = (wrap.current as HTMLDivElement).getBoundingClientRect();
    const x = clientX - rect.left - PAD.side;
    const raw = Math.floor(x / step);
    const i = dir === 'rtl' ? n - 1 - raw : raw;
    return Math.max(0, Math.min(n - 1, i));
  };

  const commit = (a: number, b: number) => {
    const lo = buckets[Math.min(a, b)];
    const hi = buckets[Math.max(a, b)];
    if (lo && hi) onBrush(lo.start, isoDay(hi.endDay));
  };

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (n === 0) return;
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const i = indexAt(e.clientX);
    setDrag({ a: i, b: i });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (drag) setDrag({ a: drag.a, b: indexAt(e.clientX) });
  };
  const onPointerUp = () => {
    if (drag) commit(drag.a, drag.b);
    setDrag(null);
  };

  const first = buckets[0];
  const last = buckets[n - 1];
  const ticks = useMemo(() => {
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(inner / 90))));
    return buckets.map((b, i) => ({ b, i })).filter(({ i }) => i % every === 0);
  }, [buckets, n, inner]);

  return (
    <section className="timeline-panel" aria-labelledby="timeline-title">
      <div className="panel-head">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('timeline.bin')}</legend>
          {(['week', 'month'] as const).map((b) => (
            <label key={b}>
              <input type="radio" name="bin" value={b} checked={bin === b} onChange={() => onBinChange(b)} />
              {t(b === 'week' ? 'timeline.week' : 'timeline.month')}
            </label>
          ))}
        </fieldset>
        {(from || to) && (
          <button type="button" className="link" onClick={() => onBrush(null, null)}>
            {t('timeline.clearBrush')}
          </button>
        )}
      </div>
      <p id="timeline-hint" className="hint">
        {t('timeline.brushHint')}
      </p>
      {loaded && n === 0 && (
        <p className="muted" data-testid="timeline-empty">
          {t('timeline.empty')}
        </p>
      )}
      <div ref={wrap} className="timeline" hidden={loaded && n === 0}>
        <svg
          width={width}
          height={HEIGHT}
          role="img"
          aria-describedby="timeline-hint"
          aria-label={
            first && last
              ? t('timeline.summary', {
                  buckets: n,
                  first: date(first.start),
                  last: date(isoDay(last.endDay)),
                })
              : t('timeline.title')
          }
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          data-testid="timeline"
        >
          {selected && (
            <rect
              className="brush"
              x={Math.min(xOf(selected.a), xOf(selected.b))}
              y={PAD.top - 6}
              width={(selected.b - selected.a + 1) * step}
              height={HEIGHT - PAD.top - PAD.bottom + 6}
            />
          )}
          <path className="band" d={band} />
          {buckets.map((b, i) => {
            const h = (b.incidents / maxCount) * COUNT_H;
            const dim = selected && (i < selected.a || i > selected.b);
            return (
              <g key={b.start} className={dim ? 'dim' : undefined}>
                <rect
                  className="count-bar"
                  x={xOf(i) + step * 0.1}
                  y={HEIGHT - PAD.bottom - h}
                  width={Math.max(1, step * 0.8)}
                  height={h}
                >
                  <title>
                    {`${date(b.start)}: ${num(b.incidents)} · ${num(b.civilians.min)}–${
                      b.civilians.max === null ? '∞' : num(b.civilians.max)
                    }`}
                  </title>
                </rect>
                {b.civilians.max === null && (
                  <line
                    className="open-max"
                    x1={xOf(i) + step / 2}
                    x2={xOf(i) + step / 2}
                    y1={PAD.top}
                    y2={yCiv(b.civilians.min)}
                  />
                )}
              </g>
            );
          })}
          {ticks.map(({ b, i }) => (
            <text key={b.start} className="tick" x={xOf(i) + step / 2} y={HEIGHT - 6} textAnchor="middle">
              {bin === 'month' ? month(b.start) : date(b.start)}
            </text>
          ))}
          {/* "start" follows the inherited writing direction: in Arabic the label's right edge sits
              at the right margin and the text runs leftwards, inside the chart ("end" ran it off). */}
          <text className="axis" x={dir === 'rtl' ? width - 4 : 4} y={PAD.top + 8} textAnchor="start">
            {num(maxCiv)}
          </text>
        </svg>
      </div>
      <Legend
        items={[
          { swatch: 'band', label: t('timeline.legendBand') },
          { swatch: 'count-bar', label: t('timeline.legendCount') },
        ]}
      />
    </section>
  );
}
