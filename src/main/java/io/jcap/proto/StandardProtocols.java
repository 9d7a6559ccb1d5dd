package io.jcap.proto;

import io.jcap.dissect.DissectorEngine;
import io.jcap.dissect.EngineBuilder;
import io.jcap.proto.arp.ArpDissector;
import io.jcap.proto.data.DataDissector;
import io.jcap.proto.eth.EthDissector;
import io.jcap.proto.eth.EtherTypeDispatch;
import io.jcap.proto.frame.FrameDissector;
import io.jcap.proto.icmp.IcmpDissector;
import io.jcap.proto.icmpv6.Icmpv6Dissector;
import io.jcap.proto.ipv4.Ipv4Dissector;
import io.jcap.proto.ipv6.Ipv6Dissector;
import io.jcap.proto.llc.LlcDissector;
import io.jcap.proto.loop.NullDissector;
import io.jcap.proto.pppoe.PppoeSessionDissector;
import io.jcap.proto.rawip.RawIpDissector;
import io.jcap.proto.sll.SllDissector;
import io.jcap.proto.tcp.TcpDissector;
import io.jcap.proto.vlan.VlanTagDissector;
import io.jcap.proto.vxlan.VxlanDissector;
import io.jcap.proto.udp.UdpDissector;

/**
 * Assembles the dissectors jcap ships, wiring each to the tables it registers in and
 * hands off through. One call builds a fresh engine (and fresh per-run state).
 */
public final class StandardProtocols {
    private StandardProtocols() {
    }

    public static DissectorEngine engine() {
        return engine(new io.jcap.dissect.Limits());
    }

    /** An engine whose state stays within {@code limits}. */
    public static DissectorEngine engine(io.jcap.dissect.Limits limits) {
        return engine(limits, io.jcap.dissect.Hindsight.off());
    }

    /** An engine that notes for, or recalls from, the other pass of -2 in {@code hindsight}. */
    public static DissectorEngine engine(io.jcap.dissect.Limits limits, io.jcap.dissect.Hindsight hindsight) {
        EngineBuilder b = new EngineBuilder(limits, hindsight);
        DataDissector data = new DataDissector(b);
        new FrameDissector(b, data);
        EtherTypeDispatch etherTypes = new EtherTypeDispatch(b, data);
        LlcDissector llc = new LlcDissector(b, etherTypes, data);
        EthDissector ethernet = new EthDissector(b, etherTypes, llc);
        VlanTagDissector.register(b, etherTypes, llc);
        io.jcap.proto.vntag.VntagDissector.register(b, etherTypes);
        SllDissector.register(b, etherTypes, llc, data);
        NullDissector.register(b, etherTypes, data);
        RawIpDissector.register(b, data);
        io.jcap.proto.nflog.NflogDissector.register(b, data);
        new ArpDissector(b);
        new PppoeSessionDissector(b, data);
        new Ipv4Dissector(b, data);
        new Ipv6Dissector(b, data);
        new IcmpDissector(b);
        new Icmpv6Dissector(b);
        new TcpDissector(b, data);
        new UdpDissector(b, data);
        new io.jcap.proto.http.HttpDissector(b, data);
        new VxlanDissector(b, ethernet);
        new io.jcap.proto.dns.DnsDissector(b);
        io.jcap.proto.undissected.UndissectedProtocols.register(b);
        for (String table : new String[] {"ethertype", "ip.proto", "tcp.port", "udp.port"}) {
            b.table(table).allow("data", data);
        }
        return b.build();
    }
}
