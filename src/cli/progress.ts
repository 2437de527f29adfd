/** A one-line progress bar on a terminal: counts, rate and time left. Silent elsewhere. */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean) {
  const started = Date.now();
  let label = "";
  let total = 0;
  let phaseStart = started;
  let lastDraw = 0;
  let drawn = false;
  const active = enabled && stream.isTTY === true;
  return {
    phase(name: string, count: number) {
      label = name;
      total = count;
      phaseStart = Date.now();
    },
    update(done: number) {
      const now = Date.now();
      if (!active || now - started < 1000 || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const rate = done / Math.max(0.001, (now - phaseStart) / 1000);
      const width = 24;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const bar = "█".repeat(Math.round(share * width)).padEnd(width, "░");
      const left = total > done && rate > 0 ? `, ${Math.ceil((total - done) / rate)}s left` : "";
      stream.write(
        `\r${label} ${bar} ${done}/${total || "?"} (${Math.round(rate)}/s${left})\u001b[K`,
      );
    },
    done() {
      if (drawn) stream.write("\r\u001b[K");
      drawn = false;
    },
  };
}
