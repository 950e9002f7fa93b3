// Statistics the bench scripts share.

/** The middle value (the mean of the two middle ones for an even count): one slow moment moves it least. */
export function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
