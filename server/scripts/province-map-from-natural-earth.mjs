// Turns Natural Earth's 1:10m Admin-1 polygons of Viet Nam (public domain) into the small province map the
// statistics pages draw: one SVG path per province, joined to the GSO province codes of registry/units.tsv.
//
// Usage: node province-map-from-natural-earth.mjs <ne_10m_admin_1 GeoJSON> <units.tsv> <source label>
// Output (stdout), TSV:
//   province <TAB> gso_code <TAB> iso_3166_2 <TAB> svg path (viewBox coordinates)
//   islands  <TAB> gso_code <TAB> group (paracel|spratly) <TAB> x <TAB> y <TAB> text-anchor (middle|end): where the
//            group's name is written, just under the group
//
// Steps: project (equirectangular, x scaled by cos 16°N, the country's middle latitude; north up), split every ring
// at the vertices where the set of provinces sharing it changes, simplify each piece with Douglas-Peucker in a
// fixed direction (so two neighbours simplify their common border the same way and no gap opens), round to 0.1.
// Rings that simplify to (almost) nothing are drawn as a small diamond at their centre, so islands stay visible.
import { readFileSync } from 'node:fs';

const [geojsonFile, unitsFile, source] = process.argv.slice(2);
const HEIGHT = 1000;          // viewBox height; the width follows from the country's shape
const TOLERANCE = 0.5;        // Douglas-Peucker tolerance in viewBox units (1 unit is about 1.7 km)
const MARKER = 3.5;           // half-width of the diamond drawn for an island too small to see
const LABEL_HALF_WIDTH = 160; // about half the width of an island group's name at the page's font size
const MIN_AREA = 6;           // rings smaller than this (viewBox units²) are drawn as that diamond
const MARGIN = 8;

// ISO 3166-2:VN code of each province → its GSO code. Natural Earth's names are not reliable for the join (three
// Vietnamese provinces carry the name of their region there: VN-39 "Đông Nam Bộ" is Đồng Nai, VN-53 "Đông Bắc" is
// Bắc Kạn, VN-66 "Đồng Bằng Sông Hồng" is Hưng Yên), so the join is by ISO code and the names are checked below.
const ISO_TO_GSO = {
  'VN-HN': '01', 'VN-03': '02', 'VN-04': '04', 'VN-53': '06', 'VN-07': '08', 'VN-02': '10', 'VN-71': '11',
  'VN-01': '12', 'VN-05': '14', 'VN-06': '15', 'VN-14': '17', 'VN-69': '19', 'VN-09': '20', 'VN-13': '22',
  'VN-54': '24', 'VN-68': '25', 'VN-70': '26', 'VN-56': '27', 'VN-61': '30', 'VN-HP': '31', 'VN-66': '33',
  'VN-20': '34', 'VN-63': '35', 'VN-67': '36', 'VN-18': '37', 'VN-21': '38', 'VN-22': '40', 'VN-23': '42',
  'VN-24': '44', 'VN-25': '45', 'VN-26': '46', 'VN-DN': '48', 'VN-27': '49', 'VN-29': '51', 'VN-31': '52',
  'VN-32': '54', 'VN-34': '56', 'VN-36': '58', 'VN-40': '60', 'VN-28': '62', 'VN-30': '64', 'VN-33': '66',
  'VN-72': '67', 'VN-35': '68', 'VN-58': '70', 'VN-37': '72', 'VN-57': '74', 'VN-39': '75', 'VN-43': '77',
  'VN-SG': '79', 'VN-41': '80', 'VN-46': '82', 'VN-50': '83', 'VN-51': '84', 'VN-49': '86', 'VN-45': '87',
  'VN-44': '89', 'VN-47': '91', 'VN-CT': '92', 'VN-73': '93', 'VN-52': '94', 'VN-55': '95', 'VN-59': '96',
};
const MISNAMED_IN_NATURAL_EARTH = new Set(['VN-39', 'VN-53', 'VN-66']);
// Quần đảo Hoàng Sa is a district of Đà Nẵng, Quần đảo Trường Sa one of Khánh Hòa. Natural Earth files them as
// their own units outside Viet Nam's admin-1 set; a map of Viet Nam's provinces draws them with their province.
const ISLAND_GROUPS = [
  { name: 'Paracel Islands', group: 'paracel', gso: '48' },
  { name: 'Spratly Islands', group: 'spratly', gso: '56' },
];

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
  .replace(/^(tinh|thanh pho)\s+/, '').replace(/[^a-z]/g, '');
const provinces = new Map();
for (const line of readFileSync(unitsFile, 'utf8').split('\n')) {
  const [code, level, , name] = line.split('\t');
  if (level === '1') provinces.set(code, name);
}

const all = JSON.parse(readFileSync(geojsonFile, 'utf8')).features;
const parts = [];   // {gso, iso, polygons: [[ring of [lon,lat]]]}
for (const f of all) {
  const p = f.properties;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  if (p.adm0_a3 === 'VNM') {
    const gso = ISO_TO_GSO[p.iso_3166_2];
    if (!gso || !provinces.has(gso)) throw new Error(`no GSO province for ${p.iso_3166_2} ${p.name}`);
    const named = fold(p.name_vi || p.name) === fold(provinces.get(gso));
    if (named === MISNAMED_IN_NATURAL_EARTH.has(p.iso_3166_2)) {
      throw new Error(`name check failed: ${p.iso_3166_2} "${p.name_vi}" vs GSO ${gso} "${provinces.get(gso)}"`);
    }
    parts.push({ gso, iso: p.iso_3166_2, polygons });
  } else {
    const island = ISLAND_GROUPS.find((g) => g.name === p.name);
    if (island) parts.push({ gso: island.gso, iso: null, group: island.group, polygons });
  }
}
const gsoSeen = new Set(parts.filter((q) => q.iso).map((q) => q.gso));
if (gsoSeen.size !== provinces.size || parts.filter((q) => q.iso).length !== provinces.size) {
  throw new Error(`expected ${provinces.size} provinces, got ${gsoSeen.size}`);
}
if (parts.filter((q) => q.group).length !== ISLAND_GROUPS.length) throw new Error('island groups not found');

// Projection to viewBox units.
const COS = Math.cos((16 * Math.PI) / 180);
let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
for (const q of parts) for (const poly of q.polygons) for (const ring of poly) for (const [lon, lat] of ring) {
  minX = Math.min(minX, lon * COS); maxX = Math.max(maxX, lon * COS);
  minY = Math.min(minY, -lat); maxY = Math.max(maxY, -lat);
}
const scale = (HEIGHT - 2 * MARGIN) / (maxY - minY);
const width = Math.ceil((maxX - minX) * scale + 2 * MARGIN);
const project = ([lon, lat]) => [(lon * COS - minX) * scale + MARGIN, (-lat - minY) * scale + MARGIN];

// Which parts own each vertex (by its exact source coordinates).
const key = ([lon, lat]) => `${lon},${lat}`;
const owners = new Map();
parts.forEach((q, i) => {
  for (const poly of q.polygons) for (const ring of poly) for (const v of ring) {
    const k = key(v);
    if (!owners.has(k)) owners.set(k, new Set());
    owners.get(k).add(i);
  }
});
const ownersOf = (v) => [...owners.get(key(v))].sort((a, b) => a - b).join(',');

function douglasPeucker(points) {
  if (points.length < 3) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a]; const [bx, by] = points[b];
    const len = Math.hypot(bx - ax, by - ay);
    let worst = -1, at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > worst) { worst = d; at = i; }
    }
    if (worst > TOLERANCE) { keep[at] = true; stack.push([a, at], [at, b]); }
  }
  return points.filter((_, i) => keep[i]);
}

// Simplifies a chain the same way whichever direction a ring walks it.
function simplifyChain(chain) {
  const first = key(chain[0]), last = key(chain[chain.length - 1]);
  const reversed = first > last || (first === last && key(chain[1] ?? chain[0]) > key(chain[chain.length - 2] ?? chain[0]));
  const forward = reversed ? [...chain].reverse() : chain;
  const kept = douglasPeucker(forward.map(project));
  return reversed ? kept.reverse() : kept;
}

function simplifyRing(ring) {
  const open = ring.slice(0, -1);   // GeoJSON rings repeat the first vertex at the end
  const n = open.length;
  const tags = open.map(ownersOf);
  const fixed = open.map((_, i) => i === 0 || tags[i] !== tags[(i + n - 1) % n] || tags[i] !== tags[(i + 1) % n]);
  const out = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || fixed[i]) {
      const chain = open.slice(start, i + 1 > n ? n : i + 1);
      if (i === n) chain.push(open[0]);
      const s = simplifyChain(chain);
      out.push(...s.slice(0, -1));
      start = i;
    }
  }
  return out;
}

const round = (v) => {
  const r = Math.round(v * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};
const area = (pts) => pts.reduce((s, [x, y], i) => {
  const [x2, y2] = pts[(i + 1) % pts.length];
  return s + x * y2 - x2 * y;
}, 0) / 2;

function ringPath(ring) {
  const pts = [];
  for (const p of simplifyRing(ring)) {
    const r = p.map(round);
    if (!pts.length || pts[pts.length - 1].join() !== r.join()) pts.push(r);
  }
  if (pts.length > 1 && pts[0].join() === pts[pts.length - 1].join()) pts.pop();
  if (pts.length >= 3 && Math.abs(area(pts.map((p) => p.map(Number)))) >= MIN_AREA) {
    return 'M' + pts.map((p) => p.join(' ')).join('L') + 'Z';
  }
  const c = ring.slice(0, -1).map(project).reduce((s, [x, y], _, a) => [s[0] + x / a.length, s[1] + y / a.length], [0, 0]);
  const [x, y] = c;
  return `M${round(x)} ${round(y - MARKER)}L${round(x + MARKER)} ${round(y)}L${round(x)} ${round(y + MARKER)}L${round(x - MARKER)} ${round(y)}Z`;
}

const byGso = new Map();
const labels = [];
for (const q of parts) {
  let d = '';
  for (const poly of q.polygons) {
    // Holes are dropped: at this scale none of Viet Nam's provinces has one worth drawing.
    d += ringPath(poly[0]);
  }
  byGso.set(q.gso, (byGso.get(q.gso) ?? '') + d);
  if (q.group) {
    const pts = q.polygons.flatMap((poly) => poly[0].map(project));
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    // The name goes under the group, centred on it unless that would run past the map's east edge.
    const centre = (Math.min(...xs) + Math.max(...xs)) / 2;
    const [x, anchor] = centre + LABEL_HALF_WIDTH <= width ? [centre, 'middle'] : [Math.max(...xs) + MARKER, 'end'];
    labels.push(['islands', q.gso, q.group, round(x), round(Math.max(...ys) + MARKER), anchor]);
  }
}

process.stdout.write(`# Viet Nam's ${provinces.size} provinces (units before 1 July 2025, GSO codes) from ${source}: Natural Earth\n`);
process.stdout.write('# 1:10m Admin-1 states and provinces, public domain. Simplified by server/scripts/province-map-from-natural-earth.mjs\n');
process.stdout.write(`# (Douglas-Peucker ${TOLERANCE} units, shared borders kept common). See PROVENANCE.md beside this file.\n`);
process.stdout.write(`# viewBox\t0 0 ${width} ${HEIGHT}\n`);
for (const gso of [...byGso.keys()].sort()) {
  const iso = parts.find((q) => q.gso === gso && q.iso).iso;
  process.stdout.write(['province', gso, iso, byGso.get(gso)].join('\t') + '\n');
}
for (const l of labels) process.stdout.write(l.join('\t') + '\n');
