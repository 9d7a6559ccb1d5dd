"""Asks tshark which port dissectors take any payload: for every row of a ports table
(transport, port, filter name, ...) it writes a capture holding a few payloads sent to that
port (text, an HTTP request or a DNS query, random bytes), reads it with tshark and prints
the rows whose protocol tshark shows for every payload.

usage: python3 probe_port_protocols.py PORTS.tsv SCRATCH.pcap > ACCEPTING.tsv
"""
import struct, subprocess, random, sys, collections
random.seed(7)
rows=[l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if not l.startswith('#')]
registered={(r[0],int(r[1])) for r in rows}
def csum(b):
    if len(b)%2: b+=b'\0'
    s=sum(struct.unpack('!%dH'%(len(b)//2),b)); s=(s>>16)+(s&0xffff); s+=s>>16; return (~s)&0xffff
def ip(src,dst,proto,l4):
    h=struct.pack('!BBHHHBBH4s4s',0x45,0,20+len(l4),1,0x4000,64,proto,0,bytes(src),bytes(dst))
    h=h[:10]+struct.pack('!H',csum(h))+h[12:]
    return b'\x02\0\0\0\0\x02\x02\0\0\0\0\x01\x08\x00'+h+l4
def tcp(src,dst,sp,dp,seq,ack,flags,p=b''):
    t=struct.pack('!HHIIBBHHH',sp,dp,seq,ack,5<<4,flags,65535,0,0)+p
    c=csum(bytes(src)+bytes(dst)+struct.pack('!BBH',0,6,len(t))+t)
    return ip(src,dst,6,t[:16]+struct.pack('!H',c)+t[18:])
def udp(src,dst,sp,dp,p):
    u=struct.pack('!HHHH',sp,dp,8+len(p),0)+p
    c=csum(bytes(src)+bytes(dst)+struct.pack('!BBH',0,17,len(u))+u)
    return ip(src,dst,17,u[:6]+struct.pack('!H',c or 0xffff)+u[8:])
probes={'text':b'x'*100,
        'http':b'GET / HTTP/1.1\r\nHost: a\r\n\r\n',
        'dns':bytes.fromhex('12340100000100000000000003777777076578616d706c6503636f6d0000010001'),
        'bin':bytes(random.randrange(256) for _ in range(100))}
free=[p for p in range(65535,1024,-1)]
out=open(sys.argv[2],'wb'); out.write(struct.pack('<IHHiIII',0xa1b2c3d4,2,4,0,0,65535,1))
n=[0]; meta={}
def w(b,key=None):
    n[0]+=1; out.write(struct.pack('<IIII',1000+n[0],0,len(b),len(b))+b)
    if key: meta[n[0]]=key
cp_iter=iter(p for p in free if ('tcp',p) not in registered and ('udp',p) not in registered)
for i,(tr,port,name,_,_) in enumerate(rows):
    port=int(port)
    for pn,pl in probes.items():
        if tr=='tcp' and pn=='dns': continue
        if tr=='udp' and pn=='http': continue
        cp=next(cp_iter); C=[10,1,(i>>8)&255,i&255]; S=[10,2,0,1]
        if tr=='tcp':
            w(tcp(C,S,cp,port,100,0,2)); w(tcp(S,C,port,cp,500,101,0x12)); w(tcp(C,S,cp,port,101,501,0x10))
            w(tcp(C,S,cp,port,101,501,0x18,pl),(tr,port,name,pn))
        else:
            w(udp(C,S,cp,port,pl),(tr,port,name,pn))
out.close()
res=subprocess.run(['tshark','-n','-r',sys.argv[2],'-T','fields','-e','frame.number','-e','frame.protocols'],capture_output=True,text=True).stdout
got={int(l.split('\t')[0]):l.split('\t')[1] for l in res.splitlines()}
claims=collections.defaultdict(dict)
for num,(tr,port,name,pn) in meta.items():
    layers=got[num].split(':')
    claims[(tr,port,name)][pn]=name in layers
accepting={k for k,d in claims.items() if all(d.values())}
for r in rows:
    if (r[0],int(r[1]),r[2]) in accepting:
        print('\t'.join(r))
