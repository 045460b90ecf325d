import { Bar, BarChart as Chart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '@/lib/format/numbers';
import { direction } from '@/lib/i18n/locale';
import { useLocale } from '@/lib/i18n/useLocale';

// Recharts takes physical sides; the margin is the same on both, so it is right in either direction.
const MARGIN = { top: 4, right: 16, bottom: 4, left: 16 }; // physical-ok: symmetric

/** A bar: its label (in the tooltip and the table), its value, and a shorter label for the axis if it has one. */
export type Datum = { label: string; value: number; tick?: string };

type Props = {
  title: string;
  data: Datum[];
  /** The column heading of the values in the accessible table. */
  valueLabel: string;
  /** Horizontal bars suit long category names (domains, countries); vertical ones suit time. */
  layout?: 'horizontal' | 'vertical';
};

/**
 * A bar chart with its numbers also given as a table for screen readers (the drawing itself is hidden from them).
 * In Persian the axis runs from the right.
 */
export function BarChart({ title, data, valueLabel, layout = 'horizontal' }: Props) {
  const { locale } = useLocale();
  const rtl = direction(locale) === 'rtl';
  const n = (value: number) => formatNumber(value, locale);
  const categoryWidth = Math.min(160, Math.max(60, ...data.map((d) => d.label.length * 7)));
  const height = layout === 'horizontal' ? Math.max(160, data.length * 34 + 40) : 260;
  const ticks = new Map(data.map((d) => [d.label, d.tick ?? d.label]));
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <div aria-hidden="true" className="chart__drawing" dir="ltr">
        <ResponsiveContainer width="100%" height={height}>
          {layout === 'horizontal' ? (
            <Chart data={data} layout="vertical" accessibilityLayer={false} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tickFormatter={n} reversed={rtl} />
              <YAxis type="category" dataKey="label" width={categoryWidth} orientation={rtl ? 'right' : 'left'} tick={{ fontSize: 13 }} />
              <Tooltip formatter={(value) => n(Number(value))} />
              <Bar dataKey="value" name={valueLabel} fill="var(--chart-bar)" radius={3} isAnimationActive={false} />
            </Chart>
          ) : (
            <Chart data={data} accessibilityLayer={false} margin={MARGIN}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" reversed={rtl} tick={{ fontSize: 12 }} tickFormatter={(label: string) => ticks.get(label) ?? label} />
              <YAxis allowDecimals={false} tickFormatter={n} orientation={rtl ? 'right' : 'left'} />
              <Tooltip formatter={(value) => n(Number(value))} />
              <Bar dataKey="value" name={valueLabel} fill="var(--chart-bar)" radius={3} maxBarSize={48} isAnimationActive={false} />
            </Chart>
          )}
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((datum) => (
            <tr key={datum.label}>
              <th scope="row">{datum.label}</th>
              <td>{n(datum.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
