import type { DateGroup } from "../model/group.js";
import { pad } from "../model/permalinks.js";
import { monthName } from "./dates.js";

const HEIGHT = 120;
const LABEL = 16;

/**
 * Draws articles per month as an inline SVG bar chart, oldest month on the left, one link per
 * month with articles. Months without articles keep their slot so time reads evenly.
 */
export function renderTimeline(years: readonly DateGroup[], rel: string): string {
  const counts = new Map<string, number>();
  for (const y of years)
    for (const m of y.children) counts.set(`${y.value}-${m.value}`, m.ids.length);
  const first = years.at(-1);
  const last = years[0];
  if (first === undefined || last === undefined) return "";
  const startMonth = Math.min(...first.children.map((m) => m.value));
  const endMonth = Math.max(...last.children.map((m) => m.value));
  const slots: { year: number; month: number; count: number }[] = [];
  for (
    let y = first.value, m = startMonth;
    y < last.value || (y === last.value && m <= endMonth);
  ) {
    slots.push({ year: y, month: m, count: counts.get(`${y}-${m}`) ?? 0 });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  const max = Math.max(...slots.map((s) => s.count));
  const barWidth = 8;
  const width = Math.max(slots.length * barWidth, 40);
  const parts: string[] = [];
  slots.forEach((slot, i) => {
    if (slot.month === 1 || i === 0) {
      parts.push(`<text x="${i * barWidth}" y="${HEIGHT + LABEL - 4}">${slot.year}</text>`);
    }
    if (slot.count === 0) return;
    const h = Math.max(2, Math.round((slot.count / max) * (HEIGHT - 4)));
    const label = `${monthName(slot.month)} ${slot.year}: ${slot.count} article${slot.count === 1 ? "" : "s"}`;
    parts.push(
      `<a href="${rel}${slot.year}/${pad(slot.month)}/index.html" aria-label="${label}"><rect x="${i * barWidth + 1}" y="${HEIGHT - h}" width="${barWidth - 2}" height="${h}"><title>${label}</title></rect></a>`,
    );
  });
  return `<svg class="timeline-chart" width="${width}" height="${HEIGHT + LABEL}" viewBox="0 0 ${width} ${HEIGHT + LABEL}" aria-label="Articles per month">${parts.join("")}</svg>`;
}
