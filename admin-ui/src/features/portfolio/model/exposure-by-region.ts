/** Exposure by region: Chinese clients by province code, the others by country. */
export function exposureByRegion(clients: { country: string; provinceCode: string | null; exposure: number }[]): { key: string; count: number; exposure: number }[] {
  const m = new Map<string, { key: string; count: number; exposure: number }>();
  for (const c of clients) {
    const key = c.country === 'CN' ? (c.provinceCode ?? 'CN') : c.country;
    const row = m.get(key) ?? { key, count: 0, exposure: 0 };
    row.count++;
    row.exposure += c.exposure;
    m.set(key, row);
  }
  return [...m.values()].sort((a, b) => b.exposure - a.exposure);
}
