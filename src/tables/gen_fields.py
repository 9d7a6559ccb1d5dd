#!/usr/bin/env python3
"""Generates the *Fields classes from tshark's own field and value tables.

Facts, not code: `tshark -G fields`, `tshark -G values` and `tshark -G protocols` list
every field's filter name, display name, type, base, bitmask, description and value
names. The protocols jcap dissects are kept in this folder as snapshots
(fields-4.0.tsv, values-4.0.tsv, protocols-4.0.tsv); this script turns them into Java.

  python3 src/tables/gen_fields.py --snapshot   # refresh the snapshots from the tshark on PATH
                                                # (and manuf.gz / wka.gz from libwireshark-data)
  python3 src/tables/gen_fields.py              # regenerate the Java classes

same-name-fields-4.0.tsv adds the fields -G fields does not list because an earlier field
has their filter name (kept by hand: --snapshot does not touch it).
"""
import gzip, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JAVA = os.path.join(ROOT, 'src', 'main', 'java')


# Generated fields that tshark 4.0's dissectors add with a NULL tvb (seen in its -T jsonraw
# output, not in -G fields): no bytes behind them, so their _raw arrays carry no hex.
WITHOUT_BYTES = {'icmp.resp_to', 'icmp.resptime', 'icmpv6.resp_to', 'icmpv6.resptime', 'tcp.completeness'}


def protocols():
    out = []
    for line in open(os.path.join(HERE, 'protocols.txt')):
        if not line.strip() or line.startswith('#'):
            continue
        filt, pkg, cls, doc = line.rstrip('\n').split(None, 3)
        out.append((filt, pkg, cls, doc))
    return out


def snapshot():
    wanted = {p[0] for p in protocols()}
    def run(arg):
        return subprocess.run(['tshark', '-G', arg], capture_output=True, text=True).stdout.splitlines()
    fields = [l for l in run('fields') if l.startswith('F\t') and l.split('\t')[4] in wanted]
    abbrevs = {l.split('\t')[2] for l in fields}
    values = [l for l in run('values') if len(l.split('\t')) > 2 and l.split('\t')[1] in abbrevs]
    protos = [l for l in run('protocols') if l.split('\t')[-1] in wanted]
    version = subprocess.run(['tshark', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
    for name, rows in (('fields-4.0.tsv', fields), ('values-4.0.tsv', values), ('protocols-4.0.tsv', protos)):
        with open(os.path.join(HERE, name), 'w') as f:
            f.write('# ' + version + '\n' + '\n'.join(rows) + '\n')
    # the MAC name tables tshark reads (Debian package libwireshark-data)
    for name in ('manuf', 'wka'):
        with open('/usr/share/wireshark/' + name, 'rb') as src:
            data = src.read()
        with open(os.path.join(HERE, name + '.gz'), 'wb') as out:
            out.write(gzip.compress(data, 9, mtime=0))


def java_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def const_name(abbrev, filt, used):
    rest = abbrev[len(filt) + 1:] if abbrev.startswith(filt + '.') else abbrev
    name = re.sub(r'[^A-Za-z0-9]+', '_', rest).strip('_').upper() or 'VALUE'
    if name[0].isdigit():
        name = '_' + name
    if name in ('PROTOCOL',):
        name += '_FIELD'
    base, n = name, 2
    while name in used:
        name = f'{base}_{n}'
        n += 1
    used.add(name)
    return name


def parse_int(s):
    return int(s, 0)


def jlong(v):
    """A Java long literal; unsigned 64-bit values wrap as Java's longs do."""
    if v >= 1 << 63:
        v -= 1 << 64
    return f'{v}L'


def main():
    if '--snapshot' in sys.argv:
        snapshot()
        return
    rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'fields-4.0.tsv')) if l.startswith('F\t')]
    # second fields of a name, which -G fields leaves out: declared after their protocol's others
    rows += [l.rstrip('\n').split('\t') for l in open(os.path.join(HERE, 'same-name-fields-4.0.tsv'))
             if l.startswith('F\t')]
    proto_names = {}
    for l in open(os.path.join(HERE, 'protocols-4.0.tsv')):
        if l.startswith('#') or not l.strip():
            continue
        name, short, filt = l.rstrip('\n').split('\t')
        proto_names[filt] = (name, short)
    values, ranges, tfs, units = {}, {}, {}, {}
    for l in open(os.path.join(HERE, 'values-4.0.tsv')):
        c = l.rstrip('\n').split('\t')
        if c[0] in ('V', 'V64'):
            values.setdefault(c[1], []).append((parse_int(c[2]), c[3]))
        elif c[0] == 'R':
            ranges.setdefault(c[1], []).append((parse_int(c[2]), parse_int(c[3]), c[4]))
        elif c[0] == 'T':
            tfs[c[1]] = (c[2], c[3])
        elif c[0] == 'U':
            units[c[1]] = (c[2], c[3] if len(c) > 3 else c[2])
    for filt, pkg, cls, doc in protocols():
        name, short = proto_names[filt]
        used = set()
        lines = []
        for r in rows:
            if r[4] != filt:
                continue
            _, fname, abbrev, ftype, _, base, mask, blurb = (r + [''] * 8)[:8]
            const = const_name(abbrev, filt, used)
            bits = 0
            if ftype == 'FT_BOOLEAN':
                bits = int(base) if base.isdigit() else 0
                base_enum = 'NONE'
            elif base.startswith('BASE_'):
                base_enum = base[5:]
                if base_enum not in ('NONE', 'DEC', 'HEX', 'OCT', 'DEC_HEX', 'HEX_DEC', 'OUI', 'CUSTOM',
                                     'PT_TCP', 'PT_UDP', 'PT_SCTP', 'PT_DCCP', 'EXP', 'UNIT_STRING'):
                    base_enum = 'NONE'
            else:
                base_enum = 'NONE'
            vals = 'null'
            if abbrev in values:
                pairs = ', '.join(f'{jlong(v)}, {java_string(s)}' for v, s in values[abbrev])
                vname = 'V_' + const
                lines.append(f'    private static final ValueNames {vname} = ValueNames.of({pairs});')
                vals = vname
            elif abbrev in ranges:
                triples = ', '.join(f'{jlong(lo)}, {jlong(hi)}, {java_string(s)}' for lo, hi, s in ranges[abbrev])
                vname = 'V_' + const
                lines.append(f'    private static final ValueNames {vname} = ValueNames.ranges({triples});')
                vals = vname
            t, f = tfs.get(abbrev, (None, None))
            u, us = units.get(abbrev, (None, None))
            def js(x):
                return 'null' if x is None else java_string(x)
            declare = 'declareWithoutBytes' if abbrev in WITHOUT_BYTES else 'declare'
            lines.append(f'    public static final FieldDef {const} = PROTOCOL.{declare}({java_string(abbrev)}, '
                         f'{java_string(fname)}, FieldType.{ftype[3:].upper()}, Base.{base_enum}, {vals}, '
                         f'{jlong(parse_int(mask))}, {bits}, {js(blurb) if blurb else "null"}, {js(t)}, {js(f)}, {js(u)}, {js(us)});')
        doc_lines = '\n'.join(' * ' + d if d else ' *' for d in doc.split('|'))
        src = f'''package {pkg};

import io.jcap.field.Base;
import io.jcap.field.FieldDef;
import io.jcap.field.FieldType;
import io.jcap.field.Protocol;
import io.jcap.field.ValueNames;

/**
{doc_lines}
 *
 * <p>Generated by src/tables/gen_fields.py from tshark 4.0's field and value tables
 * (src/tables/*-4.0.tsv); edit those, not this file.
 */
@SuppressWarnings("unused")
public final class {cls} {{
    public static final Protocol PROTOCOL = new Protocol({java_string(filt)}, {java_string(name)}, {java_string(short)});
{chr(10).join(lines)}

    private {cls}() {{
    }}
}}
'''
        path = os.path.join(JAVA, *pkg.split('.'), cls + '.java')
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(src)
        print(path, len([l for l in lines if 'FieldDef' in l]))


if __name__ == '__main__':
    main()
